using Dapper;
using Longshan.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Longshan.UnitTests.Platform;

/// <summary>
/// Replicas that start at once on one database: their migrations run one after another (SQLite: the write transaction,
/// BEGIN IMMEDIATE, excludes every other writer; SQL Server: sp_getapplock), so a second replica waits, sees what the
/// first applied, and starts instead of crashing.
/// </summary>
public sealed class ConcurrentMigrationTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("longshan-migrate-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Replicas_migrating_one_database_at_once_each_apply_every_script_once_between_them()
    {
        var file = Path.Combine(folder, "service.db");
        // Each replica reaches the file through its own link: as separate processes would, they share no in-process lock.
        var replicas = Enumerable.Range(0, 4).Select(i =>
        {
            var link = Path.Combine(folder, $"replica-{i}.db");
            File.CreateSymbolicLink(link, file);
            return new Database(new DatabaseOptions { Provider = SqlDialect.Sqlite, ConnectionString = $"Data Source={link}" });
        }).ToList();
        await File.WriteAllBytesAsync(file, []);

        await Task.WhenAll(replicas.Select(db => Task.Run(() =>
            new Migrator(db, NullLogger<Migrator>.Instance).ApplyAsync("platform", typeof(Database).Assembly, TimeProvider.System))));

        await using var connection = new SqliteConnection($"Data Source={file}");
        var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_versions WHERE module = 'platform' ORDER BY version")).ToList();
        Assert.Equal(Migrator.Scripts(typeof(Database).Assembly, SqlDialect.Sqlite).Select(s => s.Version), versions);
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
    }
}
