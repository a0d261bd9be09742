using Longshan.Platform.Hosting;
using Longshan.RecordingArchive.Agencies;
using Longshan.RecordingArchive.Cases;
using Longshan.RecordingArchive.EvidenceFiles;
using Longshan.RecordingArchive.Officers;
using Longshan.RecordingArchive.Retrievals;

const string ServiceName = "archive";

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddLongshanService(ServiceName);
builder.AddAgencies();
builder.AddOfficers();
builder.AddEvidence();
builder.AddCases();
builder.AddRetrievals();

var app = builder.Build();
await app.UseLongshanServiceAsync(ServiceName, typeof(Program).Assembly);
app.MapDefaultEndpoints();
app.MapAgencies();
app.MapEvidence();
app.MapCases();
app.MapRetrievals();
app.MapGet("/", () => "Longshan RecordingArchive — gRPC: longshan.archive.v1.ArchiveService, EvidenceService, CaseService, RetrievalService").AllowAnonymous();

app.Run();

/// <summary>Entry point, visible to in-process tests.</summary>
public partial class Program;
