using Grpc.Core;
using Longshan.Platform.Identity;

namespace Longshan.Testing;

/// <summary>The person a test token speaks for: the <c>sub</c> claim and the <c>name</c> claim (the subject when null).</summary>
public sealed record TestPerson(string Subject, string? Name = null)
{
    /// <summary>The default person of an agency's tests: <c>test:&lt;credit code&gt;</c>.</summary>
    public static TestPerson Of(string agencyCode) => new($"test:{agencyCode}");
}

/// <summary>
/// Bearer tokens of the development issuer (<see cref="IdentityOptions.Development"/>), which the services accept
/// when the AppHost (or a test host) sets <c>Identity:UseDevelopmentIssuer</c>. A token carries <c>sub</c>, <c>name</c>,
/// <c>agency</c> and one <c>role</c> claim per role; without roles it is the agency's case-handling system
/// (<see cref="Roles.Agency"/>), without a person it is <see cref="TestPerson.Of"/> the agency. Valid for an hour.
/// </summary>
public static class TestTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>A signed token for <paramref name="agencyCode"/> with <paramref name="roles"/>, as <paramref name="person"/>.</summary>
    public static string Mint(string agencyCode, IEnumerable<string> roles, TestPerson? person = null)
    {
        var roleList = roles.ToArray();
        person ??= TestPerson.Of(agencyCode);
        return TokenIssuer.Mint(IdentityOptions.Development, person.Subject, agencyCode, roleList.Length == 0 ? [Roles.Agency] : roleList,
            Lifetime, TimeProvider.System, person.Name);
    }

    /// <summary>Call metadata with a token for <paramref name="agencyCode"/> and <paramref name="roles"/> (default: agency).</summary>
    public static Metadata Bearer(string agencyCode, params string[] roles) => Header(Mint(agencyCode, roles));

    /// <summary>Call metadata with a token for <paramref name="person"/> acting for <paramref name="agencyCode"/>.</summary>
    public static Metadata Bearer(TestPerson person, string agencyCode, params string[] roles) => Header(Mint(agencyCode, roles, person));

    /// <summary>Call metadata carrying <paramref name="token"/> as it is (for tokens a test builds itself).</summary>
    public static Metadata Header(string token) => new() { { "authorization", $"Bearer {token}" } };
}
