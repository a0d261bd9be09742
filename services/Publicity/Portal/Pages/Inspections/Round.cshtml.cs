using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Publicity.Agencies;
using Longshan.Publicity.Inspections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Longshan.Publicity.Portal.Pages.Inspections;

/// <summary>双随机: a round's pool as frozen and published before its draw (natural persons masked), and its draw once made.</summary>
public sealed class RoundModel(ReadSession reads, DrawRoundStore rounds, AgencyStore agencies) : PageModel
{
    public DrawRound Round { get; private set; } = new();

    public string AgencyName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var roundId)) return NotFound();
        var session = await reads.GetAsync(cancellationToken);
        var round = await rounds.FindAsync(session, roundId);
        if (round is null) return NotFound();
        Round = PublicDraws.Public(round);
        AgencyName = (await agencies.FindAsync(session, round.AgencyCode))?.Name ?? round.AgencyCode;
        return Page();
    }
}
