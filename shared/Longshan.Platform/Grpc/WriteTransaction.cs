using Google.Protobuf;
using Grpc.Core;
using Longshan.Contracts.Events;
using Longshan.Platform.Data;
using Longshan.Platform.Identity;
using Longshan.Platform.Messaging;

namespace Longshan.Platform.Grpc;

/// <summary>What a write changed: the response for the caller, the audited target and the events it caused.</summary>
public sealed record WriteResult<TResponse>(TResponse Response, string Target, params IntegrationEvent[] Events);

/// <summary>
/// Runs one gRPC write the platform's way, atomically (its own savepoint in a group commit, see <see cref="WriteQueue"/>):
/// the <c>request_id</c> is checked; a repeat of the same request gets the first response; otherwise the change runs,
/// its events go to the outbox, the caller and target to the audit log and the response to the request log. The caller
/// is answered after the commit, and the outbox dispatcher is woken. An exception anywhere rolls the write back.
/// </summary>
public sealed class WriteTransaction(WriteQueue writes, RequestLog requests, AuditLog audit, OutboxWriter outbox)
{
    /// <summary>
    /// The usual entry: the caller comes from the call's token, the RPC name from its method, the request_id from the
    /// request's <c>request_id</c> field.
    /// </summary>
    public Task<TResponse> RunAsync<TResponse>(
        ServerCallContext context, IMessage request, MessageParser<TResponse> parser, Func<DbSession, Task<WriteResult<TResponse>>> change)
        where TResponse : class, IMessage<TResponse> =>
        RunAsync(Caller.From(context), RpcNames.ShortName(context.Method), request, parser, change, context.CancellationToken);

    public async Task<TResponse> RunAsync<TResponse>(
        Caller caller, string rpc, IMessage request, MessageParser<TResponse> parser,
        Func<DbSession, Task<WriteResult<TResponse>>> change, CancellationToken cancellationToken)
        where TResponse : class, IMessage<TResponse>
    {
        var requestId = RequestIdOf(request);
        RequestLog.Validate(new FieldViolations(), requestId).ThrowIfAny();
        var key = RequestKey.Of(caller, rpc, requestId);
        var hash = RequestLog.Hash(request);

        var (response, raised) = await writes.RunAsync(async session =>
        {
            if (await requests.FindAsync(session, key, hash, parser) is { } earlier) return (earlier, false);
            var result = await change(session);
            foreach (var @event in result.Events) await outbox.AddAsync(session, @event);
            await audit.RecordAsync(session, caller, rpc, result.Target);
            await requests.SaveAsync(session, key, hash, result.Response);
            return (result.Response, result.Events.Length > 0);
        }, cancellationToken);
        if (raised) outbox.Wake();
        return response;
    }

    static string RequestIdOf(IMessage request) =>
        request.Descriptor.FindFieldByName("request_id")?.Accessor.GetValue(request) as string
        ?? throw new InvalidOperationException($"{request.Descriptor.FullName} has no request_id field; every create/submit RPC takes one.");
}
