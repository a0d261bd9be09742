using Longshan.Contracts.Rules;
using Longshan.Platform.Calendar;

namespace Longshan.Platform.Legal;

/// <summary>法制审核结论 — the outcome of a legal review as a service learned it (from LegalReview's ReviewCompleted).</summary>
/// <param name="DraftDigest">SHA-256 (hex) of the draft as finally approved, when the review names it.</param>
public sealed record ReviewClearance(
    string ReviewId, string AgencyCode, string CaseNumber, bool Passed, DateTimeOffset CompletedAt, string? DraftDigest = null);

/// <summary>The decision that relies on a clearance.</summary>
/// <param name="DecisionDate">The decision's date (county calendar).</param>
/// <param name="ContentDigest">SHA-256 (hex) of the decision's text, when the caller names it.</param>
public sealed record DecisionForClearance(string AgencyCode, string CaseNumber, DateOnly DecisionDate, string? ContentDigest = null);

/// <summary>
/// The one clearance rule every service applies (Publicity before publishing, RecordingArchive before sealing,
/// Statistics when counting). 《行政处罚法》第五十八条: no major decision without a passed legal review — and a
/// clearance is bound to one case: the same agency, the same case number (after <see cref="CaseNumbers.Normalize"/>),
/// completed on or before the decision date (county date), and, when both sides name a digest, the same text.
/// A review of another case clears nothing.
/// </summary>
public static class ReviewClearanceRule
{
    /// <summary>The rule the clearance breaks for this decision; null when it clears it.</summary>
    public static Rule? Refusal(ReviewClearance? clearance, DecisionForClearance decision)
    {
        if (clearance is null) return RuleCatalog.ReviewClearanceMissing;
        if (!string.Equals(clearance.AgencyCode.Trim(), decision.AgencyCode.Trim(), StringComparison.OrdinalIgnoreCase))
            return RuleCatalog.ReviewClearanceOtherAgency;
        if (!CaseNumbers.Same(clearance.CaseNumber, decision.CaseNumber)) return RuleCatalog.ReviewClearanceOtherCase;
        if (!clearance.Passed) return RuleCatalog.ReviewClearanceNotPassed;
        if (CountyTime.DateOf(clearance.CompletedAt) > decision.DecisionDate) return RuleCatalog.ReviewClearanceAfterDecision;
        if (!string.IsNullOrEmpty(clearance.DraftDigest) && !string.IsNullOrEmpty(decision.ContentDigest)
            && !string.Equals(clearance.DraftDigest, decision.ContentDigest, StringComparison.OrdinalIgnoreCase))
            return RuleCatalog.ReviewClearanceOtherDraft;
        return null;
    }
}
