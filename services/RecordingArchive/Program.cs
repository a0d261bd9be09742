using Longshan.Platform.Hosting;
using Longshan.RecordingArchive.Agencies;

const string ServiceName = "archive";

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddLongshanService(ServiceName);
builder.AddAgencies();

var app = builder.Build();
await app.UseLongshanServiceAsync(ServiceName, typeof(Program).Assembly);
app.MapDefaultEndpoints();
app.MapAgencies();
app.MapGet("/", () => "Longshan RecordingArchive — gRPC: longshan.archive.v1.ArchiveService").AllowAnonymous();

app.Run();

/// <summary>Entry point, visible to in-process tests.</summary>
public partial class Program;
