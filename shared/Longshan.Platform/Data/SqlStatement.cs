namespace Longshan.Platform.Data;

public enum SqlDialect { Sqlite, SqlServer }

/// <summary>
/// One SQL statement in both dialects. Declare statements as <c>static readonly SqlStatement</c> fields
/// next to the code that runs them: a test finds every such field and parses its SQL Server text with ScriptDom.
/// </summary>
public sealed record SqlStatement(string Sqlite, string SqlServer)
{
    /// <summary>A statement whose text is valid in both dialects.</summary>
    public static SqlStatement Portable(string sql) => new(sql, sql);

    public string For(SqlDialect dialect) => dialect == SqlDialect.Sqlite ? Sqlite : SqlServer;
}
