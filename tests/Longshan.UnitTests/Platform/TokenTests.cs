using System.Security.Cryptography;
using Grpc.Core;
using Longshan.Platform.Identity;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Longshan.UnitTests.Platform;

public sealed class TokenTests
{
    const string Agency = "114313000000000012";
    static readonly IdentityOptions Options = IdentityOptions.Development;

    static async Task<Caller?> ValidateAsync(string token, IdentityOptions options)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, IdentitySetup.ValidationParameters(options));
        return result.IsValid ? Caller.From(new System.Security.Claims.ClaimsPrincipal(result.ClaimsIdentity)) : null;
    }

    [Fact]
    public async Task A_minted_token_carries_the_agency_and_roles()
    {
        var token = TokenIssuer.Mint(Options, "case-system-1", Agency, [Roles.Agency], TimeSpan.FromHours(1), TimeProvider.System);

        var caller = await ValidateAsync(token, Options);

        Assert.NotNull(caller);
        Assert.Equal(Agency, caller.AgencyCode);
        Assert.Equal("case-system-1", caller.Subject);
        Assert.Equal([Roles.Agency], caller.Roles);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_rejected()
    {
        var forger = new IdentityOptions { Issuer = Options.Issuer, Audience = Options.Audience, SigningKey = new string('k', 40) };
        var token = TokenIssuer.Mint(forger, "x", Agency, [Roles.CountyAdmin], TimeSpan.FromHours(1), TimeProvider.System);

        Assert.Null(await ValidateAsync(token, Options));
    }

    [Fact]
    public async Task An_expired_token_is_rejected()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-3));
        var token = TokenIssuer.Mint(Options, "x", Agency, [Roles.Agency], TimeSpan.FromHours(1), clock);

        Assert.Null(await ValidateAsync(token, Options));
    }

    [Fact]
    public void Production_identity_without_a_key_fails_at_start_up() =>
        Assert.Throws<InvalidOperationException>(() => new IdentityOptions { Issuer = "https://idp.longshan.gov.cn" }.Resolve());

    [Fact]
    public void The_development_issuer_beside_a_configured_issuer_or_key_fails_at_start_up()
    {
        Assert.Throws<InvalidOperationException>(() => new IdentityOptions { UseDevelopmentIssuer = true, Issuer = "https://idp.longshan.gov.cn" }.Resolve());
        Assert.Throws<InvalidOperationException>(() => new IdentityOptions { UseDevelopmentIssuer = true, SigningKey = new string('k', 40) }.Resolve());
        Assert.Equal(IdentityOptions.Development.Issuer, new IdentityOptions { UseDevelopmentIssuer = true }.Resolve().Issuer);
    }

    [Fact]
    public async Task A_token_signed_with_another_algorithm_is_refused()
    {
        var key = TokenIssuer.Key(Options);
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = Options.Issuer, Audience = Options.Audience, Expires = DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["sub"] = "x", ["agency"] = Agency, ["role"] = Roles.CountyAdmin },
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(key, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha384),
        });

        Assert.NotNull(await ValidateAsync(TokenIssuer.Mint(Options, "x", Agency, [Roles.CountyAdmin], TimeSpan.FromHours(1), TimeProvider.System), Options));
        Assert.Null(await ValidateAsync(token, Options));
    }

    /// <summary>A service that only verifies holds the provider's public key: RS256 and ES256 tokens pass, and an HS256 token "signed" with the public key (algorithm confusion) does not.</summary>
    [Theory]
    [InlineData("rsa")]
    [InlineData("ec")]
    public async Task A_public_key_verifies_the_providers_tokens_and_nothing_else(string kind)
    {
        using AsymmetricAlgorithm key = kind == "rsa" ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, key.ExportSubjectPublicKeyInfoPem());
        var verifier = new IdentityOptions { Issuer = "https://idp.longshan.gov.cn", PublicKeyFile = file }.Resolve();
        var signing = key is RSA rsa
            ? new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256)
            : new SigningCredentials(new ECDsaSecurityKey((ECDsa)key), SecurityAlgorithms.EcdsaSha256);
        var issued = TokenIssuer.Mint(verifier, "u1", Agency, [Roles.CountyAdmin], TimeSpan.FromHours(1), TimeProvider.System, credentials: signing);
        var confused = TokenIssuer.Mint(new IdentityOptions { Issuer = verifier.Issuer, Audience = verifier.Audience, SigningKey = await File.ReadAllTextAsync(file) },
            "u1", Agency, [Roles.CountyAdmin], TimeSpan.FromHours(1), TimeProvider.System);
        using AsymmetricAlgorithm other = kind == "rsa" ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = TokenIssuer.Mint(verifier, "u1", Agency, [Roles.CountyAdmin], TimeSpan.FromHours(1), TimeProvider.System, credentials: other is RSA r
            ? new SigningCredentials(new RsaSecurityKey(r), SecurityAlgorithms.RsaSha256)
            : new SigningCredentials(new ECDsaSecurityKey((ECDsa)other), SecurityAlgorithms.EcdsaSha256));

        Assert.Equal("u1", (await ValidateAsync(issued, verifier))?.Subject);
        Assert.Null(await ValidateAsync(confused, verifier));
        Assert.Null(await ValidateAsync(forged, verifier));
        Assert.Null(await ValidateAsync(issued, Options)); // the development issuer does not accept it either
        File.Delete(file);
    }

    [Fact]
    public void The_development_issuer_beside_a_public_key_or_authority_fails_at_start_up()
    {
        Assert.Throws<InvalidOperationException>(() => new IdentityOptions { UseDevelopmentIssuer = true, PublicKeyFile = "/etc/idp.pem" }.Resolve());
        Assert.Throws<InvalidOperationException>(() => new IdentityOptions { UseDevelopmentIssuer = true, Authority = "https://idp.longshan.gov.cn" }.Resolve());
    }

    [Fact]
    public void An_agency_writes_only_its_own_data()
    {
        var own = new Caller("s", "张三", Agency, new HashSet<string> { Roles.Agency });
        own.EnsureMayWriteFor(Agency);

        var error = Assert.Throws<RpcException>(() => own.EnsureMayWriteFor("91350100M000100Y43"));
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public void The_county_administrator_writes_for_any_agency_and_the_data_center_for_none()
    {
        new Caller("s", "张三", Agency, new HashSet<string> { Roles.CountyAdmin }).EnsureMayWriteFor("91350100M000100Y43");

        var reader = new Caller("s", "张三", Agency, new HashSet<string> { Roles.DataCenter });
        Assert.Equal(StatusCode.PermissionDenied, Assert.Throws<RpcException>(() => reader.EnsureMayWriteFor(Agency)).StatusCode);
    }
}
