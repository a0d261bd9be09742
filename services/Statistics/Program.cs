using Longshan.Platform.Hosting;
using Longshan.Statistics.Agencies;
using Longshan.Statistics.Feed;
using Longshan.Statistics.Journal;

const string ServiceName = "statistics";

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddLongshanService(ServiceName);
builder.AddAgencies();
builder.AddJournal();
builder.AddFeed();

var app = builder.Build();
await app.UseLongshanServiceAsync(ServiceName, typeof(Program).Assembly);
app.MapDefaultEndpoints();
app.MapAgencies();
app.MapFeed();
app.MapGet("/", () => "Longshan Statistics — gRPC: longshan.statistics.v1.StatisticsService, longshan.statistics.v1.EventFeed").AllowAnonymous();

app.Run();

/// <summary>Entry point, visible to in-process tests.</summary>
public partial class Program;
