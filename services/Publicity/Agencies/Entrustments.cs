using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;

namespace Longshan.Publicity.Agencies;

/// <summary>
/// 受委托组织 — the rules of entrustment (《行政处罚法》第二十条): an agency entrusts an organisation, within a scope, for a
/// period, by a document (委托书); the organisation acts in the agency's name, and the agency is responsible. Pure: no I/O.
/// </summary>
public static class Entrustments
{
    public const int MaxScopeLength = 1000;
    public const int MaxPowerItems = 100;

    /// <summary>Every problem of the request; empty when it may be stored.</summary>
    public static FieldViolations Validate(RegisterEntrustedOrganisationRequest request)
    {
        var violations = new FieldViolations()
            .RequestId(request.RequestId)
            .Required("name", request.Name)
            .MaxLength("name", request.Name, AgencyRegistration.MaxNameLength)
            .Required("scope", request.Scope)
            .MaxLength("scope", request.Scope, MaxScopeLength)
            .Required("document_number", request.DocumentNumber)
            .MaxLength("document_number", request.DocumentNumber, 100);
        if (UnifiedSocialCreditCode.Validate(request.EntrustingAgencyCode) is { } entrusting) violations.Add("entrusting_agency_code", entrusting);
        if (UnifiedSocialCreditCode.Validate(request.CreditCode) is { } code) violations.Add("credit_code", code);
        else if (UnifiedSocialCreditCode.Normalize(request.CreditCode) == UnifiedSocialCreditCode.Normalize(request.EntrustingAgencyCode))
            violations.Add("credit_code", "不能委托本机关自身 / an agency cannot entrust itself");
        var from = CountyTime.ParseDate(request.ValidFrom);
        var to = CountyTime.ParseDate(request.ValidTo);
        if (from is null) violations.Add("valid_from", "委托期限起始日期 YYYY-MM-DD / start date YYYY-MM-DD");
        if (to is null) violations.Add("valid_to", "委托期限截止日期 YYYY-MM-DD / end date YYYY-MM-DD");
        if (from is { } start && to is { } end && end < start) violations.Add("valid_to", "截止日期早于起始日期 / ends before it starts");
        if (request.PowerItemCodes.Count > MaxPowerItems) violations.Add("power_item_codes", $"至多 {MaxPowerItems} 项 / at most {MaxPowerItems} items");
        for (var i = 0; i < Math.Min(request.PowerItemCodes.Count, MaxPowerItems); i++)
            violations.Required($"power_item_codes[{i}]", request.PowerItemCodes[i]).MaxLength($"power_item_codes[{i}]", request.PowerItemCodes[i], 50);
        return AgencyRegistration.ValidateDisclosure(violations, request.RemedyChannels, request.Duties, [], basisRequired: false, remedyRequired: false);
    }

    /// <summary>The entrustment of the request, as version <paramref name="version"/> of the organisation's entrustments.</summary>
    public static Entrustment ToEntrustment(RegisterEntrustedOrganisationRequest request, string entrustingAgencyName, int version) => new()
    {
        EntrustingAgencyCode = UnifiedSocialCreditCode.Normalize(request.EntrustingAgencyCode),
        EntrustingAgencyName = entrustingAgencyName,
        Scope = request.Scope.Trim(),
        PowerItemCodes = { request.PowerItemCodes.Select(c => c.Trim()).Distinct() },
        DocumentNumber = request.DocumentNumber.Trim(),
        ValidFrom = CountyTime.Format(CountyTime.ParseDate(request.ValidFrom)!.Value),
        ValidTo = CountyTime.Format(CountyTime.ParseDate(request.ValidTo)!.Value),
        Version = version,
    };

    /// <summary>
    /// The entrusted organisation as registered: its own name and duties; its remedy channels, else the entrusting
    /// agency's (its decisions are the agency's, challenged as the agency's).
    /// </summary>
    public static Agency ToAgency(RegisterEntrustedOrganisationRequest request, Agency entrusting, Entrustment entrustment) => new()
    {
        CreditCode = UnifiedSocialCreditCode.Normalize(request.CreditCode),
        Name = request.Name.Trim(),
        Kind = AgencyKind.EntrustedOrganisation,
        RemedyChannels = { request.RemedyChannels.Count > 0 ? AgencyRegistration.Channels(request.RemedyChannels) : entrusting.RemedyChannels },
        Duties = { AgencyRegistration.Texts(request.Duties) },
        Entrustment = entrustment,
        DisclosureVersion = 1,
    };

    /// <summary>
    /// The entrustment in force on <paramref name="day"/>: of the versions (any order), the latest one starting on or before
    /// the day — a later version replaces the earlier from its start, so one ending earlier ends the entrustment — if it
    /// has not ended by then; null when none is.
    /// </summary>
    public static Entrustment? InForce(IEnumerable<Entrustment> versions, DateOnly day)
    {
        var latest = versions.Where(v => CountyTime.Date(v.ValidFrom) <= day).MaxBy(v => v.Version);
        return latest is not null && day <= CountyTime.Date(latest.ValidTo) ? latest : null;
    }

    /// <summary>What the agency's page and GetAgency show: the entrustment in force today, else the latest one.</summary>
    public static Entrustment? Shown(IReadOnlyList<Entrustment> versions, DateOnly today) =>
        InForce(versions, today) ?? versions.MaxBy(v => v.Version);
}
