using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Status = Google.Rpc.Status;

namespace Longshan.RecordingArchive.Cases;

/// <summary>
/// An archiving refusal lists every missing item at once: one <c>PreconditionFailure</c> violation per item, each with
/// its rule id as <c>type</c> and the missing kind or activity as <c>subject</c> (RULES.md).
/// </summary>
public static class CaseRefusals
{
    public static RpcException Incomplete(Guid caseId, IReadOnlyList<MissingItem> missing)
    {
        var failure = new PreconditionFailure();
        failure.Violations.AddRange(missing.Select(m => new PreconditionFailure.Types.Violation
        {
            Type = m.Rule.Id, Subject = m.Subject, Description = m.Rule.Description,
        }));
        return new Status
        {
            Code = (int)Code.FailedPrecondition,
            Message = $"案卷 {caseId} 不完整，不能归档 / the case file is incomplete and cannot be archived [{string.Join(", ", missing.Select(m => m.Rule.Id).Distinct())}]",
            Details = { Any.Pack(failure) },
        }.ToRpcException();
    }
}
