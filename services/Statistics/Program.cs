using Longshan.Platform.Hosting;
using Longshan.Statistics.Agencies;

const string ServiceName = "statistics";

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddLongshanService(ServiceName);
builder.AddAgencies();

var app = builder.Build();
await app.UseLongshanServiceAsync(ServiceName, typeof(Program).Assembly);
app.MapDefaultEndpoints();
app.MapAgencies();
app.MapGet("/", () => "Longshan Statistics — gRPC: longshan.statistics.v1.StatisticsService").AllowAnonymous();

app.Run();

/// <summary>Entry point, visible to in-process tests.</summary>
public partial class Program;
