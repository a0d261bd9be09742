using Longshan.Contracts.Events.LegalReview;
using V1 = Longshan.Contracts.LegalReview.V1;

namespace Longshan.LegalReview.Reviews;

/// <summary>审核申请状态 — where a review request stands.</summary>
public enum ReviewStatus
{
    Submitted,
    Returned,
    Accepted,
    UnderReview,
    Approved,
    ApprovedAfterAmendment,
    Disagreed,
    Coordinating,
    CollectiveDiscussion,
    Closed,
    Withdrawn,
}

/// <summary>
/// 审核事项 (国办发〔2018〕118号; T13): body and officers, powers, procedure, facts, evidence, law, discretion
/// (裁量基准, 《行政处罚法》第三十四条), documents, criminal transfer. Each needs a finding before the opinion.
/// </summary>
public enum ReviewCheck
{
    BodyAndOfficers,
    Powers,
    Procedure,
    Facts,
    Evidence,
    Law,
    Discretion,
    Documents,
    CriminalTransfer,
}

/// <summary>审核意见: 同意 / 修改后同意 / 不同意.</summary>
public enum ReviewOpinion { Approve, ApproveAfterAmendment, Disagree }

/// <summary>One mapping per enum to its stored (kebab-case) name and to proto.</summary>
public static class ReviewNames
{
    static readonly Dictionary<ReviewStatus, string> StatusNames = new()
    {
        [ReviewStatus.Submitted] = "submitted",
        [ReviewStatus.Returned] = "returned",
        [ReviewStatus.Accepted] = "accepted",
        [ReviewStatus.UnderReview] = "under-review",
        [ReviewStatus.Approved] = "approved",
        [ReviewStatus.ApprovedAfterAmendment] = "approved-after-amendment",
        [ReviewStatus.Disagreed] = "disagreed",
        [ReviewStatus.Coordinating] = "coordinating",
        [ReviewStatus.CollectiveDiscussion] = "collective-discussion",
        [ReviewStatus.Closed] = "closed",
        [ReviewStatus.Withdrawn] = "withdrawn",
    };

    static readonly Dictionary<ReviewCheck, string> CheckNames = new()
    {
        [ReviewCheck.BodyAndOfficers] = "body-and-officers",
        [ReviewCheck.Powers] = "powers",
        [ReviewCheck.Procedure] = "procedure",
        [ReviewCheck.Facts] = "facts",
        [ReviewCheck.Evidence] = "evidence",
        [ReviewCheck.Law] = "law",
        [ReviewCheck.Discretion] = "discretion",
        [ReviewCheck.Documents] = "documents",
        [ReviewCheck.CriminalTransfer] = "criminal-transfer",
    };

    public static string Name(ReviewStatus status) => StatusNames[status];

    public static ReviewStatus Status(string name) => StatusNames.Single(p => p.Value == name).Key;

    public static string Name(ReviewCheck check) => CheckNames[check];

    public static ReviewCheck Check(string name) => CheckNames.Single(p => p.Value == name).Key;

    /// <summary>The opinion as ReviewCompleted names it.</summary>
    public static string Name(ReviewOpinion opinion) => opinion switch
    {
        ReviewOpinion.Approve => ReviewCompleted.Approve,
        ReviewOpinion.ApproveAfterAmendment => ReviewCompleted.ApproveAfterAmendment,
        _ => ReviewCompleted.Disagree,
    };

    public static ReviewOpinion Opinion(string name) => name switch
    {
        ReviewCompleted.Approve => ReviewOpinion.Approve,
        ReviewCompleted.ApproveAfterAmendment => ReviewOpinion.ApproveAfterAmendment,
        _ => ReviewOpinion.Disagree,
    };

    public static V1.ReviewStatus ToProto(ReviewStatus status) => (V1.ReviewStatus)((int)status + 1);

    public static V1.ReviewCheck ToProto(ReviewCheck check) => (V1.ReviewCheck)((int)check + 1);

    public static ReviewCheck? ToDomain(V1.ReviewCheck check) =>
        check is > V1.ReviewCheck.Unspecified and <= V1.ReviewCheck.CriminalTransfer ? (ReviewCheck)((int)check - 1) : null;

    public static V1.ReviewOpinion ToProto(ReviewOpinion opinion) => (V1.ReviewOpinion)((int)opinion + 1);

    public static ReviewOpinion? ToDomain(V1.ReviewOpinion opinion) =>
        opinion is > V1.ReviewOpinion.Unspecified and <= V1.ReviewOpinion.Disagree ? (ReviewOpinion)((int)opinion - 1) : null;

    public static string? FindingName(V1.FindingResult result) => result switch
    {
        V1.FindingResult.Satisfied => "satisfied",
        V1.FindingResult.Problem => "problem",
        _ => null,
    };

    public static V1.FindingResult FindingResult(string name) => name == "problem" ? V1.FindingResult.Problem : V1.FindingResult.Satisfied;

    /// <summary>The roles a step is recorded under (T15).</summary>
    public static class Roles
    {
        /// <summary>承办机构 — the handling unit of the agency.</summary>
        public const string HandlingUnit = "handling-unit";

        /// <summary>法制审核机构 — the agency's legal-review body.</summary>
        public const string ReviewingBody = "reviewing-body";

        /// <summary>法制审核人员 — the assigned reviewer.</summary>
        public const string Reviewer = "reviewer";

        /// <summary>机关负责人 — the agency head, first responsible person for the final decision.</summary>
        public const string AgencyHead = "agency-head";

        /// <summary>集体讨论 — the agency's leaders (APL art. 57).</summary>
        public const string Leadership = "leadership";
    }
}
