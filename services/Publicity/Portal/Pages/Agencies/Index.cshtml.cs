using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Publicity.Agencies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Longshan.Publicity.Portal.Pages.Agencies;

public sealed class AgencyListModel(ReadSession reads, AgencyStore agencies) : PageModel
{
    const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public bool HasMore { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var session = await reads.GetAsync(cancellationToken);
        var rows = await agencies.ListAsync(session, skip: (PageNumber - 1) * PageSize, take: PageSize + 1);
        HasMore = rows.Count > PageSize;
        Agencies = rows.Take(PageSize).ToList();
    }
}
