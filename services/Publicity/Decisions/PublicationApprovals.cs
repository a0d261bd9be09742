using Google.Protobuf.WellKnownTypes;
using Longshan.Contracts.Rules;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identity;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.Publicity.Decisions;

/// <summary>A step of 公开审核: the person from the token (<c>sub</c>, <c>name</c>) and when.</summary>
public sealed record ApprovalStep(string Subject, string Name, DateTimeOffset At)
{
    public static ApprovalStep Of(Caller caller, DateTimeOffset at) => new(caller.Subject, caller.Name, at);
}

/// <summary>
/// 公开审核 — collect → review → publish (seed task T1(1): 明确公示内容的采集、传递、审核、发布职责). Under an agency's
/// policy, what one person prepares is published only once a second person with the publisher role approves it. Pure.
/// </summary>
public static class PublicationApprovals
{
    public const int MaxReason = 500;

    /// <summary>
    /// Why <paramref name="approver"/> may not approve or reject <paramref name="row"/> now; null when they may. A
    /// rejection may come from the preparer (taking it back is no second opinion, and nothing goes public).
    /// </summary>
    public static Rule? Refusal(DecisionRow row, string approver, bool approving)
    {
        if (!row.AwaitingApproval) return RuleCatalog.PublicationNotPrepared;
        return approving && string.Equals(row.PreparedBy, approver, StringComparison.Ordinal) ? RuleCatalog.PublicationSamePerson : null;
    }

    /// <summary>The publisher role, from the token — the county administrator does not stand in for a publisher here.</summary>
    public static void EnsurePublisher(Caller caller)
    {
        if (!caller.Has(Roles.Publisher))
            throw RpcErrors.PermissionDenied($"需要角色 {Roles.Publisher}（公开审核人）/ the caller needs the role {Roles.Publisher}");
    }

    public static FieldViolations ValidateRejection(V1.RejectPublicationRequest request) =>
        new FieldViolations().RequestId(request.RequestId).Required("reason", request.Reason).MaxLength("reason", request.Reason, MaxReason);

    /// <summary>The agency's view of the approval; null while nothing happened.</summary>
    public static V1.PublicationApproval? ToProto(DecisionRow row)
    {
        if (row.PreparedAt is null && row.ApprovedAt is null && row.RejectedAt is null) return null;
        return new V1.PublicationApproval
        {
            AwaitingApproval = row.AwaitingApproval,
            Prepared = Step(row.PreparedBy, row.PreparedByName, row.PreparedAt),
            Approved = Step(row.ApprovedBy, row.ApprovedByName, row.ApprovedAt),
            Rejected = Step(row.RejectedBy, row.RejectedByName, row.RejectedAt),
            RejectionReason = row.RejectionReason ?? "",
        };
    }

    static V1.PublicationStep? Step(string? subject, string? name, DateTimeOffset? at) =>
        at is { } when ? new V1.PublicationStep { Subject = subject ?? "", Name = name ?? "", At = Timestamp.FromDateTimeOffset(when) } : null;
}
