using System.Security.Claims;
using Grpc.Core;
using Longshan.Platform.Grpc;

namespace Longshan.Platform.Identity;

/// <summary>Who is calling, from the validated bearer token.</summary>
public sealed record Caller(string Subject, string AgencyCode, IReadOnlySet<string> Roles)
{
    public bool IsCountyAdmin => Roles.Contains(Identity.Roles.CountyAdmin);

    public static Caller From(ServerCallContext context) => From(context.GetHttpContext().User);

    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue("sub") ?? "",
        user.FindFirstValue(Claims.Agency) ?? "",
        user.FindAll(Claims.Role).Select(c => c.Value).ToHashSet());

    /// <summary>An agency writes only its own data; the county administrator may write any agency's.</summary>
    public void EnsureMayWriteFor(string agencyCode)
    {
        if (IsCountyAdmin) return;
        if (Roles.Contains(Identity.Roles.Agency) && string.Equals(AgencyCode, agencyCode, StringComparison.Ordinal)) return;
        throw RpcErrors.PermissionDenied($"Caller of agency {AgencyCode} may not write data of agency {agencyCode}.");
    }
}
