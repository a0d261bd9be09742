using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Identifiers;
using Longshan.Publicity.Agencies;
using Longshan.Publicity.PowerList;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Longshan.Publicity.Portal.Pages.Agencies;

/// <summary>One enforcement item (行政执法事项): legal basis, flowchart (执法流程图), service guide (服务指南), versions.</summary>
public sealed class ItemModel(Database database, AgencyStore agencies, PowerItemStore powerItems) : PageModel
{
    public Agency Agency { get; private set; } = new();

    public PowerItem Item { get; private set; } = new();

    public IReadOnlyList<PowerItem> History { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "version")]
    public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, string itemCode, CancellationToken cancellationToken)
    {
        code = UnifiedSocialCreditCode.Normalize(code);
        if (!UnifiedSocialCreditCode.IsValid(code)) return NotFound();
        await using (var connection = await database.OpenAsync(cancellationToken))
            Agency = await agencies.FindAsync(connection, code) ?? new Agency();
        var item = await powerItems.GetAsync(code, itemCode, Version, cancellationToken);
        if (string.IsNullOrEmpty(Agency.CreditCode) || item is null) return NotFound();
        Item = item;
        History = await powerItems.HistoryAsync(code, itemCode, cancellationToken);
        return Page();
    }
}
