using System.Reflection;
using Longshan.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Longshan.UnitTests.Platform;

/// <summary>
/// SQL Server cannot run on the build machines, so every SQL Server script and statement is parsed with ScriptDom
/// (the real T-SQL grammar); every SQLite statement is compiled by SQLite against the migrated schema.
/// </summary>
public sealed class SqlDialectTests
{
    static readonly Assembly PlatformAssembly = typeof(Database).Assembly;

    static readonly Assembly[] Services =
    [
        typeof(Longshan.Publicity.Agencies.AgencyStore).Assembly,
        typeof(Longshan.RecordingArchive.Agencies.AgencyRegisteredConsumer).Assembly,
        typeof(Longshan.LegalReview.Agencies.AgencyRegisteredConsumer).Assembly,
        typeof(Longshan.Statistics.Agencies.AgencyKindCountStore).Assembly,
    ];

    public static readonly TheoryData<string> ServiceAssemblies = new(Services.Select(a => a.GetName().Name!));

    static Assembly Load(string name) => Assembly.Load(name);

    /// <summary>Every <c>static SqlStatement</c> field declared anywhere in the assembly, public or not.</summary>
    static IEnumerable<(string Name, SqlStatement Statement)> Statements(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType == typeof(SqlStatement))
            .Select(f => ($"{f.DeclaringType!.Name}.{f.Name}", (SqlStatement)f.GetValue(null)!));

    static void AssertParsesAsTSql(string name, string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.True(errors.Count == 0, $"{name}: " + string.Join("; ", errors.Select(e => $"line {e.Line} col {e.Column}: {e.Message}")));
    }

    [Theory]
    [MemberData(nameof(ServiceAssemblies))]
    public void Every_sql_server_statement_and_script_parses(string assemblyName)
    {
        var assembly = Load(assemblyName);
        var checkedCount = 0;
        foreach (var (name, statement) in Statements(assembly).Concat(Statements(PlatformAssembly)).Where(s => s.Statement.SqlServer.Length > 0))
        {
            AssertParsesAsTSql(name, statement.SqlServer);
            checkedCount++;
        }
        foreach (var script in Migrator.Scripts(assembly, SqlDialect.SqlServer).Concat(Migrator.Scripts(PlatformAssembly, SqlDialect.SqlServer)))
        {
            AssertParsesAsTSql(script.Name, script.Sql);
            checkedCount++;
        }
        Assert.True(checkedCount >= 8, $"only {checkedCount} statements found: is the reflection still finding them?");
    }

    [Theory]
    [MemberData(nameof(ServiceAssemblies))]
    public void Every_sqlite_statement_compiles_against_the_migrated_schema(string assemblyName)
    {
        var assembly = Load(assemblyName);
        using var db = new TestDatabase(assembly);
        using var connection = new SqliteConnection($"Data Source={db.Path}");
        connection.Open();
        foreach (var (name, statement) in Statements(assembly).Concat(Statements(PlatformAssembly)).Where(s => s.Statement.Sqlite.Length > 0))
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement.Sqlite;
            var error = Record.Exception(command.Prepare);
            Assert.True(error is null, $"{name}: {error?.Message}");
        }
    }

    [Fact]
    public void Both_dialects_have_the_same_migration_versions()
    {
        foreach (var assembly in Services.Append(PlatformAssembly))
            Assert.Equal(
                Migrator.Scripts(assembly, SqlDialect.Sqlite).Select(s => s.Name),
                Migrator.Scripts(assembly, SqlDialect.SqlServer).Select(s => s.Name));
    }

    [Fact]
    public void The_parser_rejects_sqlite_only_syntax() // guards the guard: ScriptDom really checks the dialect
    {
        new TSql160Parser(true).Parse(new StringReader("SELECT sequence FROM outbox_messages ORDER BY sequence LIMIT 5"), out var errors);
        Assert.NotEmpty(errors);
    }
}
