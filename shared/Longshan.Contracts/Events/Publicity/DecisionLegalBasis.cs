namespace Longshan.Contracts.Events.Publicity;

/// <summary>法律依据 — a law and the article applied.</summary>
public sealed record DecisionLegalBasis(string Law, string Article);
