using Longshan.Platform.Messaging;

namespace Longshan.Publicity.MajorDecisions;

/// <summary>
/// 重大执法决定目录清单 — the major-decision catalog in force (T12), learned from LegalReview and shown on each agency's
/// portal page. Publicity only shows it; LegalReview classifies decisions by it.
/// </summary>
public static class MajorDecisionsFeature
{
    public static WebApplicationBuilder AddMajorDecisions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MajorDecisionCatalogStore>();
        builder.AddConsumer<MajorDecisionCatalogConsumer>("major-decision-catalog-published");
        return builder;
    }
}
