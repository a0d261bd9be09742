using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Identifiers;
using Longshan.Publicity.Agencies;
using Longshan.Publicity.PowerList;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Longshan.Publicity.Portal.Pages.Agencies;

/// <summary>One enforcement body: what it is, where to challenge its decisions, its powers and inspections.</summary>
public sealed class AgencyModel(Database database, AgencyStore agencies, PowerItemStore powerItems) : PageModel
{
    public Agency Agency { get; private set; } = new();

    /// <summary>The agency's power list (items in force), one page.</summary>
    public IReadOnlyList<PowerItem> Items { get; private set; } = [];

    public string? NextItemsPage { get; private set; }

    [BindProperty(SupportsGet = true, Name = "items")]
    public string? ItemsPage { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        code = UnifiedSocialCreditCode.Normalize(code);
        if (!UnifiedSocialCreditCode.IsValid(code)) return NotFound();
        await using var connection = await database.OpenAsync(cancellationToken);
        var agency = await agencies.FindAsync(connection, code);
        if (agency is null) return NotFound();
        Agency = agency;
        var items = await powerItems.ListCurrentAsync(code, category: null, pageSize: 100, ItemsPage, cancellationToken);
        (Items, NextItemsPage) = (items.Items, items.NextPageToken);
        return Page();
    }
}
