using System.Data.Common;
using Dapper;
using Google.Protobuf;
using Longshan.Platform.Data;
using Longshan.Platform.Identity;

namespace Longshan.Platform.Grpc;

/// <summary>
/// Makes create/submit RPCs safe to retry: the first response is stored under the caller's agency, the RPC name
/// and the client's <c>request_id</c>, in the write's transaction; a repeat gets that response back.
/// Look up inside the write transaction: agency systems retry on timeouts, so the retry may arrive while the first
/// call is still running, and only the transaction (SQLite: BEGIN IMMEDIATE; SQL Server: key-range lock) makes the
/// retry wait for the first call's commit and then find its response.
/// </summary>
public sealed class RequestLog(Database database, TimeProvider time)
{
    static readonly SqlStatement Find = new(
        "SELECT response FROM request_log WHERE agency_code = @agencyCode AND rpc = @rpc AND request_id = @requestId",
        "SELECT response FROM dbo.request_log WITH (UPDLOCK, HOLDLOCK) WHERE agency_code = @agencyCode AND rpc = @rpc AND request_id = @requestId");

    static readonly SqlStatement Insert = SqlStatement.Portable(
        "INSERT INTO request_log (agency_code, rpc, request_id, response, created_at) VALUES (@agencyCode, @rpc, @requestId, @response, @createdAt)");

    public async Task<T?> FindAsync<T>(DbTransaction transaction, Caller caller, string rpc, string requestId, MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var bytes = await transaction.Connection!.QuerySingleOrDefaultAsync<byte[]>(database.Sql(Find),
            new { agencyCode = caller.AgencyCode, rpc, requestId }, transaction);
        return bytes is null ? null : parser.ParseFrom(bytes);
    }

    public Task SaveAsync(DbTransaction transaction, Caller caller, string rpc, string requestId, IMessage response) =>
        transaction.Connection!.ExecuteAsync(database.Sql(Insert),
            new { agencyCode = caller.AgencyCode, rpc, requestId, response = response.ToByteArray(), createdAt = time.GetUtcNow() }, transaction);
}
