namespace Longshan.RecordingArchive.Tests.Support;

/// <summary>
/// An archive with one agency's own rules [local]: <see cref="RelaxedAgency"/> needs no approval for retrievals, keeps its
/// cases 10 years and, for penalty cases, asks only for the decision and its proof of service.
/// </summary>
public sealed class ConfiguredArchiveApp : ArchiveApp
{
    public static readonly string RelaxedAgency = CreditCodes.WithCheck("11433130MB0000777");

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new($"Archive:Agencies:{RelaxedAgency}:RetrievalNeedsApproval", "false"),
        new($"Archive:Agencies:{RelaxedAgency}:DefaultRetention", "10-years"),
        new($"Archive:Agencies:{RelaxedAgency}:Completeness:penalty:0", "decision"),
        new($"Archive:Agencies:{RelaxedAgency}:Completeness:penalty:1", "proof-of-service"),
    ];
}
