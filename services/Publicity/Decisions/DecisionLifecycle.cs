using Longshan.Platform.Calendar;
using Longshan.Platform.Identifiers;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.Publicity.Decisions;

/// <summary>Turning a valid request into stored state, and stored state into the agency's view. Pure.</summary>
public static class DecisionLifecycle
{
    /// <summary>The content as stored: identifiers normalised, the minor flag including what the ID number says.</summary>
    public static V1.DecisionContent Normalize(V1.DecisionContent content, DateOnly decisionDate, DateOnly today)
    {
        var normal = content.Clone();
        var party = normal.Party;
        party.Name = party.Name.Trim();
        party.ResidentIdNumber = party.ResidentIdNumber.Trim().ToUpperInvariant();
        party.CreditCode = party.Kind == V1.PartyKind.Organisation ? UnifiedSocialCreditCode.Normalize(party.CreditCode) : "";
        party.IsMinor = DecisionValidation.PartyIsMinor(content.Party, decisionDate, today);
        return normal;
    }

    /// <summary>Whether (and why not) a stored content may be published.</summary>
    public static PublicationEligibility Assess(V1.DecisionContent stored) =>
        Redaction.Assess(PublicVersions.ToRedactionInput(stored, stored.Party.IsMinor));

    /// <summary>The row of a newly registered decision: revision 1, content version 1, nothing public yet.</summary>
    public static DecisionRow NewRow(
        V1.RegisterDecisionRequest request, V1.DecisionContent stored, Guid decisionId, DateOnly? publicationDeadline, DateTimeOffset now, string subject)
    {
        var eligibility = Assess(stored);
        return new DecisionRow
        {
            DecisionId = decisionId,
            Revision = 1,
            AgencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode),
            CaseNumber = request.CaseNumber.Trim(),
            Category = DecisionNames.Category(request.Category)!,
            DecisionDate = CountyTime.ParseDate(request.DecisionDate)!.Value,
            IsMajor = request.IsMajor,
            ReviewClearanceReference = string.IsNullOrWhiteSpace(request.ReviewClearanceReference) ? null : request.ReviewClearanceReference.Trim(),
            ContentDigest = string.IsNullOrWhiteSpace(request.ContentDigest) ? null : request.ContentDigest.Trim().ToLowerInvariant(),
            PartyKind = DecisionNames.PartyKind(stored.Party.Kind)!,
            PublicationDeadline = publicationDeadline,
            Publishable = eligibility.MayPublish,
            NonPublicationReasons = ReasonsText(eligibility),
            Status = DecisionNames.Status.Registered,
            ContentVersion = 1,
            PublicVersion = 0,
            RegisteredAt = now,
            RegisteredBy = subject,
        };
    }

    /// <summary>The reasons against publication, one a line (stored in <c>non_publication_reasons</c>).</summary>
    public static string ReasonsText(PublicationEligibility eligibility) =>
        string.Join('\n', eligibility.Reasons.Select(PublicationEligibility.Describe));

    /// <summary>The deciding agency's view of its decision.</summary>
    public static V1.DecisionSummary Summary(DecisionRow row) => new()
    {
        DecisionId = row.DecisionId.ToString(),
        AgencyCode = row.AgencyCode,
        CaseNumber = row.CaseNumber,
        Category = DecisionNames.CategoryFromName(row.Category),
        DecisionDate = CountyTime.Format(row.DecisionDate),
        PublicationDeadline = row.PublicationDeadline is { } publicationDeadline ? CountyTime.Format(publicationDeadline) : "",
        Status = DecisionNames.Status.ToProto(row.Status),
        IsMajor = row.IsMajor,
        Publishable = row.Publishable,
        NonPublicationReasons = { row.NonPublicationReasons.Split('\n', StringSplitOptions.RemoveEmptyEntries) },
        ContentVersion = row.ContentVersion,
        PublicVersion = row.PublicVersion,
        WithdrawalDeadline = row.WithdrawalDeadline is { } deadline ? CountyTime.Format(deadline) : "",
        RevocationKind = DecisionNames.RevocationFromName(row.RevocationKind),
        RevocationDate = row.RevokedOn is { } revokedOn ? CountyTime.Format(revokedOn) : "",
        PublicationApproval = PublicationApprovals.ToProto(row),
        ActingOrganisationCode = row.ActingOrganisationCode?.Trim() ?? "",
    };
}
