namespace Longshan.Publicity.Decisions;

/// <summary>A row of <c>decisions</c>: lifecycle, deadlines and overdue marks of one decision (no personal data).</summary>
public sealed class DecisionRow
{
    public Guid DecisionId { get; set; }
    /// <summary>
    /// 1 at registration; each change of the decision's state (publication, correction, withdrawal) adds one. Every
    /// state-changing update is conditional on it, and the decision's events carry it (<c>revision</c>).
    /// </summary>
    public int Revision { get; set; }
    public string AgencyCode { get; set; } = "";
    public string CaseNumber { get; set; } = "";
    /// <summary>Stable category name (<see cref="DecisionNames.Category"/>).</summary>
    public string Category { get; set; } = "";
    public DateOnly DecisionDate { get; set; }
    public bool IsMajor { get; set; }
    public string? ReviewClearanceReference { get; set; }
    /// <summary>SHA-256 (lower-case hex) of the decision's text as the agency named it; compared with the clearance's draft digest.</summary>
    public string? ContentDigest { get; set; }
    /// <summary>natural-person or organisation.</summary>
    public string PartyKind { get; set; } = "";
    /// <summary>Null (pending) while the holiday calendar of the deadline's year is not configured.</summary>
    public DateOnly? PublicationDeadline { get; set; }
    public bool Publishable { get; set; }
    /// <summary>The rules that forbid publication, one a line; empty when publishable.</summary>
    public string NonPublicationReasons { get; set; } = "";
    /// <summary><see cref="DecisionNames.Status"/>.</summary>
    public string Status { get; set; } = "";
    public int ContentVersion { get; set; }
    public int PublicVersion { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public string RegisteredBy { get; set; } = "";
    public DateOnly? PublishedOn { get; set; }
    public DateTimeOffset? PublicationOverdueAt { get; set; }
    public string? RevocationKind { get; set; }
    public DateOnly? RevokedOn { get; set; }
    public DateOnly? WithdrawalDeadline { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public DateOnly? WithdrawnOn { get; set; }
    public DateTimeOffset? WithdrawalOverdueAt { get; set; }

    // 公开审核 (seed task T1(1)): the persons from the tokens. Prepared and not approved, while registered = awaiting approval.
    public DateTimeOffset? PreparedAt { get; set; }
    public string? PreparedBy { get; set; }
    public string? PreparedByName { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public string? ApprovedByName { get; set; }
    public DateTimeOffset? RejectedAt { get; set; }
    public string? RejectedBy { get; set; }
    public string? RejectedByName { get; set; }
    public string? RejectionReason { get; set; }

    /// <summary>Prepared for publication and neither approved nor rejected yet (<see cref="PublicationApprovals"/>).</summary>
    public bool AwaitingApproval => Status == DecisionNames.Status.Registered && PreparedAt is not null;

    /// <summary>受委托组织: the entrusted organisation that made the decision in <see cref="AgencyCode"/>'s name (《行政处罚法》第二十条); null when the agency did.</summary>
    public string? ActingOrganisationCode { get; set; }
}
