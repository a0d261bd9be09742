namespace Longshan.Platform.Data;

/// <summary>Configuration section <c>Database</c>; the connection string is <c>ConnectionStrings:&lt;service&gt;-db</c>.</summary>
public sealed class DatabaseOptions
{
    public SqlDialect Provider { get; set; } = SqlDialect.Sqlite;

    public string ConnectionString { get; set; } = "";
}
