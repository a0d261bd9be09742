using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Event = Longshan.Contracts.Events.Publicity;

namespace Longshan.Publicity.Inspections;

/// <summary>
/// 随机抽查事项清单 — an agency's list of random-inspection items: what is inspected, on which legal basis, of which
/// objects, how, in what ratio and how often (国办发〔2018〕118号: the random-inspection list is part of the ex-ante
/// disclosure; 国发〔2019〕5号: 抽查事项清单 with basis, objects, method, ratio and frequency). Pure: no I/O.
/// </summary>
public static class InspectionItems
{
    public const int FullRatioBasisPoints = 10_000;

    public static FieldViolations Validate(PublishInspectionItemRequest request)
    {
        var violations = new FieldViolations()
            .RequestId(request.RequestId)
            .Required("name", request.Name).MaxLength("name", request.Name.Trim(), 200)
            .Required("method", request.Method).MaxLength("method", request.Method.Trim(), 100)
            .Required("frequency", request.Frequency).MaxLength("frequency", request.Frequency.Trim(), 100)
            // 国发〔2015〕58号: officers are drawn from those entitled to enforce in the item's field.
            .Required("enforcement_area", request.EnforcementArea).MaxLength("enforcement_area", request.EnforcementArea.Trim(), 100);
        if (UnifiedSocialCreditCode.Validate(UnifiedSocialCreditCode.Normalize(request.AgencyCode)) is { } error) violations.Add("agency_code", error);
        // Every item names its legal basis (law + article): an inspection without one is not lawful (118号, 依法抽查).
        if (request.LegalBases.Count == 0) violations.Add("legal_bases", "至少一项法律依据 / at least one legal basis");
        for (var i = 0; i < request.LegalBases.Count; i++)
        {
            violations.Required($"legal_bases[{i}].law", request.LegalBases[i].Law).MaxLength($"legal_bases[{i}].law", request.LegalBases[i].Law.Trim(), 200);
            violations.Required($"legal_bases[{i}].article", request.LegalBases[i].Article).MaxLength($"legal_bases[{i}].article", request.LegalBases[i].Article.Trim(), 100);
        }
        if (request.ObjectTypes.Count == 0) violations.Add("object_types", "至少一类抽查对象 / at least one object type");
        for (var i = 0; i < request.ObjectTypes.Count; i++)
            violations.Required($"object_types[{i}]", request.ObjectTypes[i]).MaxLength($"object_types[{i}]", request.ObjectTypes[i].Trim(), 100);
        if (request.RatioBasisPoints is < 1 or > FullRatioBasisPoints)
            violations.Add("ratio_basis_points", "抽查比例须在 1–10000 个基点之间 / ratio must be 1–10000 basis points");
        return violations;
    }

    public static InspectionItem ToItem(PublishInspectionItemRequest request, Guid itemId, DateOnly today) => new()
    {
        ItemId = itemId.ToString("D"),
        AgencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode),
        Name = request.Name.Trim(),
        LegalBases = { request.LegalBases.Select(b => new LegalBasis { Law = b.Law.Trim(), Article = b.Article.Trim() }) },
        ObjectTypes = { request.ObjectTypes.Select(t => t.Trim()) },
        Method = request.Method.Trim(),
        RatioBasisPoints = request.RatioBasisPoints,
        Frequency = request.Frequency.Trim(),
        EnforcementArea = request.EnforcementArea.Trim(),
        PublishedOn = CountyTime.Format(today),
    };

    public static Event.InspectionItemPublished ToEvent(InspectionItem item, Guid eventId, DateTimeOffset occurredAt) => new()
    {
        EventId = eventId,
        OccurredAt = occurredAt,
        AgencyCode = item.AgencyCode,
        ItemId = Guid.Parse(item.ItemId),
        Name = item.Name,
        LegalBases = item.LegalBases.Select(b => new Event.InspectionLegalBasis(b.Law, b.Article)).ToList(),
        ObjectTypes = item.ObjectTypes.ToList(),
        Method = item.Method,
        RatioBasisPoints = item.RatioBasisPoints,
        Frequency = item.Frequency,
    };

    public static FieldViolations AgencyCode(FieldViolations violations, string agencyCode) =>
        UnifiedSocialCreditCode.Validate(UnifiedSocialCreditCode.Normalize(agencyCode)) is { } error ? violations.Add("agency_code", error) : violations;
}
