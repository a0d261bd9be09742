using System.Diagnostics.Metrics;

namespace Longshan.Publicity;

/// <summary>
/// Meter <c>Longshan.Publicity</c>: what a supervisor (司法局) watches in the dashboard — overdue publications and
/// withdrawals as they are found, and the public certificate checks by outcome.
/// </summary>
public static class PublicityMetrics
{
    static readonly Meter Meter = new("Longshan.Publicity");

    static readonly Counter<long> Overdue = Meter.CreateCounter<long>(
        "longshan.publicity.overdue", "{decision}", "Decisions found past their publication or withdrawal deadline (118号; APL art. 48)");

    static readonly Counter<long> Verifications = Meter.CreateCounter<long>(
        "longshan.publicity.certificate_checks", "{check}", "Public certificate checks, by status found");

    /// <summary><paramref name="kind"/> is "publication" or "withdrawal".</summary>
    public static void OverdueRaised(string kind, string agencyCode) =>
        Overdue.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("agency", agencyCode));

    public static void CertificateChecked(string status) =>
        Verifications.Add(1, new KeyValuePair<string, object?>("status", status));
}
