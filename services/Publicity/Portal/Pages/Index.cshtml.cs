using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Publicity.Agencies;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Longshan.Publicity.Portal.Pages;

public sealed class IndexModel(Database database, AgencyStore agencies) : PageModel
{
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        Agencies = await agencies.ListAsync(connection, skip: 0, take: 20);
    }
}
