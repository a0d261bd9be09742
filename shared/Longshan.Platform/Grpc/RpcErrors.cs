using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Status = Google.Rpc.Status;

namespace Longshan.Platform.Grpc;

/// <summary>
/// The platform's error vocabulary as rich gRPC statuses (google.rpc.Status with details), so callers get the
/// field or the rule that failed, not just a message.
/// </summary>
public static class RpcErrors
{
    public static RpcException InvalidArgument(IEnumerable<BadRequest.Types.FieldViolation> violations)
    {
        var list = violations.ToList();
        return new Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "请求参数有误 / invalid request: " + string.Join("; ", list.Select(v => $"{v.Field}: {v.Description}")),
            Details = { Any.Pack(new BadRequest { FieldViolations = { list } }) },
        }.ToRpcException();
    }

    /// <summary>A rule forbids the step now; <paramref name="rule"/> names it (e.g. "APL art. 58: legal review required").</summary>
    public static RpcException FailedPrecondition(string rule, string subject, string description) => new Status
    {
        Code = (int)Code.FailedPrecondition,
        Message = description,
        Details = { Any.Pack(new PreconditionFailure { Violations = { new PreconditionFailure.Types.Violation { Type = rule, Subject = subject, Description = description } } }) },
    }.ToRpcException();

    public static RpcException PermissionDenied(string message) =>
        new Status { Code = (int)Code.PermissionDenied, Message = message }.ToRpcException();

    public static RpcException NotFound(string message) =>
        new Status { Code = (int)Code.NotFound, Message = message }.ToRpcException();

    public static RpcException AlreadyExists(string message) =>
        new Status { Code = (int)Code.AlreadyExists, Message = message }.ToRpcException();
}
