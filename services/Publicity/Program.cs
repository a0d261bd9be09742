using Longshan.Platform.Hosting;
using Longshan.Publicity.Agencies;

const string ServiceName = "publicity";

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddLongshanService(ServiceName);
builder.Services.AddSingleton<AgencyStore>();

var app = builder.Build();
await app.UseLongshanServiceAsync(ServiceName, typeof(Program).Assembly);
app.MapDefaultEndpoints();
app.MapGrpcService<AgencyEndpoint>();
app.MapGet("/", () => "Longshan Publicity — gRPC: longshan.publicity.v1.AgencyService");

app.Run();

/// <summary>Entry point, visible to in-process tests.</summary>
public partial class Program;
