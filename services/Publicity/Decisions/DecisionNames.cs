using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// Stable names of the decision enums in storage and events (kebab-case, never renamed), and the mapping to the domain enums.
/// Penalty kinds have their own mapping, <see cref="PenaltyKinds"/>.
/// </summary>
public static class DecisionNames
{
    public const string NaturalPerson = PartyKinds.NaturalPersonName;
    public const string Organisation = PartyKinds.OrganisationName;

    public static string? Category(V1.DecisionCategory category) => ToDomain(category)?.ToString().ToLowerInvariant();

    public static V1.DecisionCategory CategoryFromName(string name) =>
        Enum.GetValues<V1.DecisionCategory>().FirstOrDefault(c => Category(c) == name);

    /// <summary>The domain category (deadline rules); null when unspecified or unknown.</summary>
    public static DecisionCategory? ToDomain(V1.DecisionCategory category) => category switch
    {
        V1.DecisionCategory.Permit => DecisionCategory.Permit,
        V1.DecisionCategory.Penalty => DecisionCategory.Penalty,
        V1.DecisionCategory.Coercion => DecisionCategory.Coercion,
        V1.DecisionCategory.Levy => DecisionCategory.Levy,
        V1.DecisionCategory.Requisition => DecisionCategory.Requisition,
        V1.DecisionCategory.Inspection => DecisionCategory.Inspection,
        V1.DecisionCategory.Payment => DecisionCategory.Payment,
        V1.DecisionCategory.Confirmation => DecisionCategory.Confirmation,
        V1.DecisionCategory.Award => DecisionCategory.Award,
        V1.DecisionCategory.Ruling => DecisionCategory.Ruling,
        V1.DecisionCategory.Other => DecisionCategory.Other,
        _ => null,
    };

    /// <summary>The stored name of a proto party kind (through <see cref="PartyKinds"/>); null when unspecified or unknown.</summary>
    public static string? PartyKind(V1.PartyKind kind) => PartyKinds.FromProto(kind) is { } domain ? PartyKinds.Name(domain) : null;

    public static V1.PartyKind PartyKindFromName(string name) =>
        PartyKinds.FromName(name) is { } domain ? PartyKinds.ToProto(domain) : V1.PartyKind.Unspecified;

    public static string? Revocation(V1.RevocationKind kind) => kind switch
    {
        V1.RevocationKind.Revoked => "revoked",
        V1.RevocationKind.Changed => "changed",
        V1.RevocationKind.ConfirmedIllegal => "confirmed-illegal",
        V1.RevocationKind.ConfirmedVoid => "confirmed-void",
        _ => null,
    };

    public static V1.RevocationKind RevocationFromName(string? name) =>
        Enum.GetValues<V1.RevocationKind>().FirstOrDefault(k => Revocation(k) == name);

    /// <summary>Lifecycle states stored in <c>decisions.status</c>.</summary>
    public static class Status
    {
        public const string Registered = "registered";
        public const string Published = "published";
        public const string Withdrawn = "withdrawn";

        public static V1.DecisionStatus ToProto(string status) => status switch
        {
            Registered => V1.DecisionStatus.Registered,
            Published => V1.DecisionStatus.Published,
            Withdrawn => V1.DecisionStatus.Withdrawn,
            _ => V1.DecisionStatus.Unspecified,
        };
    }
}
