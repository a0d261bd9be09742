using Longshan.Contracts.Rules;

namespace Longshan.LegalReview.Reviews;

/// <summary>The steps a review request can take (each one gRPC write).</summary>
public enum ReviewAction
{
    Accept,
    Return,
    Amend,
    Assign,
    RecordFinding,
    Decide,
    Extend,
    OpenCoordination,
    ResolveCoordination,
    Escalate,
    RecordCollectiveDiscussion,
    Withdraw,
}

/// <summary>
/// 法制审核流程 — which step each status allows, and the rules of the opinion. Pure: no clock, no I/O.
/// submitted → accepted (受理) | returned (退回补正); returned → submitted (amended); accepted → under-review (assigned);
/// under-review → approved | approved-after-amendment | disagreed (T13); disagreed → coordinating (T14);
/// coordinating | disagreed → collective-discussion (《行政处罚法》第五十七条); coordination and discussion either send the
/// case back to review or close it. A request can be withdrawn until it has a passing opinion or is closed.
/// </summary>
public static class ReviewLifecycle
{
    static readonly Dictionary<ReviewAction, ReviewStatus[]> AllowedFrom = new()
    {
        [ReviewAction.Accept] = [ReviewStatus.Submitted],
        [ReviewAction.Return] = [ReviewStatus.Submitted],
        [ReviewAction.Amend] = [ReviewStatus.Returned, ReviewStatus.Accepted, ReviewStatus.UnderReview],
        [ReviewAction.Assign] = [ReviewStatus.Accepted, ReviewStatus.UnderReview],
        [ReviewAction.RecordFinding] = [ReviewStatus.UnderReview],
        [ReviewAction.Decide] = [ReviewStatus.UnderReview],
        [ReviewAction.Extend] = [ReviewStatus.Accepted, ReviewStatus.UnderReview],
        [ReviewAction.OpenCoordination] = [ReviewStatus.Disagreed],
        [ReviewAction.ResolveCoordination] = [ReviewStatus.Coordinating],
        // A complex case may also go to collective discussion while under review (APL art. 57).
        [ReviewAction.Escalate] = [ReviewStatus.Disagreed, ReviewStatus.Coordinating, ReviewStatus.UnderReview],
        [ReviewAction.RecordCollectiveDiscussion] = [ReviewStatus.CollectiveDiscussion],
        [ReviewAction.Withdraw] =
        [
            ReviewStatus.Submitted, ReviewStatus.Returned, ReviewStatus.Accepted, ReviewStatus.UnderReview, ReviewStatus.Disagreed,
            ReviewStatus.Coordinating, ReviewStatus.CollectiveDiscussion,
        ],
    };

    /// <summary>Statuses in which a request for the case is still open (a second request for the case is refused).</summary>
    public static readonly ReviewStatus[] Open =
        [ReviewStatus.Submitted, ReviewStatus.Returned, ReviewStatus.Accepted, ReviewStatus.UnderReview, ReviewStatus.Coordinating, ReviewStatus.CollectiveDiscussion];

    /// <summary><see cref="RuleCatalog.ReviewStatus"/> when <paramref name="action"/> is not allowed now; null when it is.</summary>
    public static Rule? Refusal(ReviewRow row, ReviewAction action)
    {
        var status = row.State;
        if (!AllowedFrom[action].Contains(status)) return RuleCatalog.ReviewStatus;
        if (action == ReviewAction.Escalate && status == ReviewStatus.UnderReview && !row.ComplexCase) return RuleCatalog.ReviewStatus;
        return null;
    }

    /// <summary>Whether <paramref name="action"/> is allowed from <paramref name="status"/> (for tests and documentation).</summary>
    public static bool Allows(ReviewStatus status, ReviewAction action) => AllowedFrom[action].Contains(status);

    /// <summary>
    /// The rule an opinion breaks; null when it may be given. Every check has a finding (T13); approve-after-amendment
    /// needs a version of the draft amended after the review started (the amended text is what it clears).
    /// </summary>
    public static Rule? OpinionRefusal(ReviewRow row, ReviewOpinion opinion, IReadOnlyCollection<ReviewCheck> recorded)
    {
        if (Enum.GetValues<ReviewCheck>().Except(recorded).Any()) return RuleCatalog.ReviewChecksIncomplete;
        if (opinion == ReviewOpinion.ApproveAfterAmendment && row.MaterialsVersion <= (row.AcceptedMaterials ?? row.MaterialsVersion))
            return RuleCatalog.ReviewAmendmentMissing;
        return null;
    }

    /// <summary>The checks that still lack a finding.</summary>
    public static IReadOnlyList<ReviewCheck> Missing(IReadOnlyCollection<ReviewCheck> recorded) => [.. Enum.GetValues<ReviewCheck>().Except(recorded)];

    /// <summary>The status an opinion leads to.</summary>
    public static ReviewStatus After(ReviewOpinion opinion) => opinion switch
    {
        ReviewOpinion.Approve => ReviewStatus.Approved,
        ReviewOpinion.ApproveAfterAmendment => ReviewStatus.ApprovedAfterAmendment,
        _ => ReviewStatus.Disagreed,
    };

    /// <summary>The extension of the time limit: only for a complex case, and once.</summary>
    public static Rule? ExtensionRefusal(ReviewRow row) =>
        !row.ComplexCase || row.Extended ? RuleCatalog.ReviewExtensionNotAllowed : null;

    /// <summary>
    /// 审核与办案相分离: a responsible officer of the case (named by person id or name in the materials) may not review it.
    /// </summary>
    public static bool IsHandler(IEnumerable<string> responsibleOfficers, string personId, string name) =>
        responsibleOfficers.Any(o => string.Equals(o.Trim(), personId, StringComparison.OrdinalIgnoreCase)
                                     || string.Equals(o.Trim(), name.Trim(), StringComparison.Ordinal));
}
