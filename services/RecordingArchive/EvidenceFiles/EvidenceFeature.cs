using Longshan.Platform.Data;
using Longshan.RecordingArchive.Log;
using Microsoft.Data.Sqlite;

namespace Longshan.RecordingArchive.EvidenceFiles;

/// <summary>
/// Evidence files: the local folder store by default (<c>Evidence:StorageDirectory</c>; unset, a folder beside the
/// SQLite file, <c>&lt;database&gt;.evidence/</c>, or <c>.data/archive-evidence</c> on SQL Server).
/// </summary>
public static class EvidenceFeature
{
    public static WebApplicationBuilder AddEvidence(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ArchiveLog>();
        builder.Services.AddSingleton<EvidenceRecordStore>();
        builder.Services.AddSingleton<UploadGate>();
        builder.Services.AddSingleton<IEvidenceStore>(services => new LocalEvidenceStore(StorageDirectory(builder, services.GetRequiredService<Database>())));
        return builder;
    }

    public static WebApplication MapEvidence(this WebApplication app)
    {
        app.MapGrpcService<EvidenceEndpoint>();
        return app;
    }

    static string StorageDirectory(WebApplicationBuilder builder, Database database)
    {
        if (builder.Configuration["Evidence:StorageDirectory"] is { Length: > 0 } configured) return configured;
        var connectionString = builder.Configuration.GetConnectionString("archive-db");
        if (database.Dialect == SqlDialect.Sqlite && connectionString is not null)
        {
            var file = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
            return Path.ChangeExtension(file, ".evidence");
        }

        return Path.Combine(builder.Environment.ContentRootPath, ".data", "archive-evidence");
    }
}
