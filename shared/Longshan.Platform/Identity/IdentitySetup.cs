using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Longshan.Platform.Identity;

public static class IdentitySetup
{
    /// <summary>Bearer JWT validation (issuer, audience, HMAC key, lifetime) and the platform's policies.</summary>
    public static IHostApplicationBuilder AddLongshanIdentity(this IHostApplicationBuilder builder)
    {
        var options = (builder.Configuration.GetSection("Identity").Get<IdentityOptions>() ?? new IdentityOptions()).Resolve();
        builder.Services.AddSingleton(options);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = ValidationParameters(options);
        });
        builder.Services.AddAuthorizationBuilder()
            // Deny by default: an endpoint without its own policy needs a valid token; public reads say [AllowAnonymous].
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            // A write needs a person: a token without a subject is refused whatever its roles.
            .AddPolicy(Policies.Write, p => p.RequireAuthenticatedUser().RequireClaim(Claims.Agency)
                .RequireAssertion(c => !string.IsNullOrWhiteSpace(c.User.FindFirst(Claims.Subject)?.Value))
                .RequireRole(Roles.Writers))
            .AddPolicy(Policies.Read, p => p.RequireAuthenticatedUser());
        return builder;
    }

    /// <summary>What a token must satisfy: our issuer, audience and key, within its lifetime (1 minute of clock skew).</summary>
    public static TokenValidationParameters ValidationParameters(IdentityOptions options) => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        IssuerSigningKey = TokenIssuer.Key(options),
        // Only the algorithm the keys are for: a token signed with anything else (or "none") is refused.
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = Claims.Subject,
        RoleClaimType = Claims.Role,
        ClockSkew = TimeSpan.FromMinutes(1),
    };
}
