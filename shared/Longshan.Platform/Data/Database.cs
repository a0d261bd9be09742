using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Longshan.Platform.Data;

/// <summary>Opens connections to the service's own database, SQLite (embedded default) or SQL Server.</summary>
public sealed class Database(DatabaseOptions options)
{
    public SqlDialect Dialect => options.Provider;

    public string Sql(SqlStatement statement) => statement.For(Dialect);

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Dialect == SqlDialect.Sqlite
            ? new SqliteConnection(options.ConnectionString)
            : new SqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// A write transaction. On SQLite it is <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), so two writers
    /// queue on the busy timeout instead of failing when a read lock is upgraded.
    /// </summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
        await connection.BeginTransactionAsync(cancellationToken);
}
