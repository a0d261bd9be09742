using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Longshan.Platform.Data;

/// <summary>
/// Applies versioned SQL scripts at start-up. A module's scripts are embedded resources named
/// <c>migrations/&lt;sqlite|sqlserver&gt;/NNNN_description.sql</c>; each runs once, in its own transaction, and is
/// recorded in <c>schema_versions</c> (module, version). The platform's own tables (outbox, inbox, audit, request log)
/// are module <c>platform</c>; each service's tables are the service's module.
/// </summary>
public sealed class Migrator(Database database, ILogger<Migrator> logger)
{
    static readonly SqlStatement CreateVersionTable = new(
        """
        CREATE TABLE IF NOT EXISTS schema_versions (
            module TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL,
            PRIMARY KEY (module, version))
        """,
        """
        IF OBJECT_ID(N'dbo.schema_versions', N'U') IS NULL
        CREATE TABLE dbo.schema_versions (
            module NVARCHAR(100) NOT NULL, version INT NOT NULL, name NVARCHAR(200) NOT NULL, applied_at DATETIMEOFFSET NOT NULL,
            CONSTRAINT pk_schema_versions PRIMARY KEY (module, version))
        """);

    static readonly SqlStatement SelectApplied = SqlStatement.Portable("SELECT version FROM schema_versions WHERE module = @module");

    static readonly SqlStatement InsertApplied = SqlStatement.Portable(
        "INSERT INTO schema_versions (module, version, name, applied_at) VALUES (@module, @version, @name, @appliedAt)");

    static readonly SqlStatement EnableWal = new("PRAGMA journal_mode=WAL", "SELECT 1");

    /// <summary>
    /// Serialises migrations across instances that start at once: SQL Server holds an application lock for the
    /// transaction; SQLite's write transaction (BEGIN IMMEDIATE) already excludes every other writer.
    /// </summary>
    static readonly SqlStatement Lock = new(
        "SELECT 0",
        "DECLARE @result INT; EXEC @result = sp_getapplock @Resource = N'longshan-migrations', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 120000; SELECT @result;");

    public async Task ApplyAsync(string module, Assembly scripts, TimeProvider time, CancellationToken cancellationToken = default)
    {
        if (database.Dialect == SqlDialect.Sqlite)
        {
            await using var read = await database.ReadAsync(cancellationToken);
            await read.ExecuteAsync(EnableWal);
        }

        foreach (var script in Scripts(scripts, database.Dialect))
        {
            // One transaction per script: lock, see whether another instance applied it meanwhile, apply, record.
            await using var session = await database.WriteAsync(cancellationToken);
            if (await session.ScalarAsync<int>(Lock) < 0) throw new InvalidOperationException("Timed out waiting for another instance's migrations.");
            await session.ExecuteAsync(CreateVersionTable);
            var applied = await session.ListAsync<int>(SelectApplied, new { module });
            if (applied.Contains(script.Version)) continue;
            await session.ExecuteAsync(new SqlStatement(script.Sql, script.Sql));
            await session.ExecuteAsync(InsertApplied, new { module, version = script.Version, name = script.Name, appliedAt = time.GetUtcNow() });
            await session.CommitAsync();
            logger.LogInformation("Applied migration {Module} {Version} {Name}", module, script.Version, script.Name);
        }
    }

    public sealed record Script(int Version, string Name, string Sql);

    /// <summary>The scripts of one dialect in an assembly, in version order.</summary>
    public static IReadOnlyList<Script> Scripts(Assembly assembly, SqlDialect dialect)
    {
        var prefix = $"migrations/{(dialect == SqlDialect.Sqlite ? "sqlite" : "sqlserver")}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => ToScript(assembly, n, n[prefix.Length..^4]))
            .OrderBy(s => s.Version)
            .ToList();
    }

    static Script ToScript(Assembly assembly, string resource, string name)
    {
        var underscore = name.IndexOf('_');
        if (underscore <= 0 || !int.TryParse(name[..underscore], out var version))
            throw new InvalidOperationException($"Migration '{resource}' must be named NNNN_description.sql.");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return new Script(version, name, reader.ReadToEnd());
    }
}
