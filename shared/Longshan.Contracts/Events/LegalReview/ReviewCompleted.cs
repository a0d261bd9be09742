using System.Text.Json.Serialization;

namespace Longshan.Contracts.Events.LegalReview;

/// <summary>
/// 法制审核已完成 — the legal review (法制审核) of a major enforcement decision was completed with an opinion.
/// Exchange <c>longshan.legalreview.review-completed.v1</c>. <see cref="IntegrationEvent.AgencyCode"/> is the
/// credit code of the agency whose decision was reviewed. A review passes when the outcome is <c>approve</c> or
/// <c>approve-after-amendment</c>; a major decision may only be made on a passed review (APL art. 58).
/// </summary>
/// <example>
/// <code>
/// { "eventId": "…", "eventType": "ReviewCompleted", "schemaVersion": 1, "occurredAt": "2026-09-28T08:00:00Z",
///   "agencyCode": "11433130MB1234567X", "reviewId": "LS-FZSH-2026-0042", "caseNumber": "龙市监罚〔2026〕42号",
///   "outcome": "approve", "completedAt": "2026-09-28T08:00:00Z",
///   "draftDigest": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" }
/// </code>
/// </example>
[EventContract("legalreview", "ReviewCompleted", 1)]
public sealed record ReviewCompleted : IntegrationEvent
{
    /// <summary>The review's id; agencies quote it as the clearance reference of the decision.</summary>
    public required string ReviewId { get; init; }

    /// <summary>案号 of the reviewed case.</summary>
    public required string CaseNumber { get; init; }

    /// <summary><c>approve</c> (同意), <c>approve-after-amendment</c> (修改后同意) or <c>disagree</c> (不同意，退回).</summary>
    public required string Outcome { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>
    /// SHA-256 (lower-case hex) of the draft decision as finally approved — after <c>approve-after-amendment</c>, the
    /// amended version; the reviewed version for <c>disagree</c>. Joined v1 later (additive): null in events raised before.
    /// </summary>
    public string? DraftDigest { get; init; }

    public const string Approve = "approve";
    public const string ApproveAfterAmendment = "approve-after-amendment";
    public const string Disagree = "disagree";

    /// <summary>Whether the outcome clears the decision (not part of the JSON body).</summary>
    [JsonIgnore]
    public bool Passed => Outcome is Approve or ApproveAfterAmendment;
}
