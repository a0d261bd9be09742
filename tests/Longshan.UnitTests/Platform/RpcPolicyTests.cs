using System.Reflection;
using Google.Protobuf;
using Grpc.Core;
using Longshan.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Xunit.Abstractions;

namespace Longshan.UnitTests.Platform;

/// <summary>
/// Deny by default: every RPC of every service, found from the generated service bases (so a new RPC is covered the
/// day it is added), states its policy; only reads are public; every create/submit RPC (one with a request_id) is a write.
/// The fallback policy (authenticated) catches what is left, but an RPC must still say what it is.
/// </summary>
public sealed class RpcPolicyTests(ITestOutputHelper output)
{
    static readonly Assembly[] Services =
    [
        typeof(Longshan.Publicity.Agencies.AgencyStore).Assembly,
        typeof(Longshan.RecordingArchive.Agencies.AgencyRegisteredConsumer).Assembly,
        typeof(Longshan.LegalReview.Agencies.AgencyRegisteredConsumer).Assembly,
        typeof(Longshan.Statistics.Agencies.AgencyKindCountStore).Assembly,
    ];

    sealed record Rpc(string Name, string Policy, bool HasRequestId);

    static IEnumerable<Rpc> Rpcs() =>
        from type in Services.SelectMany(a => a.GetTypes())
        where !type.IsAbstract && type.BaseType?.GetCustomAttribute<BindServiceMethodAttribute>() is not null
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        where method.GetBaseDefinition().DeclaringType == type.BaseType
        let request = method.GetParameters()[0].ParameterType
        select new Rpc($"{type.BaseType!.DeclaringType!.Name}/{method.Name}", PolicyOf(method), HasRequestId(request));

    static string PolicyOf(MethodInfo method)
    {
        if (method.GetCustomAttribute<AllowAnonymousAttribute>() is not null) return "public";
        var authorize = method.GetCustomAttribute<AuthorizeAttribute>() ?? method.DeclaringType!.GetCustomAttribute<AuthorizeAttribute>();
        if (authorize is not null) return authorize.Policy ?? "authenticated";
        return method.DeclaringType!.GetCustomAttribute<AllowAnonymousAttribute>() is not null ? "public" : "none";
    }

    static bool HasRequestId(Type request) =>
        typeof(IMessage).IsAssignableFrom(request) &&
        ((IMessage)Activator.CreateInstance(request)!).Descriptor.FindFieldByName("request_id") is not null;

    [Fact]
    public void Every_rpc_states_its_policy_and_every_write_needs_the_write_policy()
    {
        var rpcs = Rpcs().OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        foreach (var rpc in rpcs) output.WriteLine($"{rpc.Name,-60} {rpc.Policy}{(rpc.HasRequestId ? " (write)" : "")}");

        Assert.True(rpcs.Count >= 25, $"only {rpcs.Count} RPCs found: is the discovery still finding the services?");
        Assert.Empty(rpcs.Where(r => r.Policy == "none").Select(r => r.Name));
        Assert.Empty(rpcs.Where(r => r.HasRequestId && r.Policy != Policies.Write).Select(r => $"{r.Name}: {r.Policy}"));
    }
}
