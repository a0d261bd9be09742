using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Publicity.Agencies;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Longshan.Publicity.Portal.Pages;

public sealed class IndexModel(ReadSession reads, AgencyStore agencies) : PageModel
{
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var session = await reads.GetAsync(cancellationToken);
        Agencies = (await agencies.ListAsync(session, AgencyStore.ReadPage(new FieldViolations(), 20, null))).Items;
    }
}
