using Longshan.Platform.Legal;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// The one mapping of <see cref="PenaltyKind"/>: to the proto enum, to its name in events and configuration
/// (kebab-case, never renamed; <c>Statistics:SeverityOrder</c> lists these names) and to its Chinese text (portal,
/// statistics columns). The originals and public versions are stored as protobuf JSON, which carries the proto value
/// names (PENALTY_KIND_…), also never renamed.
/// </summary>
public static class PenaltyKinds
{
    sealed record Entry(PenaltyKind Kind, V1.PenaltyKind Proto, string Name, string Chinese);

    static readonly Entry[] Table =
    [
        new(PenaltyKind.Warning, V1.PenaltyKind.Warning, "warning", "警告"),
        new(PenaltyKind.PublicCriticism, V1.PenaltyKind.PublicCriticism, "public-criticism", "通报批评"),
        new(PenaltyKind.Fine, V1.PenaltyKind.Fine, "fine", "罚款"),
        new(PenaltyKind.ConfiscationOfIllegalGains, V1.PenaltyKind.ConfiscationOfIllegalGains, "confiscation-of-illegal-gains", "没收违法所得"),
        new(PenaltyKind.ConfiscationOfIllegalProperty, V1.PenaltyKind.ConfiscationOfIllegalProperty, "confiscation-of-illegal-property", "没收非法财物"),
        new(PenaltyKind.LegacyConfiscation, V1.PenaltyKind.Confiscation, "confiscation", "没收违法所得、没收非法财物"),
        new(PenaltyKind.PermitSuspension, V1.PenaltyKind.PermitSuspension, "permit-suspension", "暂扣许可证件"),
        new(PenaltyKind.QualificationDowngrade, V1.PenaltyKind.QualificationDowngrade, "qualification-downgrade", "降低资质等级"),
        new(PenaltyKind.PermitRevocation, V1.PenaltyKind.PermitRevocation, "permit-revocation", "吊销许可证件"),
        new(PenaltyKind.BusinessRestriction, V1.PenaltyKind.BusinessRestriction, "business-restriction", "限制开展生产经营活动"),
        new(PenaltyKind.SuspensionOrder, V1.PenaltyKind.SuspensionOrder, "suspension-order", "责令停产停业"),
        new(PenaltyKind.ClosureOrder, V1.PenaltyKind.ClosureOrder, "closure-order", "责令关闭"),
        new(PenaltyKind.PracticeRestriction, V1.PenaltyKind.PracticeRestriction, "practice-restriction", "限制从业"),
        new(PenaltyKind.AdministrativeDetention, V1.PenaltyKind.AdministrativeDetention, "administrative-detention", "行政拘留"),
        new(PenaltyKind.Other, V1.PenaltyKind.Other, "other", "其他"),
    ];

    static readonly Dictionary<PenaltyKind, Entry> ByKind = Complete(Table).ToDictionary(e => e.Kind);
    static readonly Dictionary<V1.PenaltyKind, Entry> ByProto = Table.ToDictionary(e => e.Proto);
    static readonly Dictionary<string, Entry> ByName = Table.ToDictionary(e => e.Name, StringComparer.Ordinal);

    /// <summary>Every kind, in the statistics' column order (the legacy combined confiscation after its two successors).</summary>
    public static IReadOnlyList<PenaltyKind> All { get; } = Table.Select(e => e.Kind).ToList();

    /// <summary>The domain kind; null when unspecified or unknown (a value added to the proto after this build).</summary>
    public static PenaltyKind? ToDomain(V1.PenaltyKind kind) => ByProto.TryGetValue(kind, out var entry) ? entry.Kind : null;

    public static V1.PenaltyKind ToProto(PenaltyKind kind) => Of(kind).Proto;

    /// <summary>The name in events and configuration, e.g. "confiscation-of-illegal-gains".</summary>
    public static string Name(PenaltyKind kind) => Of(kind).Name;

    /// <summary>The name of a proto kind; null when unspecified or unknown.</summary>
    public static string? Name(V1.PenaltyKind kind) => ByProto.TryGetValue(kind, out var entry) ? entry.Name : null;

    /// <summary>The kind of an event / configuration name; null when unknown.</summary>
    public static PenaltyKind? FromName(string? name) => name is not null && ByName.TryGetValue(name, out var entry) ? entry.Kind : null;

    /// <summary>The Chinese name of the statistics column and the portal, e.g. 没收违法所得.</summary>
    public static string Chinese(PenaltyKind kind) => Of(kind).Chinese;

    /// <summary>The Chinese name of a proto kind; "未知" when unspecified or unknown (never shown for a valid decision).</summary>
    public static string Chinese(V1.PenaltyKind kind) => ByProto.TryGetValue(kind, out var entry) ? entry.Chinese : "未知";

    /// <summary>Whether a penalty of this kind states an amount (罚款 and the confiscations, for 罚没金额).</summary>
    public static bool HasAmount(PenaltyKind kind) => kind is PenaltyKind.Fine
        or PenaltyKind.ConfiscationOfIllegalGains or PenaltyKind.ConfiscationOfIllegalProperty or PenaltyKind.LegacyConfiscation;

    /// <summary>Kinds a new registration may not use (they remain readable on decisions registered before).</summary>
    public static bool IsLegacy(PenaltyKind kind) => kind == PenaltyKind.LegacyConfiscation;

    /// <summary>
    /// The table maps every domain and every proto kind once, to exactly the names <see cref="PenaltySeverity"/> ranks:
    /// a kind added in one place only fails on first use, not silently in the statistics.
    /// </summary>
    static Entry[] Complete(Entry[] table)
    {
        var kinds = table.Select(e => e.Kind).ToHashSet();
        if (table.Length != Enum.GetValues<PenaltyKind>().Length || !kinds.SetEquals(Enum.GetValues<PenaltyKind>()))
            throw new InvalidOperationException("PenaltyKinds must map every PenaltyKind exactly once.");
        if (!table.Select(e => e.Proto).ToHashSet().SetEquals(Enum.GetValues<V1.PenaltyKind>().Where(k => k != V1.PenaltyKind.Unspecified)))
            throw new InvalidOperationException("PenaltyKinds must map every proto PenaltyKind (but UNSPECIFIED) exactly once.");
        if (!table.Select(e => e.Name).ToHashSet().SetEquals(PenaltySeverity.KnownKinds))
            throw new InvalidOperationException("PenaltyKinds' names must be exactly the kinds PenaltySeverity ranks: " + string.Join(", ", PenaltySeverity.KnownKinds));
        return table;
    }

    static Entry Of(PenaltyKind kind) =>
        ByKind.TryGetValue(kind, out var entry) ? entry : throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a penalty kind");
}
