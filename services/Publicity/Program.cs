using Longshan.Platform.Hosting;
using Longshan.Publicity.Agencies;
using Longshan.Publicity.Decisions;
using Longshan.Publicity.Inspections;
using Longshan.Publicity.MajorDecisions;
using Longshan.Publicity.Officers;
using Longshan.Publicity.Portal;
using Longshan.Publicity.PowerList;
using Longshan.Publicity.ServiceWindows;

const string ServiceName = "publicity";

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddLongshanService(ServiceName);
builder.AddAgencies();
builder.AddOfficers();
builder.AddPowerList();
builder.AddInspections();
builder.AddDecisions();
builder.AddMajorDecisions();
builder.AddServiceWindows();
builder.AddPortal();

var app = builder.Build();
await app.UseLongshanServiceAsync(ServiceName, typeof(Program).Assembly);
app.MapDefaultEndpoints();
app.MapAgencies();
app.MapOfficers();
app.MapPowerList();
app.MapInspections();
app.MapDecisions();
app.MapServiceWindows();
app.MapPortal();

app.Run();

/// <summary>Entry point, visible to in-process tests.</summary>
public partial class Program;
