using System.Data.Common;
using Dapper;

namespace Longshan.Platform.Data;

/// <summary>
/// One unit of work on the service's database: the connection, the transaction (none for a plain read), the dialect
/// and the call's cancellation token. Stores take a session and run their <see cref="SqlStatement"/>s through it, so
/// no store opens a connection, picks a dialect or forgets the token. A write session may carry several requests,
/// each in its own savepoint (<see cref="InSavepointAsync{T}"/>), committed together.
/// </summary>
public sealed class DbSession : IAsyncDisposable
{
    readonly bool ownsConnection;
    SemaphoreSlim? release;

    internal DbSession(
        DbConnection connection, DbTransaction? transaction, SqlDialect dialect, SemaphoreSlim? release, CancellationToken cancellationToken,
        bool ownsConnection = true)
    {
        this.release = release;
        this.ownsConnection = ownsConnection;
        Connection = connection;
        Transaction = transaction;
        Dialect = dialect;
        CancellationToken = cancellationToken;
    }

    public DbConnection Connection { get; }

    public DbTransaction? Transaction { get; }

    public SqlDialect Dialect { get; }

    public CancellationToken CancellationToken { get; }

    public bool IsWrite => Transaction is not null;

    public string Sql(SqlStatement statement) => statement.For(Dialect);

    CommandDefinition Command(SqlStatement statement, object? parameters) =>
        new(Sql(statement), parameters, Transaction, cancellationToken: CancellationToken);

    public Task<int> ExecuteAsync(SqlStatement statement, object? parameters = null) =>
        Connection.ExecuteAsync(Command(statement, parameters));

    public Task<IEnumerable<T>> QueryAsync<T>(SqlStatement statement, object? parameters = null) =>
        Connection.QueryAsync<T>(Command(statement, parameters));

    public async Task<IReadOnlyList<T>> ListAsync<T>(SqlStatement statement, object? parameters = null) =>
        (await Connection.QueryAsync<T>(Command(statement, parameters))).AsList();

    public Task<T?> SingleOrDefaultAsync<T>(SqlStatement statement, object? parameters = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(Command(statement, parameters));

    public Task<T?> FirstOrDefaultAsync<T>(SqlStatement statement, object? parameters = null) =>
        Connection.QueryFirstOrDefaultAsync<T>(Command(statement, parameters));

    public Task<T?> ScalarAsync<T>(SqlStatement statement, object? parameters = null) =>
        Connection.ExecuteScalarAsync<T>(Command(statement, parameters));

    /// <summary>
    /// The savepoint of one request in a group. One name, so that the write queue's kept connection compiles these once;
    /// savepoints nest by name in both dialects (the innermost of that name is the one rolled back or released).
    /// </summary>
    static readonly SqlStatement Save = new("SAVEPOINT request", "SAVE TRANSACTION request");

    static readonly SqlStatement RollbackToSave = new("ROLLBACK TO request", "ROLLBACK TRANSACTION request");

    /// <summary>SQLite only (no SQL Server text): SQL Server has no RELEASE SAVEPOINT (its savepoints end with the transaction).</summary>
    static readonly SqlStatement ReleaseSave = new("RELEASE request", "");

    /// <summary>
    /// Runs <paramref name="work"/> inside a savepoint of this write session: when it throws, only its own changes are
    /// rolled back and the exception propagates; the session's other work stays and can still be committed.
    /// </summary>
    public async Task<T> InSavepointAsync<T>(Func<Task<T>> work)
    {
        if (!IsWrite) throw new InvalidOperationException("A savepoint needs a write session.");
        await ExecuteAsync(Save);
        try
        {
            var result = await work();
            if (Dialect == SqlDialect.Sqlite) await ExecuteAsync(ReleaseSave);
            return result;
        }
        catch
        {
            await ExecuteUncancelledAsync(RollbackToSave);
            if (Dialect == SqlDialect.Sqlite) await ExecuteUncancelledAsync(ReleaseSave);
            throw;
        }
    }

    /// <summary>Undoing a failed request must not stop halfway because its caller gave up.</summary>
    Task<int> ExecuteUncancelledAsync(SqlStatement statement) =>
        Connection.ExecuteAsync(new CommandDefinition(Sql(statement), transaction: Transaction, cancellationToken: CancellationToken.None));

    public Task CommitAsync() =>
        (Transaction ?? throw new InvalidOperationException("A read session has nothing to commit.")).CommitAsync(CancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Transaction is not null) await Transaction.DisposeAsync();
            if (ownsConnection) await Connection.DisposeAsync();
        }
        finally
        {
            Interlocked.Exchange(ref release, null)?.Release();
        }
    }
}
