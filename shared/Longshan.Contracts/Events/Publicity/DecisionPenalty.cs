namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// One penalty of a decision: kind is warning, public-criticism, fine, confiscation, permit-suspension,
/// qualification-downgrade, business-restriction, suspension-order, closure-order, permit-revocation or
/// administrative-detention (least to most severe, APL art. 9); the amount is in fen (分), 0 when none is stated.
/// </summary>
public sealed record DecisionPenalty(string Kind, long AmountFen);
