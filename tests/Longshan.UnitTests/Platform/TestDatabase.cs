using System.Reflection;
using Longshan.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Longshan.UnitTests.Platform;

/// <summary>A real SQLite file in the temp folder with the platform's (and optionally a service's) migrations applied.</summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase(Assembly? serviceMigrations = null)
    {
        DapperTypeHandlers.Register();
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"longshan-unit-{Guid.NewGuid():N}.db");
        Database = new Database(new DatabaseOptions { Provider = SqlDialect.Sqlite, ConnectionString = $"Data Source={Path}" });
        var migrator = new Migrator(Database, NullLogger<Migrator>.Instance);
        migrator.ApplyAsync("platform", typeof(Database).Assembly, TimeProvider.System).GetAwaiter().GetResult();
        if (serviceMigrations is not null) migrator.ApplyAsync("service", serviceMigrations, TimeProvider.System).GetAwaiter().GetResult();
    }

    public string Path { get; }

    public Database Database { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Path + suffix);
    }
}
