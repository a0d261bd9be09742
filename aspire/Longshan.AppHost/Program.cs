using Longshan.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

var dataFolder = Path.GetFullPath(builder.Configuration["Longshan:DataDirectory"]
    ?? Path.Combine(builder.AppHostDirectory, "..", "..", ".data"));
Directory.CreateDirectory(dataFolder);

var broker = builder.AddBroker(dataFolder);

// Without a configured identity provider the services accept tokens of the development issuer
// (mint one with tools/Longshan.DevToken). Production sets Identity:Issuer and Identity:SigningKey.
var identity = builder.Configuration.GetSection("Identity");
var useDevelopmentIssuer = string.IsNullOrEmpty(identity["SigningKey"]);

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
    else service
        .WithEnvironment("Identity__Issuer", identity["Issuer"])
        .WithEnvironment("Identity__Audience", identity["Audience"] ?? "longshan")
        .WithEnvironment("Identity__SigningKey", identity["SigningKey"]);
}
