namespace Longshan.LegalReview.Catalog;

/// <summary>重大执法决定目录清单 — the major-decision catalog and ClassifyDecision (T12).</summary>
public static class CatalogFeature
{
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CatalogStore>();
        return builder;
    }

    public static WebApplication MapCatalog(this WebApplication app)
    {
        app.MapGrpcService<CatalogEndpoint>();
        return app;
    }
}
