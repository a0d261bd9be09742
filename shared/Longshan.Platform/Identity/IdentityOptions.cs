namespace Longshan.Platform.Identity;

/// <summary>
/// Configuration section <c>Identity</c>: the county identity provider that signs agencies' bearer tokens.
/// For local runs set <see cref="UseDevelopmentIssuer"/>; tokens are then minted with <c>tools/Longshan.DevToken</c>.
/// </summary>
public sealed class IdentityOptions
{
    public string Issuer { get; set; } = "";

    public string Audience { get; set; } = "longshan";

    /// <summary>HMAC-SHA256 key, at least 32 bytes of UTF-8.</summary>
    public string SigningKey { get; set; } = "";

    public bool UseDevelopmentIssuer { get; set; }

    /// <summary>The development issuer: never accepted unless <see cref="UseDevelopmentIssuer"/> is set.</summary>
    public static IdentityOptions Development => new()
    {
        Issuer = "longshan-development-issuer",
        Audience = "longshan",
        SigningKey = "longshan-development-signing-key-do-not-use-in-production",
        UseDevelopmentIssuer = true,
    };

    public IdentityOptions Resolve()
    {
        if (UseDevelopmentIssuer)
        {
            // Never both: a configured identity provider next to the development issuer means a mistake in deployment.
            if (!string.IsNullOrWhiteSpace(Issuer) || !string.IsNullOrWhiteSpace(SigningKey))
                throw new InvalidOperationException(
                    "Identity:UseDevelopmentIssuer is on while Identity:Issuer or Identity:SigningKey is also set; remove one of them.");
            return Development;
        }

        if (string.IsNullOrWhiteSpace(Issuer) || System.Text.Encoding.UTF8.GetByteCount(SigningKey) < 32)
            throw new InvalidOperationException(
                "Identity is not configured: set Identity:Issuer and Identity:SigningKey (≥ 32 bytes), or Identity:UseDevelopmentIssuer=true for a local run.");
        return this;
    }
}
