using Google.Rpc;

namespace Longshan.Platform.Grpc;

/// <summary>Collects every problem of a request before anything is written, then fails with all of them at once.</summary>
public sealed class FieldViolations
{
    readonly List<BadRequest.Types.FieldViolation> violations = [];

    public FieldViolations Add(string field, string description)
    {
        violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return this;
    }

    public FieldViolations Required(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? Add(field, "必填 / required") : this;

    public FieldViolations MaxLength(string field, string? value, int max) =>
        value is not null && value.Length > max ? Add(field, $"长度不得超过 {max} / at most {max} characters") : this;

    /// <summary>The one check of a create/submit RPC's <c>request_id</c> (<see cref="RequestLog.Validate"/>).</summary>
    public FieldViolations RequestId(string? requestId) => RequestLog.Validate(this, requestId);

    public bool IsEmpty => violations.Count == 0;

    /// <summary>"field: description" lines, for showing the problems on a page.</summary>
    public IReadOnlyList<string> Descriptions => violations.Select(v => $"{v.Field}: {v.Description}").ToList();

    public void ThrowIfAny()
    {
        if (!IsEmpty) throw RpcErrors.InvalidArgument(violations);
    }
}
