using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Event = Longshan.Contracts.Events.Publicity;

namespace Longshan.Publicity.Agencies;

/// <summary>执法主体登记 — the rules for registering an enforcement body, and its event. Pure: no I/O.</summary>
public static class AgencyRegistration
{
    public const int MaxNameLength = 200;

    /// <summary>Every problem of the request; empty when it may be stored.</summary>
    public static FieldViolations Validate(RegisterAgencyRequest request)
    {
        var violations = new FieldViolations()
            .RequestId(request.RequestId)
            .Required("name", request.Name)
            .MaxLength("name", request.Name, MaxNameLength);

        if (UnifiedSocialCreditCode.Validate(request.CreditCode) is { } error) violations.Add("credit_code", error);
        if (KindName(request.Kind) is null) violations.Add("kind", "执法主体类别未指定或未知 / kind is unspecified or unknown");
        // 118号: remedy channels (救济渠道) are part of the ex-ante disclosure.
        if (request.RemedyChannels.Count == 0) violations.Add("remedy_channels", "至少公开一个救济渠道 / at least one remedy channel");
        for (var i = 0; i < request.RemedyChannels.Count; i++)
        {
            var channel = request.RemedyChannels[i];
            if (RemedyName(channel.Kind) is null) violations.Add($"remedy_channels[{i}].kind", "救济渠道类别未指定 / kind is unspecified");
            violations.Required($"remedy_channels[{i}].body", channel.Body).MaxLength($"remedy_channels[{i}].body", channel.Body, 200);
            violations.MaxLength($"remedy_channels[{i}].contact", channel.Contact, 200);
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
    };

    public static Agency ToAgency(RegisterAgencyRequest request) => new()
    {
        CreditCode = UnifiedSocialCreditCode.Normalize(request.CreditCode),
        Name = request.Name.Trim(),
        Kind = request.Kind,
        RemedyChannels = { request.RemedyChannels.Select(c => new RemedyChannel { Kind = c.Kind, Body = c.Body.Trim(), Contact = c.Contact.Trim() }) },
    };

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
