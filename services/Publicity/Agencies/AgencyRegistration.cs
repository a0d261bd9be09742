using Google.Protobuf.Collections;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Event = Longshan.Contracts.Events.Publicity;

namespace Longshan.Publicity.Agencies;

/// <summary>执法主体登记 — the rules for registering an enforcement body and its disclosure, and its event. Pure: no I/O.</summary>
public static class AgencyRegistration
{
    public const int MaxNameLength = 200;
    public const int MaxDuties = 50;
    public const int MaxDutyLength = 500;
    public const int MaxStatusBases = 20;

    /// <summary>Every problem of the request; empty when it may be stored.</summary>
    public static FieldViolations Validate(RegisterAgencyRequest request)
    {
        var violations = new FieldViolations()
            .RequestId(request.RequestId)
            .Required("name", request.Name)
            .MaxLength("name", request.Name, MaxNameLength);

        if (UnifiedSocialCreditCode.Validate(request.CreditCode) is { } error) violations.Add("credit_code", error);
        if (KindName(request.Kind) is null) violations.Add("kind", "执法主体类别未指定或未知 / kind is unspecified or unknown");
        else if (request.Kind == AgencyKind.EntrustedOrganisation)
            violations.Add("kind", "受委托组织由委托机关通过 RegisterEntrustedOrganisation 登记 / the entrusting agency registers an entrusted organisation (RegisterEntrustedOrganisation)");
        // Duties and status bases may follow in UpdateAgencyDisclosure: agency systems integrated before they were disclosed
        // keep registering as they did, and the portal shows the gap ("暂无公示的职责") until the agency fills it.
        return ValidateDisclosure(violations, request.RemedyChannels, request.Duties, request.StatusBases, basisRequired: false);
    }

    /// <summary>The whole new disclosure of an update: duties and (except for an entrusted organisation) a status basis required.</summary>
    public static FieldViolations Validate(UpdateAgencyDisclosureRequest request, bool isEntrusted)
    {
        var violations = new FieldViolations().RequestId(request.RequestId);
        if (UnifiedSocialCreditCode.Validate(request.CreditCode) is { } error) violations.Add("credit_code", error);
        return ValidateDisclosure(violations, request.RemedyChannels, request.Duties, request.StatusBases, basisRequired: !isEntrusted);
    }

    /// <summary>
    /// 国办发〔2018〕118号; seed task T2(3): the ex-ante disclosure names the body's duties (职责), the legal basis of its
    /// status (主体资格依据) and its remedy channels (救济渠道). An entrusted organisation's status rests on its entrustment.
    /// </summary>
    public static FieldViolations ValidateDisclosure(
        FieldViolations violations, IReadOnlyList<RemedyChannel> channels, IReadOnlyList<string> duties, IReadOnlyList<LegalBasis> bases,
        bool basisRequired, bool remedyRequired = true)
    {
        if (remedyRequired && channels.Count == 0) violations.Add("remedy_channels", "至少公开一个救济渠道 / at least one remedy channel");
        for (var i = 0; i < channels.Count; i++)
        {
            var channel = channels[i];
            if (RemedyName(channel.Kind) is null) violations.Add($"remedy_channels[{i}].kind", "救济渠道类别未指定 / kind is unspecified");
            violations.Required($"remedy_channels[{i}].body", channel.Body).MaxLength($"remedy_channels[{i}].body", channel.Body, 200);
            violations.MaxLength($"remedy_channels[{i}].contact", channel.Contact, 200);
        }
        if (basisRequired && duties.Count == 0) violations.Add("duties", "至少公开一项职责 / at least one duty");
        if (duties.Count > MaxDuties) violations.Add("duties", $"至多 {MaxDuties} 项 / at most {MaxDuties} duties");
        for (var i = 0; i < Math.Min(duties.Count, MaxDuties); i++)
            violations.Required($"duties[{i}]", duties[i]).MaxLength($"duties[{i}]", duties[i], MaxDutyLength);
        if (basisRequired && bases.Count == 0)
            violations.Add("status_bases", "至少公开一项主体资格依据（法律、法规或三定方案）/ at least one basis of the body's status (law, regulation or mandate document)");
        if (bases.Count > MaxStatusBases) violations.Add("status_bases", $"至多 {MaxStatusBases} 项 / at most {MaxStatusBases} bases");
        for (var i = 0; i < Math.Min(bases.Count, MaxStatusBases); i++)
        {
            violations.Required($"status_bases[{i}].law", bases[i].Law).MaxLength($"status_bases[{i}].law", bases[i].Law, 200);
            violations.Required($"status_bases[{i}].article", bases[i].Article).MaxLength($"status_bases[{i}].article", bases[i].Article, 100);
        }
        return violations;
    }

    public static Event.AgencyRegistered ToEvent(Agency agency, Guid eventId, DateTimeOffset occurredAt) => new()
    {
        EventId = eventId,
        OccurredAt = occurredAt,
        AgencyCode = agency.CreditCode,
        Name = agency.Name,
        Kind = KindName(agency.Kind)!,
        RemedyChannels = agency.RemedyChannels.Select(c => new Event.RemedyChannel(RemedyName(c.Kind)!, c.Body, c.Contact)).ToList(),
        EntrustingAgencyCode = agency.Entrustment?.EntrustingAgencyCode,
    };

    public static Agency ToAgency(RegisterAgencyRequest request) => new()
    {
        CreditCode = UnifiedSocialCreditCode.Normalize(request.CreditCode),
        Name = request.Name.Trim(),
        Kind = request.Kind,
        RemedyChannels = { Channels(request.RemedyChannels) },
        Duties = { Texts(request.Duties) },
        StatusBases = { Bases(request.StatusBases) },
        DisclosureVersion = 1,
    };

    /// <summary>The agency with <paramref name="request"/>'s disclosure in place of its current one, one version on.</summary>
    public static Agency WithDisclosure(Agency current, UpdateAgencyDisclosureRequest request)
    {
        var agency = current.Clone();
        agency.RemedyChannels.Clear();
        agency.RemedyChannels.Add(Channels(request.RemedyChannels));
        agency.Duties.Clear();
        agency.Duties.Add(Texts(request.Duties));
        agency.StatusBases.Clear();
        agency.StatusBases.Add(Bases(request.StatusBases));
        agency.DisclosureVersion = current.DisclosureVersion + 1;
        return agency;
    }

    public static IEnumerable<RemedyChannel> Channels(RepeatedField<RemedyChannel> channels) =>
        channels.Select(c => new RemedyChannel { Kind = c.Kind, Body = c.Body.Trim(), Contact = c.Contact.Trim() });

    public static IEnumerable<string> Texts(RepeatedField<string> texts) => texts.Select(t => t.Trim());

    static IEnumerable<LegalBasis> Bases(RepeatedField<LegalBasis> bases) =>
        bases.Select(b => new LegalBasis { Law = b.Law.Trim(), Article = b.Article.Trim() });

    /// <summary>The stable name of a kind in events and storage.</summary>
    public static string? KindName(AgencyKind kind) => kind switch
    {
        AgencyKind.CountyDepartment => "county-department",
        AgencyKind.Township => "township",
        AgencyKind.AuthorisedOrganisation => "authorised-organisation",
        AgencyKind.EntrustedOrganisation => "entrusted-organisation",
        _ => null,
    };

    public static AgencyKind KindFromName(string name) =>
        Enum.GetValues<AgencyKind>().FirstOrDefault(k => KindName(k) == name);

    static string? RemedyName(RemedyKind kind) => kind switch
    {
        RemedyKind.Reconsideration => "reconsideration",
        RemedyKind.Litigation => "litigation",
        _ => null,
    };
}
