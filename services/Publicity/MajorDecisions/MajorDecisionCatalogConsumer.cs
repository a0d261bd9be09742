using Longshan.Contracts.Events.LegalReview;
using Longshan.Platform.Data;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Messaging;

namespace Longshan.Publicity.MajorDecisions;

/// <summary>
/// Keeps the major-decision catalog in force (T12) for the portal, from LegalReview's MajorDecisionCatalogPublished
/// (registered as <c>major-decision-catalog-published</c>; idempotent through the inbox; highest version per scope wins).
/// </summary>
public sealed class MajorDecisionCatalogConsumer(Inbox inbox, MajorDecisionCatalogStore catalogs, ILogger<MajorDecisionCatalogConsumer> logger)
    : InboxConsumer<MajorDecisionCatalogPublished>(inbox)
{
    protected override async Task ApplyAsync(MajorDecisionCatalogPublished @event, DbSession session)
    {
        var agencyCode = UnifiedSocialCreditCode.Normalize(@event.AgencyCode);
        string? scopeKey = @event.Scope switch
        {
            "county" => MajorDecisionCatalogStore.County,
            "agency" when UnifiedSocialCreditCode.IsValid(agencyCode) => agencyCode,
            _ => null,
        };
        if (scopeKey is null || @event.Version < 1)
        {
            logger.LogWarning("MajorDecisionCatalogPublished {EventId} has scope {Scope}, agency {AgencyCode}, version {Version}; ignored",
                @event.EventId, @event.Scope, @event.AgencyCode, @event.Version);
            return;
        }

        await catalogs.SaveAsync(session, scopeKey, @event with { AgencyCode = agencyCode }, Time.GetUtcNow());
        logger.LogInformation("Major-decision catalog {Scope} v{Version} received", scopeKey, @event.Version);
    }
}
