using Microsoft.Data.Sqlite;

namespace Longshan.Testing;

/// <summary>
/// "The database is down" on SQLite: another connection holds the file's write lock (<c>BEGIN EXCLUSIVE</c>), so every
/// write of the service waits out its busy timeout and fails with SQLITE_BUSY until the outage is disposed; reads go on
/// (WAL), so the test can look. Disposing rolls the holder back and the service's writes succeed again.
/// </summary>
public sealed class DatabaseOutage : IAsyncDisposable
{
    readonly SqliteConnection connection;

    DatabaseOutage(SqliteConnection connection) => this.connection = connection;

    public static async Task<DatabaseOutage> StartAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=60");
        await connection.OpenAsync();
        await using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();
        }
        return new DatabaseOutage(connection);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var rollback = connection.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }
        await connection.DisposeAsync();
    }
}
