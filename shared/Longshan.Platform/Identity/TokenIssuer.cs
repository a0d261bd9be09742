using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Longshan.Platform.Identity;

/// <summary>Mints bearer tokens with the configured key. Used by the development token tool and by tests.</summary>
public static class TokenIssuer
{
    public static SymmetricSecurityKey Key(IdentityOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey));

    /// <summary>A token of <paramref name="options"/>' issuer and audience, signed with its HMAC key or with <paramref name="credentials"/> (e.g. an identity provider's RSA/EC private key in tests).</summary>
    public static string Mint(IdentityOptions options, string subject, string agencyCode, IEnumerable<string> roles, TimeSpan lifetime, TimeProvider time,
        string? name = null, SigningCredentials? credentials = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new List<Claim> { new(Claims.Subject, subject), new(Claims.Name, name ?? subject), new(Claims.Agency, agencyCode) };
        claims.AddRange(roles.Select(r => new Claim(Claims.Role, r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = credentials ?? new SigningCredentials(Key(options), SecurityAlgorithms.HmacSha256),
        });
    }
}
