using System.Data.Common;
using Google.Protobuf;
using Longshan.Contracts.Events;
using Longshan.Platform.Data;
using Longshan.Platform.Identity;
using Longshan.Platform.Messaging;

namespace Longshan.Platform.Grpc;

/// <summary>What a write changed: the response for the caller, the audited target and the events it caused.</summary>
public sealed record WriteResult<TResponse>(TResponse Response, string Target, params IntegrationEvent[] Events);

/// <summary>
/// Runs one gRPC write the platform's way, in one transaction: a repeated <c>request_id</c> gets the first response;
/// otherwise the change runs, its events go to the outbox, the caller and target to the audit log and the response to
/// the request log; after the commit the outbox dispatcher is woken. An exception anywhere rolls everything back.
/// </summary>
public sealed class WriteTransaction(Database database, RequestLog requests, AuditLog audit, OutboxWriter outbox)
{
    public async Task<TResponse> RunAsync<TResponse>(
        Caller caller, string rpc, string requestId, MessageParser<TResponse> parser,
        Func<DbTransaction, Task<WriteResult<TResponse>>> change, CancellationToken cancellationToken)
        where TResponse : class, IMessage<TResponse>
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        if (await requests.FindAsync(transaction, caller, rpc, requestId, parser) is { } earlier) return earlier;

        var result = await change(transaction);
        foreach (var @event in result.Events) await outbox.AddAsync(transaction, @event);
        await audit.RecordAsync(transaction, caller, rpc, result.Target);
        await requests.SaveAsync(transaction, caller, rpc, requestId, result.Response);
        await transaction.CommitAsync(cancellationToken);
        if (result.Events.Length > 0) outbox.Wake();
        return result.Response;
    }
}
