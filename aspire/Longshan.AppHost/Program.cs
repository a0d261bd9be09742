using Longshan.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

var dataFolder = Path.GetFullPath(builder.Configuration["Longshan:DataDirectory"]
    ?? Path.Combine(builder.AppHostDirectory, "..", "..", ".data"));
Directory.CreateDirectory(dataFolder);

var broker = builder.AddBroker(dataFolder);

// A local run (./run.sh, appsettings.json) turns the development issuer on explicitly (mint tokens with
// tools/Longshan.DevToken); a deployment turns it off and names the identity provider (Identity:Issuer and
// Identity:PublicKeyFile or Identity:Authority). Both at once is refused by every service at start-up.
var identity = builder.Configuration.GetSection("Identity");
var useDevelopmentIssuer = bool.TryParse(identity["UseDevelopmentIssuer"], out var developmentIssuerOn) && developmentIssuerOn;

AddService<Projects.Longshan_Publicity>("publicity");
AddService<Projects.Longshan_RecordingArchive>("archive");
AddService<Projects.Longshan_LegalReview>("legalreview");
AddService<Projects.Longshan_Statistics>("statistics");

builder.Build().Run();

void AddService<TProject>(string name) where TProject : IProjectMetadata, new()
{
    var service = builder.AddProject<TProject>(name, launchProfileName: null)
        .WithHttpEndpoint(name: "http", env: "HTTP_PORT")
        .WithHttpEndpoint(name: "grpc", env: "GRPC_PORT")
        .WithHttpHealthCheck("/health", endpointName: "http")
        .WithReference(builder.AddServiceDatabase(name, dataFolder))
        .WithReference(broker.Resource)
        .WithEnvironment("Database__Provider", builder.UseSqlServer() ? "SqlServer" : "Sqlite");

    // Each service's own broker user where the AppHost runs the node (it may publish only its own events).
    if (broker.ConnectionStringOf(name) is { } own) service.WithEnvironment("ConnectionStrings__rabbitmq", own);
    if (broker.WaitFor) service.WaitFor(broker.Resource);
    if (useDevelopmentIssuer) service.WithEnvironment("Identity__UseDevelopmentIssuer", "true");
    foreach (var setting in identity.GetChildren().Where(s => s.Key != "UseDevelopmentIssuer" && !string.IsNullOrEmpty(s.Value)))
        service.WithEnvironment($"Identity__{setting.Key}", setting.Value);
}
