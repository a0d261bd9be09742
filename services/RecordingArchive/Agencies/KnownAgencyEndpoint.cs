using Grpc.Core;
using Longshan.Contracts.Archive.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.RecordingArchive.Agencies;

/// <summary>gRPC: whether this service has learned of an agency.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class KnownAgencyEndpoint(Database database, KnownAgencyStore agencies) : ArchiveService.ArchiveServiceBase
{
    public override async Task<GetKnownAgencyResponse> GetKnownAgency(GetKnownAgencyRequest request, ServerCallContext context)
    {
        var code = UnifiedSocialCreditCode.Normalize(request.CreditCode);
        if (UnifiedSocialCreditCode.Validate(code) is { } error) new FieldViolations().Add("credit_code", error).ThrowIfAny();
        await using var session = await database.ReadAsync(context.CancellationToken);
        return await agencies.FindAsync(session, code) ?? throw RpcErrors.NotFound($"执法主体 {code} 未知 / agency not known here");
    }
}
