using System.Security.Claims;
using Grpc.Core;
using Longshan.Platform.Grpc;

namespace Longshan.Platform.Identity;

/// <summary>
/// Who is calling, from the validated bearer token: the person (<c>sub</c> and <c>name</c>), the agency they act for
/// and their roles. "Who did it" and "a second person approves" are always answered from here, never from a request
/// field.
/// </summary>
public sealed record Caller(string Subject, string Name, string AgencyCode, IReadOnlySet<string> Roles)
{
    public bool IsCountyAdmin => Roles.Contains(Identity.Roles.CountyAdmin);

    public bool Has(string role) => Roles.Contains(role);

    public static Caller From(ServerCallContext context) => From(context.GetHttpContext().User);

    public static Caller From(ClaimsPrincipal user)
    {
        var subject = user.FindFirstValue(Claims.Subject) ?? "";
        return new Caller(
            subject,
            user.FindFirstValue(Claims.Name) is { Length: > 0 } name ? name : subject,
            user.FindFirstValue(Claims.Agency) ?? "",
            user.FindAll(Claims.Role).Select(c => c.Value).ToHashSet());
    }

    /// <summary>
    /// A person of an agency writes only that agency's data (with a role that writes); the county administrator may
    /// write any agency's. The data center only reads.
    /// </summary>
    public void EnsureMayWriteFor(string agencyCode)
    {
        if (IsCountyAdmin) return;
        if (Identity.Roles.AgencyWriters.Any(Roles.Contains) && string.Equals(AgencyCode, agencyCode, StringComparison.Ordinal)) return;
        throw RpcErrors.PermissionDenied($"调用方（{AgencyCode}）无权写入执法主体 {agencyCode} 的数据 / caller of agency {AgencyCode} may not write data of agency {agencyCode}");
    }

    /// <summary>The call needs <paramref name="role"/> (the county administrator passes every role check).</summary>
    public void EnsureRole(string role)
    {
        if (IsCountyAdmin || Roles.Contains(role)) return;
        throw RpcErrors.PermissionDenied($"需要角色 {role} / the caller needs the role {role}");
    }
}
