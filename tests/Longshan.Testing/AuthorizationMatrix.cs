using Grpc.Core;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identity;
using Microsoft.Extensions.Time.Testing;

namespace Longshan.Testing;

/// <summary>
/// Every write RPC of a service × every way a caller may not write: no token, an expired one, a wrong signature, a
/// wrong audience, the read-only data-center role, a person with no role, and agency A writing agency B's data (where
/// the request names its owner with <c>[(longshan.v1.owning_agency) = true]</c>). Each must be refused with
/// <c>Unauthenticated</c> / <c>PermissionDenied</c>, and nothing may be written (every table's row count unchanged).
/// </summary>
public static class AuthorizationMatrix
{
    public sealed record Case(string Name, StatusCode Expected, Func<string, string, Metadata> Headers, bool NeedsOwnerField = false);

    public sealed record Outcome(string Rpc, string Case, StatusCode Expected, StatusCode Actual)
    {
        public bool Escaped => Actual != Expected;

        public override string ToString() => $"{Rpc,-55} {Case,-22} expected {Expected,-16} got {Actual}";
    }

    static readonly IdentityOptions Development = IdentityOptions.Development;

    /// <summary>The cases; <c>Headers(agencyA, agencyB)</c> gives the call's metadata.</summary>
    public static readonly IReadOnlyList<Case> Cases =
    [
        new("no token", StatusCode.Unauthenticated, (_, _) => []),
        new("expired token", StatusCode.Unauthenticated, (a, _) => Token(Development, a, [Roles.CountyAdmin], new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-3)))),
        new("wrong signature", StatusCode.Unauthenticated, (a, _) => Token(new IdentityOptions
            { Issuer = Development.Issuer, Audience = Development.Audience, SigningKey = "not-the-key-of-the-development-issuer-0123456789" }, a, [Roles.CountyAdmin])),
        new("wrong audience", StatusCode.Unauthenticated, (a, _) => Token(new IdentityOptions
            { Issuer = Development.Issuer, Audience = "another-platform", SigningKey = Development.SigningKey }, a, [Roles.CountyAdmin])),
        new("data-center role", StatusCode.PermissionDenied, (a, _) => Token(Development, a, [Roles.DataCenter])),
        new("no role", StatusCode.PermissionDenied, (a, _) => Token(Development, a, [])),
        new("agency A writes B", StatusCode.PermissionDenied, (a, _) => Token(Development, a, Roles.AgencyWriters), NeedsOwnerField: true),
    ];

    /// <summary>Runs every case against every write RPC; returns the outcomes (the caller asserts none escaped).</summary>
    public static async Task<IReadOnlyList<Outcome>> RunAsync(CallInvoker invoker, IEnumerable<Rpc> rpcs)
    {
        var outcomes = new List<Outcome>();
        foreach (var rpc in rpcs.Where(r => r.IsWrite))
        {
            var ownerField = OwningAgencyInterceptor.OwningField(rpc.Descriptor.InputType);
            foreach (var @case in Cases.Where(c => !c.NeedsOwnerField || ownerField is not null))
            {
                var (agencyA, agencyB) = (CreditCodes.New(), CreditCodes.New());
                var request = rpc.NewRequest();
                rpc.Descriptor.InputType.FindFieldByName("request_id")?.Accessor.SetValue(request, Guid.NewGuid().ToString());
                ownerField?.Accessor.SetValue(request, agencyB);
                var status = await rpc.CallAsync(invoker, [request], @case.Headers(agencyA, agencyB));
                outcomes.Add(new Outcome(rpc.Name, @case.Name, @case.Expected, status));
            }
        }
        return outcomes;
    }

    static Metadata Token(IdentityOptions options, string agency, string[] roles, TimeProvider? time = null) =>
        TestTokens.Header(TokenIssuer.Mint(options, $"matrix:{agency}", agency, roles, TimeSpan.FromHours(1), time ?? TimeProvider.System));

    /// <summary>Write RPCs without an owner field: their owner comes from a record, checked in the endpoint (listed in the output).</summary>
    public static IEnumerable<string> OwnerFromRecord(IEnumerable<Rpc> rpcs) =>
        rpcs.Where(r => r.IsWrite && OwningAgencyInterceptor.OwningField(r.Descriptor.InputType) is null).Select(r => r.Name);
}
