using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Publicity.Agencies;
using Longshan.Publicity.Inspections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Longshan.Publicity.Portal.Pages.Inspections;

/// <summary>双随机、一公开: one draw with its published inputs, the assigned officers and the published results.</summary>
public sealed class DrawModel(
    ReadSession reads, DrawStore draws, InspectionResultStore results, AgencyStore agencies, Longshan.Publicity.Decisions.RedactionOptions redaction) : PageModel
{
    public InspectionDraw Draw { get; private set; } = new();

    public string AgencyName { get; private set; } = "";

    ILookup<string, InspectionResult> resultsByTarget = Array.Empty<InspectionResult>().ToLookup(r => r.TargetId);

    /// <summary>A target's results, oldest first: corrected ones stay listed (marked corrected), with their corrections after them.</summary>
    public IEnumerable<InspectionResult> ResultsFor(string targetId) => resultsByTarget[targetId];

    public EligibleOfficer Officer(string officerId) =>
        Draw.Officers.FirstOrDefault(o => o.OfficerId == officerId) ?? new EligibleOfficer { OfficerId = officerId, Name = officerId };

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var drawId)) return NotFound();
        var session = await reads.GetAsync(cancellationToken);
        var draw = await draws.FindAsync(session, drawId);
        if (draw is null) return NotFound();
        Draw = PublicDraws.Public(draw);
        AgencyName = (await agencies.FindAsync(session, draw.AgencyCode))?.Name ?? draw.AgencyCode;
        resultsByTarget = (await results.PageAsync(session, draw.AgencyCode, drawId, long.MaxValue, 1000))
            .OrderBy(r => r.Seq).Select(r => InspectionResults.ForListing(r.Value, redaction)).ToLookup(r => r.TargetId);
        return Page();
    }
}
