using Longshan.Contracts.Events.LegalReview;
using Longshan.Contracts.Events.Publicity;

namespace Longshan.Statistics.Tests.Support;

/// <summary>Events as the producing services publish them, with fresh ids.</summary>
public static class Events
{
    public static readonly DateTimeOffset At = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    public static AgencyRegistered Agency(string? code = null, string kind = "county-department") => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = At, AgencyCode = code ?? CreditCodes.New(),
        Name = "龙山县市场监督管理局", Kind = kind, RemedyChannels = [new RemedyChannel("reconsideration", "龙山县人民政府", "")],
    };

    public static DecisionRegistered Decision(string agency, string category = "penalty") => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = At, AgencyCode = agency, DecisionId = Guid.NewGuid(), Revision = 1,
        CaseNumber = $"龙市监罚〔2026〕{Guid.NewGuid():N}号", Category = category, DecisionDate = new DateOnly(2026, 11, 27),
        PublicationDeadline = new DateOnly(2026, 12, 8), IsMajor = false, PartyKind = "organisation",
        Penalties = [new DecisionPenalty("fine", 500_000)], MostSeverePenalty = category == "penalty" ? "fine" : null, Publishable = true,
    };

    public static DecisionPublished Published(string agency, string category, bool onTime) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = At, AgencyCode = agency, DecisionId = Guid.NewGuid(), Revision = 2,
        PublishedOn = new DateOnly(2026, 11, 30), PublicationDeadline = new DateOnly(2026, 12, 8), OnTime = onTime,
        Public = new DecisionPublicVersion
        {
            Version = 1, CaseNumber = "龙市监罚〔2026〕1号", Category = category, DecisionDate = new DateOnly(2026, 11, 27),
            PartyKind = "organisation", PartyName = "龙山县华塘食品有限公司", PartyIdentifier = "91433130MA4L000001",
            Facts = "当事人销售超过保质期的食品。", LegalBasis = [new DecisionLegalBasis("《中华人民共和国食品安全法》", "第一百二十四条")],
            Penalties = [new DecisionPenalty("fine", 500_000)], Conclusion = "罚款人民币伍仟元", PublishedAt = At,
        },
    };

    public static PublicationOverdue Overdue(string agency, string category) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = At, AgencyCode = agency, DecisionId = Guid.NewGuid(), CaseNumber = "龙市监罚〔2026〕2号",
        Category = category, DecisionDate = new DateOnly(2026, 11, 2), PublicationDeadline = new DateOnly(2026, 11, 11),
    };

    public static WithdrawalOverdue WithdrawalOverdue(string agency) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = At, AgencyCode = agency, DecisionId = Guid.NewGuid(), CaseNumber = "龙市监罚〔2026〕3号",
        RevokedOn = new DateOnly(2026, 11, 2), WithdrawalDeadline = new DateOnly(2026, 11, 5),
    };

    public static OfficerCertified Officer(string agency, Guid? officerId = null, int version = 1, string status = "valid") => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = At, AgencyCode = agency, OfficerId = officerId ?? Guid.NewGuid(), Version = version,
        Name = "张三", CertificateNumber = "43013012345", CertificateKind = "enforcement", IssuingBody = "湖南省人民政府",
        ValidFrom = new DateOnly(2025, 1, 1), ValidTo = new DateOnly(2030, 12, 31), Areas = ["市场监管"], Status = status,
    };

    public static OfficerCertificateChanged CertificateChanged(string agency, Guid officerId, int version, string change, string status) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = At, AgencyCode = agency, OfficerId = officerId, Version = version,
        CertificateNumber = "43013012345", Change = change, Status = status, Reason = "违规执法",
        ValidFrom = new DateOnly(2025, 1, 1), ValidTo = new DateOnly(2030, 12, 31),
    };

    public static ReviewCompleted Review(string agency, string outcome = ReviewCompleted.Approve) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = At, AgencyCode = agency, ReviewId = "LS-FZSH-" + Guid.NewGuid().ToString("N")[..8],
        CaseNumber = "龙市监罚〔2026〕42号", Outcome = outcome, CompletedAt = At,
    };

    public static MajorDecisionWithoutClearance Uncleared(string agency, string rule) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = At, AgencyCode = agency, DecisionId = Guid.NewGuid(), CaseNumber = "龙市监罚〔2026〕5号",
        Category = "penalty", DecisionDate = new DateOnly(2026, 11, 27), ReviewClearanceReference = "LS-FZSH-2026-0005", ContentDigest = null, Rule = rule,
    };

    public static DecisionRevoked Revoked(string agency) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = At, AgencyCode = agency, DecisionId = Guid.NewGuid(), Revision = 3,
        CaseNumber = "龙市监罚〔2026〕4号", RevocationKind = "revoked", RevokedOn = new DateOnly(2026, 11, 27), Reason = "",
        WithdrawnAt = At, WasPublished = false, OnTime = true,
    };
}
