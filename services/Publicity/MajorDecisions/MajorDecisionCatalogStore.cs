using System.Text.Json;
using Longshan.Contracts.Events.LegalReview;
using Longshan.Platform.Data;

namespace Longshan.Publicity.MajorDecisions;

/// <summary>
/// <c>major_decision_catalogs</c>: the major-decision catalog (重大执法决定目录清单, T12) in force as Publicity learned it
/// from LegalReview's MajorDecisionCatalogPublished — one row per scope (<see cref="County"/>, or an agency's credit code
/// for its extension), holding the highest version received. A lower or equal version arriving later (out of order,
/// redelivered) changes nothing, so the order of arrival does not matter.
/// </summary>
public sealed class MajorDecisionCatalogStore
{
    public const string County = "county";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    static readonly SqlStatement Upsert = new(
        """
        INSERT INTO major_decision_catalogs (scope_key, publisher_code, version, reason, items, published_at, received_at)
        VALUES (@scopeKey, @publisherCode, @version, @reason, @items, @publishedAt, @receivedAt)
        ON CONFLICT (scope_key) DO UPDATE SET publisher_code = excluded.publisher_code, version = excluded.version,
            reason = excluded.reason, items = excluded.items, published_at = excluded.published_at, received_at = excluded.received_at
        WHERE excluded.version > major_decision_catalogs.version
        """,
        """
        MERGE dbo.major_decision_catalogs WITH (HOLDLOCK) AS target
        USING (SELECT @scopeKey AS scope_key) AS source ON target.scope_key = source.scope_key
        WHEN MATCHED AND @version > target.version THEN
            UPDATE SET publisher_code = @publisherCode, version = @version, reason = @reason, items = @items,
                published_at = @publishedAt, received_at = @receivedAt
        WHEN NOT MATCHED THEN
            INSERT (scope_key, publisher_code, version, reason, items, published_at, received_at)
            VALUES (@scopeKey, @publisherCode, @version, @reason, @items, @publishedAt, @receivedAt);
        """);

    static readonly SqlStatement SelectScopes = SqlStatement.Portable(
        """
        SELECT scope_key AS ScopeKey, version AS Version, reason AS Reason, items AS Items, published_at AS PublishedAt
        FROM major_decision_catalogs WHERE scope_key IN (@county, @agencyCode)
        """);

    /// <summary>Keeps <paramref name="catalog"/> when it is newer than the version held for its scope.</summary>
    public Task SaveAsync(DbSession session, string scopeKey, MajorDecisionCatalogPublished catalog, DateTimeOffset receivedAt) =>
        session.ExecuteAsync(Upsert, new
        {
            scopeKey,
            publisherCode = catalog.AgencyCode,
            version = catalog.Version,
            reason = catalog.Reason,
            items = JsonSerializer.Serialize(catalog.Items, Json),
            publishedAt = catalog.OccurredAt,
            receivedAt,
        });

    /// <summary>The county base and <paramref name="agencyCode"/>'s extension as held (each null when none was received).</summary>
    public async Task<(PublishedCatalog? County, PublishedCatalog? Extension)> InForceAsync(DbSession session, string agencyCode)
    {
        var rows = await session.ListAsync<Row>(SelectScopes, new { county = County, agencyCode });
        PublishedCatalog? Of(string scope) => rows.SingleOrDefault(r => r.ScopeKey == scope) is { } row
            ? new PublishedCatalog(row.Version, row.Reason, row.PublishedAt,
                JsonSerializer.Deserialize<List<MajorDecisionCatalogItem>>(row.Items, Json) ?? [])
            : null;
        return (Of(County), Of(agencyCode));
    }

    sealed class Row
    {
        public string ScopeKey { get; set; } = "";
        public int Version { get; set; }
        public string Reason { get; set; } = "";
        public string Items { get; set; } = "[]";
        public DateTimeOffset PublishedAt { get; set; }
    }
}

/// <summary>One version of a catalog as published.</summary>
public sealed record PublishedCatalog(int Version, string Reason, DateTimeOffset PublishedAt, IReadOnlyList<MajorDecisionCatalogItem> Items);
