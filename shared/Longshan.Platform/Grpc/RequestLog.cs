using System.Security.Cryptography;
using Google.Protobuf;
using Longshan.Contracts.Rules;
using Longshan.Platform.Data;
using Longshan.Platform.Identity;

namespace Longshan.Platform.Grpc;

/// <summary>
/// Makes create/submit RPCs safe to retry: the first response is stored under the caller (agency, person, roles), the
/// RPC and the client's <c>request_id</c>, with a hash of the request, in the write's transaction. A repeat of the
/// same request gets that response back; the same id with other content is refused (<c>request-id-reused</c>).
/// Look up inside the write transaction: agency systems retry on timeouts, so the retry may arrive while the first
/// call is still running, and only the transaction (SQLite: BEGIN IMMEDIATE; SQL Server: key-range lock) makes the
/// retry wait for the first call's commit and then find its response.
/// </summary>
public sealed class RequestLog(TimeProvider time)
{
    public const int MaxRequestIdLength = 100;

    static readonly SqlStatement Find = new(
        """
        SELECT request_hash AS RequestHash, response AS Response FROM request_log
        WHERE agency_code = @agencyCode AND caller = @caller AND rpc = @rpc AND request_id = @requestId
        """,
        """
        SELECT request_hash AS RequestHash, response AS Response FROM dbo.request_log WITH (UPDLOCK, HOLDLOCK)
        WHERE agency_code = @agencyCode AND caller = @caller AND rpc = @rpc AND request_id = @requestId
        """);

    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO request_log (agency_code, caller, rpc, request_id, request_hash, response, created_at)
        VALUES (@agencyCode, @caller, @rpc, @requestId, @requestHash, @response, @createdAt)
        """);

    /// <summary>The one check of a <c>request_id</c>: present, at most 100 characters, printable.</summary>
    public static FieldViolations Validate(FieldViolations violations, string? requestId)
    {
        violations.Required("request_id", requestId).MaxLength("request_id", requestId, MaxRequestIdLength);
        if (requestId is not null && requestId.Any(char.IsControl))
            violations.Add("request_id", "不得包含控制字符 / must not contain control characters");
        return violations;
    }

    /// <summary>The request's digest: SHA-256 of its protobuf encoding (request_id included, so it is the same id).</summary>
    public static byte[] Hash(IMessage request) => SHA256.HashData(request.ToByteArray());

    /// <summary>The earlier response to the same request; throws when the id was used for a different request.</summary>
    public async Task<T?> FindAsync<T>(DbSession session, RequestKey key, byte[] requestHash, MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var row = await session.SingleOrDefaultAsync<Row>(Find, key.Parameters());
        if (row is null) return null;
        if (row.RequestHash is null || !CryptographicOperations.FixedTimeEquals(row.RequestHash, requestHash))
            throw RpcErrors.FailedPrecondition(RuleCatalog.RequestIdReused, key.RequestId);
        return parser.ParseFrom(row.Response);
    }

    public Task SaveAsync(DbSession session, RequestKey key, byte[] requestHash, IMessage response) =>
        session.ExecuteAsync(Insert, new
        {
            agencyCode = key.AgencyCode, caller = key.Caller, rpc = key.Rpc, requestId = key.RequestId,
            requestHash, response = response.ToByteArray(), createdAt = time.GetUtcNow(),
        });

    sealed class Row
    {
        public byte[]? RequestHash { get; set; }
        public byte[] Response { get; set; } = [];
    }
}

/// <summary>
/// Whose request it was: the caller's agency, the person with the roles they acted in (<c>subject#role,role</c>: a
/// county-admin call and an agency's own call never share an answer), the RPC and the client's id.
/// </summary>
public sealed record RequestKey(string AgencyCode, string Caller, string Rpc, string RequestId)
{
    public static RequestKey Of(Caller caller, string rpc, string requestId) =>
        new(caller.AgencyCode, $"{caller.Subject}#{string.Join(',', caller.Roles.Order(StringComparer.Ordinal))}", rpc, requestId);

    internal object Parameters() => new { agencyCode = AgencyCode, caller = Caller, rpc = Rpc, requestId = RequestId };
}
