using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Longshan.Platform.Identity;

/// <summary>
/// Configuration section <c>Identity</c>: the county identity provider that signs agencies' bearer tokens. A service
/// only verifies, so in production it holds a public key (<see cref="PublicKeyFile"/>, RS256/ES256) or fetches the
/// provider's keys (<see cref="Authority"/>): it never holds a key that could mint a county-admin token. An HMAC
/// <see cref="SigningKey"/> is for development and tests. For a local run set <see cref="UseDevelopmentIssuer"/>;
/// tokens are then minted with <c>tools/Longshan.DevToken</c>.
/// </summary>
public sealed class IdentityOptions
{
    public string Issuer { get; set; } = "";

    public string Audience { get; set; } = "longshan";

    /// <summary>HMAC-SHA256 key, at least 32 bytes of UTF-8 (development and tests; it can mint tokens as well as check them).</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>A PEM file with the identity provider's public key (RSA → RS256, EC P-256 → ES256).</summary>
    public string PublicKeyFile { get; set; } = "";

    /// <summary>The identity provider's OpenID Connect address; its signing keys (JWKS) are fetched from its discovery document.</summary>
    public string Authority { get; set; } = "";

    public bool UseDevelopmentIssuer { get; set; }

    /// <summary>The development issuer: never accepted unless <see cref="UseDevelopmentIssuer"/> is set.</summary>
    public static IdentityOptions Development => new()
    {
        Issuer = "longshan-development-issuer",
        Audience = "longshan",
        SigningKey = "longshan-development-signing-key-do-not-use-in-production",
        UseDevelopmentIssuer = true,
    };

    bool HasConfiguredKey => !string.IsNullOrWhiteSpace(SigningKey) || !string.IsNullOrWhiteSpace(PublicKeyFile) || !string.IsNullOrWhiteSpace(Authority);

    public IdentityOptions Resolve()
    {
        if (UseDevelopmentIssuer)
        {
            // Never both: a configured identity provider next to the development issuer means a mistake in deployment.
            if (!string.IsNullOrWhiteSpace(Issuer) || HasConfiguredKey)
                throw new InvalidOperationException(
                    "Identity:UseDevelopmentIssuer is on while Identity:Issuer or a key (SigningKey, PublicKeyFile, Authority) is also set; remove one of them.");
            return Development;
        }

        if (string.IsNullOrWhiteSpace(Issuer) || !HasConfiguredKey)
            throw new InvalidOperationException(
                "Identity is not configured: set Identity:Issuer and one of Identity:PublicKeyFile (RS256/ES256), Identity:Authority " +
                "(OpenID Connect, keys from its JWKS) or Identity:SigningKey (HMAC, ≥ 32 bytes), or Identity:UseDevelopmentIssuer=true for a local run.");
        if (!string.IsNullOrWhiteSpace(SigningKey) && System.Text.Encoding.UTF8.GetByteCount(SigningKey) < 32)
            throw new InvalidOperationException("Identity:SigningKey must be at least 32 bytes.");
        return this;
    }

    /// <summary>The keys a token may be signed with, and the only algorithms accepted for them (a token signed otherwise, or "none", is refused).</summary>
    public (IReadOnlyList<SecurityKey> Keys, IReadOnlyList<string> Algorithms) VerificationKeys()
    {
        var keys = new List<SecurityKey>();
        var algorithms = new List<string>();
        if (!string.IsNullOrWhiteSpace(SigningKey))
        {
            keys.Add(TokenIssuer.Key(this));
            algorithms.Add(SecurityAlgorithms.HmacSha256);
        }
        if (!string.IsNullOrWhiteSpace(PublicKeyFile))
        {
            var (key, algorithm) = ReadPublicKey(File.ReadAllText(PublicKeyFile));
            keys.Add(key);
            algorithms.Add(algorithm);
        }
        if (!string.IsNullOrWhiteSpace(Authority)) algorithms.AddRange([SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256]);
        return (keys, algorithms.Distinct().ToList());
    }

    static (SecurityKey Key, string Algorithm) ReadPublicKey(string pem)
    {
        try
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            if (rsa.ExportParameters(includePrivateParameters: false).Modulus!.Length * 8 < 2048)
                throw new InvalidOperationException("Identity:PublicKeyFile: an RSA key needs at least 2048 bits.");
            return (new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return (new ECDsaSecurityKey(ec), SecurityAlgorithms.EcdsaSha256);
        }
    }
}
