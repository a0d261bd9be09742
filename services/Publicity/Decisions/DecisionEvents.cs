using Longshan.Contracts.Rules;
using Longshan.Platform.Legal;
using Event = Longshan.Contracts.Events.Publicity;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// The decision events. Pure: the caller passes the event id and the time. Only public data goes in: the party appears
/// by kind, content only as the public version. Each carries the decision's revision after the change it reports
/// (<see cref="DecisionRow.Revision"/>), so a subscriber keeping the latest state can order them.
/// </summary>
public static class DecisionEvents
{
    /// <summary>
    /// The registration of the new <paramref name="row"/> (revision 1); <paramref name="severity"/> names the most
    /// severe penalty kind (<c>Statistics:SeverityOrder</c>).
    /// </summary>
    public static Event.DecisionRegistered Registered(
        DecisionRow row, V1.DecisionContent content, PenaltySeverity severity, Guid eventId, DateTimeOffset now) => new()
    {
        EventId = eventId,
        OccurredAt = now,
        AgencyCode = row.AgencyCode,
        DecisionId = row.DecisionId,
        Revision = row.Revision,
        CaseNumber = row.CaseNumber,
        Category = row.Category,
        DecisionDate = row.DecisionDate,
        PublicationDeadline = row.PublicationDeadline,
        IsMajor = row.IsMajor,
        PartyKind = row.PartyKind,
        Penalties = PublicVersions.Penalties(content.Penalties),
        MostSeverePenalty = PublicVersions.MostSevere(content.Penalties, severity),
        Publishable = row.Publishable,
        ActingOrganisationCode = row.ActingOrganisationCode?.Trim(),
    };

    /// <summary>
    /// The flag raised with the registration of a major decision that no known clearance clears (《行政处罚法》第五十八条);
    /// <paramref name="refusal"/> is the rule the clearance rule gave.
    /// </summary>
    public static Event.MajorDecisionWithoutClearance WithoutClearance(DecisionRow row, Rule refusal, Guid eventId, DateTimeOffset now) => new()
    {
        EventId = eventId,
        OccurredAt = now,
        AgencyCode = row.AgencyCode,
        DecisionId = row.DecisionId,
        CaseNumber = row.CaseNumber,
        Category = row.Category,
        DecisionDate = row.DecisionDate,
        ReviewClearanceReference = row.ReviewClearanceReference ?? "",
        ContentDigest = row.ContentDigest,
        Rule = refusal.Id,
    };

    /// <summary>
    /// The first publication of <paramref name="row"/> (as read before it); <paramref name="revision"/> is the one it
    /// stored; <paramref name="approvedBy"/> the publisher's subject when a second person approved it (seed task T1(1)).
    /// </summary>
    public static Event.DecisionPublished Published(
        DecisionRow row, V1.PublicDecision decision, DateOnly publishedOn, int revision, string? approvedBy, Guid eventId, DateTimeOffset now) => new()
    {
        EventId = eventId,
        OccurredAt = now,
        AgencyCode = row.AgencyCode,
        DecisionId = row.DecisionId,
        Revision = revision,
        PublishedOn = publishedOn,
        PublicationDeadline = row.PublicationDeadline,
        OnTime = PublishedOnTime(publishedOn, row.PublicationDeadline),
        ApprovedBy = approvedBy,
        Public = PublicVersions.ToEvent(decision),
    };

    /// <summary>Whether publishing on <paramref name="publishedOn"/> met <paramref name="deadline"/>; a pending deadline counts as met.</summary>
    public static bool PublishedOnTime(DateOnly publishedOn, DateOnly? deadline) => deadline is not { } last || publishedOn <= last;

    /// <summary>A correction of the published <paramref name="row"/> (as read before it); <paramref name="revision"/> is the one it stored.</summary>
    public static Event.DecisionUpdated Updated(
        DecisionRow row, V1.PublicDecision decision, string changeNote, int revision, Guid eventId, DateTimeOffset now) => new()
    {
        EventId = eventId,
        OccurredAt = now,
        AgencyCode = row.AgencyCode,
        DecisionId = row.DecisionId,
        Revision = revision,
        ChangeNote = changeNote,
        Public = PublicVersions.ToEvent(decision),
    };

    /// <summary>
    /// The withdrawal. Only a decision that was published has a public reason (<paramref name="publicReason"/>, already
    /// masked): for one never published — not yet, or never publishable, e.g. a minor's (《未成年人保护法》第一百零三条) —
    /// the event carries ids, dates and kinds only, and <c>Reason</c> is empty. <paramref name="withdrawn"/> is the row as
    /// stored by the withdrawal (its revision included).
    /// </summary>
    public static Event.DecisionRevoked Revoked(
        DecisionRow withdrawn, bool wasPublished, DateOnly today, Guid eventId, DateTimeOffset now, string publicReason) => new()
    {
        EventId = eventId,
        OccurredAt = now,
        AgencyCode = withdrawn.AgencyCode,
        DecisionId = withdrawn.DecisionId,
        Revision = withdrawn.Revision,
        CaseNumber = withdrawn.CaseNumber,
        RevocationKind = withdrawn.RevocationKind!,
        RevokedOn = withdrawn.RevokedOn!.Value,
        Reason = wasPublished ? publicReason : "",
        WithdrawalDeadline = withdrawn.WithdrawalDeadline,
        WithdrawnAt = now,
        WasPublished = wasPublished,
        OnTime = withdrawn.WithdrawalDeadline is not { } deadline || today <= deadline,
    };
}
