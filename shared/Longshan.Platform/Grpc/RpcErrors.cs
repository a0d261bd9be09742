using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Rules;
using Status = Google.Rpc.Status;

namespace Longshan.Platform.Grpc;

/// <summary>
/// The platform's error vocabulary as rich gRPC statuses (google.rpc.Status with details), so callers get the
/// field or the rule that failed, not just a message. A refusal names its rule from <see cref="RuleCatalog"/> in
/// <c>PreconditionFailure.violations[].type</c>.
/// </summary>
public static class RpcErrors
{
    /// <summary>At most this many field violations travel in one status; the rest are counted in one more entry.</summary>
    public const int MaxViolations = 20;

    const int MaxDescription = 200;

    /// <summary>
    /// Bad input, with the fields that are wrong. The status stays small whatever the request: a status of tens of KB
    /// overflows HTTP/2 header limits, and the client then waits out its deadline instead of hearing the answer.
    /// </summary>
    public static RpcException InvalidArgument(IEnumerable<BadRequest.Types.FieldViolation> violations)
    {
        var all = violations.ToList();
        var shown = all.Take(MaxViolations).Select(v => new BadRequest.Types.FieldViolation { Field = Cut(v.Field), Description = Cut(v.Description) }).ToList();
        if (all.Count > MaxViolations)
            shown.Add(new BadRequest.Types.FieldViolation { Field = "", Description = $"另有 {all.Count - MaxViolations} 处错误未列出 / and {all.Count - MaxViolations} more" });
        var summary = string.Join("; ", shown.Take(3).Select(v => $"{v.Field}: {v.Description}")) + (shown.Count > 3 ? $"; … ({all.Count} in all)" : "");
        return new Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "请求参数有误 / invalid request: " + summary,
            Details = { Any.Pack(new BadRequest { FieldViolations = { shown } }) },
        }.ToRpcException();
    }

    static string Cut(string text) => text.Length <= MaxDescription ? text : text[..MaxDescription] + "…";

    /// <summary>A rule forbids the step now; <paramref name="subject"/> names what it is about.</summary>
    public static RpcException FailedPrecondition(Rule rule, string subject, string? description = null) =>
        Refusal(Code.FailedPrecondition, rule, subject, description);

    /// <summary>A concurrent change won the race; the caller may read again and retry.</summary>
    public static RpcException Aborted(string subject, string? description = null) =>
        Refusal(Code.Aborted, RuleCatalog.ConcurrentChange, subject, description);

    static RpcException Refusal(Code code, Rule rule, string subject, string? description)
    {
        var text = description ?? rule.Description;
        return new Status
        {
            Code = (int)code,
            Message = $"{text} [{rule.Id}]",
            Details = { Any.Pack(new PreconditionFailure { Violations = { new PreconditionFailure.Types.Violation { Type = rule.Id, Subject = subject, Description = text } } }) },
        }.ToRpcException();
    }

    public static RpcException PermissionDenied(string message) =>
        new Status { Code = (int)Code.PermissionDenied, Message = message }.ToRpcException();

    public static RpcException NotFound(string message) =>
        new Status { Code = (int)Code.NotFound, Message = message }.ToRpcException();

    public static RpcException AlreadyExists(string message) =>
        new Status { Code = (int)Code.AlreadyExists, Message = message }.ToRpcException();
}
