using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Publicity.Decisions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Longshan.Publicity.Portal.Pages.Decisions;

/// <summary>One published decision (redacted public version), its corrections, or its withdrawal (APL art. 48).</summary>
public sealed class DecisionModel(ReadSession reads, PublicDecisionStore decisions, TimeProvider time) : PageModel
{
    public PublicDecision Decision { get; private set; } = new();

    public IReadOnlyList<PublicDecisionVersion> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var decisionId)) return NotFound();
        var session = await reads.GetAsync(cancellationToken);
        var decision = await decisions.FindPublicAsync(session, decisionId, CountyTime.Today(time));
        if (decision is null) return NotFound();
        Decision = decision;
        History = await decisions.HistoryAsync(session, decisionId, decision.Withdrawn);
        return Page();
    }
}
