using Longshan.LegalReview.Agencies;
using Longshan.LegalReview.Catalog;
using Longshan.LegalReview.Discretion;
using Longshan.LegalReview.Reviews;
using Longshan.LegalReview.Staffing;
using Longshan.Platform.Hosting;

const string ServiceName = "legalreview";

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddLongshanService(ServiceName);
builder.AddAgencies();
builder.AddReviews();
builder.AddCatalog();
builder.AddDiscretion();
builder.AddStaffing();

var app = builder.Build();
await app.UseLongshanServiceAsync(ServiceName, typeof(Program).Assembly);
app.MapDefaultEndpoints();
app.MapAgencies();
app.MapReviews();
app.MapCatalog();
app.MapDiscretion();
app.MapGet("/", () => "Longshan LegalReview — gRPC: longshan.legalreview.v1 (ReviewService, ReviewerRosterService, CatalogService, DiscretionService, LegalReviewService)").AllowAnonymous();

app.Run();

/// <summary>Entry point, visible to in-process tests.</summary>
public partial class Program;
