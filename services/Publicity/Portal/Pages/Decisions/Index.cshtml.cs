using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Publicity.Decisions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Longshan.Publicity.Portal.Pages.Decisions;

/// <summary>
/// 事后公开 (T4): search published decisions by agency, category, date range and keyword, newest first, paged.
/// Runs the same <see cref="PublicDecisionStore.SearchPublicAsync"/> as the public gRPC search, over public versions only.
/// </summary>
public sealed class DecisionSearchModel(ReadSession reads, PublicDecisionStore decisions, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public int? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "next")] public string? PageToken { get; set; }

    public IReadOnlyList<PublicDecision> Results { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string? NextPage { get; private set; }

    public string NextPageLink => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["agency"] = Agency, ["category"] = Category?.ToString(), ["from"] = From, ["to"] = To, ["next"] = NextPage,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent() is var query ? "/decisions" + query : "/decisions";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var request = new SearchPublicDecisionsRequest
        {
            Keyword = Q ?? "", AgencyCode = Agency ?? "", Category = (Contracts.Publicity.V1.DecisionCategory)(Category ?? 0),
            DecidedFrom = From ?? "", DecidedTo = To ?? "", PageToken = PageToken ?? "", PageSize = 20,
        };
        var search = DecisionSearch.FromRequest(request, out var violations);
        if (!violations.IsEmpty)
        {
            Problems = violations.Descriptions;
            return;
        }
        var page = await decisions.SearchPublicAsync(await reads.GetAsync(cancellationToken), search, CountyTime.Today(time));
        Results = page.Decisions;
        NextPage = page.Next?.Encode();
    }
}
