namespace Longshan.AppHost;

/// <summary>
/// Each service's own database. Embedded default: one SQLite file per service in the data folder, shown in the
/// dashboard as a resource. With Database:Provider=SqlServer the connection strings
/// ConnectionStrings:&lt;service&gt;-db come from configuration (an existing SQL Server).
/// </summary>
public static class Databases
{
    public static bool UseSqlServer(this IDistributedApplicationBuilder builder) =>
        string.Equals(builder.Configuration["Database:Provider"], "SqlServer", StringComparison.OrdinalIgnoreCase);

    public static IResourceBuilder<IResourceWithConnectionString> AddServiceDatabase(
        this IDistributedApplicationBuilder builder, string service, string dataFolder)
    {
        var name = $"{service}-db";
        if (builder.UseSqlServer()) return builder.AddConnectionString(name);

        var path = Path.Combine(dataFolder, $"{service}.db");
        var database = builder.AddResource(new SqliteDatabaseResource(name, path))
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "SQLite",
                State = KnownResourceStates.Running,
                Properties = [new ResourcePropertySnapshot("path", path)],
            });
        return builder.CreateResourceBuilder<IResourceWithConnectionString>(database.Resource);
    }
}

/// <summary>A SQLite file; the service creates and migrates it at start-up.</summary>
public sealed class SqliteDatabaseResource(string name, string path) : Resource(name), IResourceWithConnectionString
{
    public string DatabasePath { get; } = path;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"Data Source={DatabasePath}");
}
