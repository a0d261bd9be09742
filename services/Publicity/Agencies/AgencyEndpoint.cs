using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.Publicity.Agencies;

/// <summary>gRPC <c>longshan.publicity.v1.AgencyService</c>: register and look up enforcement bodies.</summary>
public sealed class AgencyEndpoint(ReadSession reads, AgencyStore agencies, WriteTransaction writes, TimeProvider time)
    : AgencyService.AgencyServiceBase
{
    const string RegisterRpc = "RegisterAgency";

    [Authorize(Policy = Policies.Write)]
    public override async Task<RegisterAgencyResponse> RegisterAgency(RegisterAgencyRequest request, ServerCallContext context)
    {
        AgencyRegistration.Validate(request).ThrowIfAny();
        var agency = AgencyRegistration.ToAgency(request);
        var caller = Caller.From(context);
        caller.EnsureMayWriteFor(agency.CreditCode);

        return await writes.RunAsync(context, request, RegisterAgencyResponse.Parser, async session =>
        {
            if (await agencies.FindAsync(session, agency.CreditCode) is not null)
                throw RpcErrors.AlreadyExists($"执法主体 {agency.CreditCode} 已登记 / agency already registered");
            var now = time.GetUtcNow();
            await agencies.InsertAsync(session, agency, now, caller.Subject);
            return new WriteResult<RegisterAgencyResponse>(
                new RegisterAgencyResponse { Agency = agency }, agency.CreditCode, AgencyRegistration.ToEvent(agency, Guid.NewGuid(), now));
        });
    }

    /// <summary>Public: what the platform discloses about an agency.</summary>
    [AllowAnonymous]
    public override async Task<GetAgencyResponse> GetAgency(GetAgencyRequest request, ServerCallContext context)
    {
        var code = UnifiedSocialCreditCode.Normalize(request.CreditCode);
        if (UnifiedSocialCreditCode.Validate(code) is { } error) new FieldViolations().Add("credit_code", error).ThrowIfAny();
        var session = await reads.GetAsync(context.CancellationToken);
        var agency = await agencies.FindAsync(session, code) ?? throw RpcErrors.NotFound($"执法主体 {code} 未登记 / agency not registered");
        return new GetAgencyResponse { Agency = agency };
    }
}
