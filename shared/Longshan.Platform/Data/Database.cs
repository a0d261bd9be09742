using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Longshan.Platform.Data;

/// <summary>Opens sessions on the service's own database, SQLite (embedded default) or SQL Server.</summary>
public sealed class Database(DatabaseOptions options)
{
    public SqlDialect Dialect => options.Provider;

    public string Sql(SqlStatement statement) => statement.For(Dialect);

    /// <summary>A read session: a connection without a transaction.</summary>
    public async Task<DbSession> ReadAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        return new DbSession(connection, null, Dialect, cancellationToken);
    }

    /// <summary>
    /// A write session: a connection with a write transaction. On SQLite it is <c>BEGIN IMMEDIATE</c>
    /// (Microsoft.Data.Sqlite's default), so the write lock is taken at the start, not on a later upgrade.
    /// </summary>
    public async Task<DbSession> WriteAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new DbSession(connection, transaction, Dialect, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = Dialect == SqlDialect.Sqlite
            ? new SqliteConnection(options.ConnectionString)
            : new SqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
