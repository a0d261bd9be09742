namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// A decision's redacted public version as published on the portal — the only form in which a decision's
/// content leaves Publicity. A natural person's name is masked to the surname and the ID number to its first
/// six characters; phone numbers, addresses, bank accounts, health terms and other persons' names are masked
/// in the texts.
/// </summary>
public sealed record DecisionPublicVersion
{
    public required int Version { get; init; }

    public required string CaseNumber { get; init; }

    /// <summary>permit, penalty, coercion, levy, requisition, inspection, payment, confirmation, award, ruling or other.</summary>
    public required string Category { get; init; }

    public required DateOnly DecisionDate { get; init; }

    /// <summary>natural-person or organisation.</summary>
    public required string PartyKind { get; init; }

    public required string PartyName { get; init; }

    /// <summary>Masked ID number of a natural person; credit code of an organisation.</summary>
    public required string PartyIdentifier { get; init; }

    public required string Facts { get; init; }

    public required IReadOnlyList<DecisionLegalBasis> LegalBasis { get; init; }

    /// <summary>As imposed; kinds as in <see cref="DecisionPenalty"/> (one registered before the two confiscations had their own kinds may carry the legacy confiscation).</summary>
    public required IReadOnlyList<DecisionPenalty> Penalties { get; init; }

    public required string Conclusion { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }
}
