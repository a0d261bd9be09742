using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Longshan.Platform.Identity;

public static partial class IdentitySetup
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
            if (!string.IsNullOrWhiteSpace(options.Authority)) jwt.Authority = options.Authority; // keys from its JWKS
        });
        if (options.UseDevelopmentIssuer) builder.Services.AddHostedService<DevelopmentIssuerWarning>();
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

    /// <summary>What a token must satisfy: our issuer, audience and keys, within its lifetime (1 minute of clock skew).</summary>
    public static TokenValidationParameters ValidationParameters(IdentityOptions options)
    {
        var (keys, algorithms) = options.VerificationKeys();
        return new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKeys = keys,
            // Only the algorithms the keys are for: a token signed with anything else (or "none") is refused.
            ValidAlgorithms = algorithms,
            NameClaimType = Claims.Subject,
            RoleClaimType = Claims.Role,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
    }

    /// <summary>Says loudly, at start and every hour, that anyone with the repository can mint tokens this service accepts.</summary>
    sealed partial class DevelopmentIssuerWarning(ILogger<DevelopmentIssuerWarning> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            try
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    Warn(logger);
                    await Task.Delay(TimeSpan.FromHours(1), stoppingToken);
                }
            }
            catch (OperationCanceledException) { /* stopping */ }
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "DEVELOPMENT ISSUER ON: this service accepts tokens minted with the public development key (tools/Longshan.DevToken). Never in production: set Identity:Issuer and Identity:PublicKeyFile or Identity:Authority.")]
        static partial void Warn(ILogger logger);
    }
}
