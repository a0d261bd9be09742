using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Identifiers;
using Longshan.Publicity.Agencies;
using Longshan.Publicity.PowerList;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Longshan.Publicity.Portal.Pages.Agencies;

/// <summary>One enforcement item (行政执法事项): legal basis, flowchart (执法流程图), service guide (服务指南), versions.</summary>
public sealed class ItemModel(ReadSession reads, AgencyStore agencies, PowerItemStore powerItems) : PageModel
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
        var session = await reads.GetAsync(cancellationToken);
        
            Agency = await agencies.FindAsync(session, code) ?? new Agency();
        var item = await powerItems.GetAsync(session, code, itemCode, Version);
        if (string.IsNullOrEmpty(Agency.CreditCode) || item is null) return NotFound();
        Item = item;
        History = await powerItems.HistoryAsync(session, code, itemCode);
        return Page();
    }
}
