using System.Reflection;
using Grpc.Core;
using Longshan.Platform.Identity;

namespace Longshan.Testing;

/// <summary>
/// The guard-rail checks every service's test project runs against its own in-process app (one line each): the
/// authorization matrix over every write RPC, and fuzzing of every RPC. RPCs are discovered from the service assembly,
/// so an RPC added tomorrow is covered without touching a test.
/// </summary>
public static class GuardRails
{
    /// <summary>Fuzz inputs per RPC (the issue asks for at least 200).</summary>
    public const int RequestsPerRpc = 200;

    /// <summary>Runs the matrix; returns the report lines and the escapes (refusals with the wrong code, or anything written).</summary>
    public static async Task<(IReadOnlyList<string> Report, IReadOnlyList<string> Escapes)> AuthorizationMatrixAsync<T>(ServiceApp<T> app, Assembly service)
        where T : class
    {
        var rpcs = Rpc.Of(service);
        _ = app.Server; // started and migrated before the first snapshot
        var before = await app.TableCountsAsync();
        var outcomes = await AuthorizationMatrix.RunAsync(app.Channel.CreateCallInvoker(), rpcs);
        var after = await app.TableCountsAsync();

        var report = outcomes.Select(o => o.ToString())
            .Append($"{rpcs.Count(r => r.IsWrite)} write RPCs, {outcomes.Count} cases, {outcomes.Count(o => o.Escaped)} escapes")
            .Concat(AuthorizationMatrix.OwnerFromRecord(rpcs).Select(r => $"{r}: owner found from a record (checked in the endpoint)"))
            .ToList();
        var escapes = outcomes.Where(o => o.Escaped).Select(o => o.ToString()).Concat(Changed(before, after)).ToList();
        return (report, escapes);
    }

    /// <summary>
    /// Sends <see cref="RequestsPerRpc"/> malformed requests to every RPC (as the county administrator, so they reach
    /// validation) with a fixed seed; never <c>Internal</c> or <c>Unknown</c>, and a batch without any accepted write
    /// leaves every table as it was. Streaming RPCs get a malformed first message and a malformed later one.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Report, IReadOnlyList<string> Escapes)> FuzzAsync<T>(ServiceApp<T> app, Assembly service, int seed = 20261129)
        where T : class
    {
        _ = app.Server;
        var invoker = app.Channel.CreateCallInvoker();
        var fuzzer = new RpcFuzzer(seed);
        var report = new List<string>();
        var escapes = new List<string>();
        var agency = CreditCodes.New();
        var headers = TestTokens.Header(TokenIssuer.Mint(IdentityOptions.Development, $"fuzz:{agency}", agency,
            [Roles.CountyAdmin, .. Roles.AgencyWriters], TimeSpan.FromHours(1), TimeProvider.System));
        foreach (var rpc in Rpc.Of(service))
        {
            var before = await app.TableCountsAsync();
            var statuses = new Dictionary<StatusCode, int>();
            var requests = fuzzer.Requests(rpc.Descriptor.InputType, RequestsPerRpc).ToList();
            for (var i = 0; i < requests.Count; i++)
            {
                var batch = rpc.Descriptor.IsClientStreaming ? [requests[i], requests[(i + 1) % requests.Count]] : new[] { requests[i] };
                var status = await rpc.CallAsync(invoker, batch, headers, TimeSpan.FromMilliseconds(300));
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status is StatusCode.Internal or StatusCode.Unknown) escapes.Add($"{rpc.Name} request #{i}: {status}");
            }
            var accepted = rpc.IsWrite ? statuses.GetValueOrDefault(StatusCode.OK) : 0;
            if (accepted == 0) escapes.AddRange(Changed(before, await app.TableCountsAsync()).Select(c => $"{rpc.Name}: refused requests changed {c}"));
            report.Add($"{rpc.Name,-55} {requests.Count} requests: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}")));
        }
        report.Add($"{report.Count} RPCs, {report.Count * RequestsPerRpc} requests, {escapes.Count} escapes");
        return (report, escapes);
    }

    static IEnumerable<string> Changed(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        after.Where(t => before.GetValueOrDefault(t.Key) != t.Value).Select(t => $"table {t.Key}: {before.GetValueOrDefault(t.Key)} → {t.Value} rows");
}
