using Longshan.Contracts.Publicity.V1;
using DecisionCategory = Longshan.Publicity.Decisions.DecisionCategory;

namespace Longshan.Publicity.PowerList;

/// <summary>
/// The stable names of categories, statuses and change reasons in storage and events, and the mapping of the proto
/// category to <see cref="DecisionCategory"/> (an item's category is the category of the decisions it produces).
/// </summary>
public static class PowerItemNames
{
    public const string InForce = "in-force";
    public const string Withdrawn = "withdrawn";

    /// <summary>The domain category of a proto category; null for UNSPECIFIED or a number this version does not know.</summary>
    public static DecisionCategory? ToDomain(PowerCategory category) => category switch
    {
        PowerCategory.Permit => DecisionCategory.Permit,
        PowerCategory.Penalty => DecisionCategory.Penalty,
        PowerCategory.Coercion => DecisionCategory.Coercion,
        PowerCategory.Levy => DecisionCategory.Levy,
        PowerCategory.Requisition => DecisionCategory.Requisition,
        PowerCategory.Inspection => DecisionCategory.Inspection,
        PowerCategory.Payment => DecisionCategory.Payment,
        PowerCategory.Confirmation => DecisionCategory.Confirmation,
        PowerCategory.Award => DecisionCategory.Award,
        PowerCategory.Ruling => DecisionCategory.Ruling,
        PowerCategory.Other => DecisionCategory.Other,
        _ => null,
    };

    public static PowerCategory ToProto(DecisionCategory category) =>
        Enum.GetValues<PowerCategory>().First(c => ToDomain(c) == category);

    /// <summary>"permit", "penalty", … — the name in storage and events.</summary>
    public static string Name(DecisionCategory category) => category.ToString().ToLowerInvariant();

    public static DecisionCategory CategoryFromName(string name) =>
        Enum.GetValues<DecisionCategory>().First(c => Name(c) == name);

    public static string? ReasonName(PowerItemChangeReason reason) => reason switch
    {
        PowerItemChangeReason.Initial => "initial",
        PowerItemChangeReason.LawAmended => "law-amended",
        PowerItemChangeReason.MandateChanged => "mandate-changed",
        PowerItemChangeReason.Correction => "correction",
        PowerItemChangeReason.Other => "other",
        _ => null,
    };

    public static PowerItemChangeReason ReasonFromName(string name) =>
        Enum.GetValues<PowerItemChangeReason>().FirstOrDefault(r => ReasonName(r) == name);

    public static string StatusName(PowerItemStatus status) => status == PowerItemStatus.Withdrawn ? Withdrawn : InForce;

    public static PowerItemStatus StatusFromName(string name) => name == Withdrawn ? PowerItemStatus.Withdrawn : PowerItemStatus.InForce;
}
