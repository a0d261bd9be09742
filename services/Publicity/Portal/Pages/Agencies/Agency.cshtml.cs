using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Identifiers;
using Longshan.Publicity.Agencies;
using Longshan.Publicity.Inspections;
using Longshan.Publicity.PowerList;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Longshan.Publicity.Portal.Pages.Agencies;

/// <summary>One enforcement body: what it is, where to challenge its decisions, its powers and inspections.</summary>
public sealed class AgencyModel(
    Database database, AgencyStore agencies, PowerItemStore powerItems, InspectionItemStore inspectionItems, DrawStore draws) : PageModel
{
    public Agency Agency { get; private set; } = new();

    /// <summary>The agency's power list (items in force), one page.</summary>
    public IReadOnlyList<PowerItem> Items { get; private set; } = [];

    public string? NextItemsPage { get; private set; }

    /// <summary>双随机、一公开: the agency's random-inspection items and its latest draws.</summary>
    public IReadOnlyList<InspectionItem> InspectionItems { get; private set; } = [];

    public IReadOnlyList<InspectionDraw> Draws { get; private set; } = [];

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
        InspectionItems = (await inspectionItems.PageAsync(connection, code, long.MaxValue, 100)).Select(i => i.Value).ToList();
        Draws = (await draws.PageAsync(connection, code, long.MaxValue, 50)).Select(d => d.Value).ToList();
        return Page();
    }
}
