using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Publicity.Agencies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Longshan.Publicity.Portal.Pages.Agencies;

/// <summary>执法主体 — every registered agency, in name order, paged by the platform's keyset token.</summary>
public sealed class AgencyListModel(ReadSession reads, AgencyStore agencies) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "next")]
    public string? PageToken { get; set; }

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public string NextPage { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A bad token (an old bookmark) shows the first page rather than an error.
        var paging = AgencyStore.ReadPage(new FieldViolations(), Paging.DefaultSize, PageToken);
        var page = await agencies.ListAsync(await reads.GetAsync(cancellationToken), paging);
        (Agencies, NextPage) = (page.Items, page.NextToken);
    }
}
