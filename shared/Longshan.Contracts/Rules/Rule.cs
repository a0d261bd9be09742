namespace Longshan.Contracts.Rules;

/// <summary>
/// A rule that can refuse a call. Its <see cref="Id"/> is stable kebab-case and travels to the caller as
/// <c>google.rpc.PreconditionFailure.violations[].type</c> (with <c>FailedPrecondition</c>, or <c>Aborted</c> for a
/// concurrent change). RULES.md documents every id for client developers; a test keeps the two in step.
/// </summary>
public sealed record Rule(string Id, string Source, string Description);
