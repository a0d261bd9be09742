using Google.Protobuf;
using Longshan.Contracts.LegalReview.V1;
using Longshan.Platform.Data;

namespace Longshan.LegalReview.Catalog;

/// <summary>The <c>catalog_versions</c> table: each version stored whole (as the message's JSON), never changed.</summary>
public sealed class CatalogStore
{
    public const string County = "county";

    static readonly SqlStatement SelectLatest = new(
        "SELECT catalog FROM catalog_versions WHERE scope = @scope ORDER BY version DESC LIMIT 1",
        "SELECT TOP (1) catalog FROM catalog_versions WHERE scope = @scope ORDER BY version DESC");

    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO catalog_versions (scope, version, catalog, reason, published_at, published_by)
        VALUES (@scope, @version, @catalog, @reason, @at, @by)
        """);

    /// <summary>The version in force for <paramref name="scope"/>; null when none was published.</summary>
    public async Task<CatalogVersion?> LatestAsync(DbSession session, string scope) =>
        await session.SingleOrDefaultAsync<string>(SelectLatest, new { scope }) is { } json ? CatalogVersion.Parser.ParseJson(json) : null;

    public Task InsertAsync(DbSession session, CatalogVersion catalog, DateTimeOffset at, string by) =>
        session.ExecuteAsync(Insert, new { scope = catalog.Scope, version = catalog.Version, catalog = JsonFormatter.Default.Format(catalog), reason = catalog.Reason, at, by });

    /// <summary>The county base in force: the latest published, or the documented defaults (version 0).</summary>
    public async Task<CatalogVersion> BaseAsync(DbSession session) =>
        await LatestAsync(session, County) ?? new CatalogVersion
        {
            Scope = County, Version = 0, Reason = "默认目录（DOMAIN.md）/ documented defaults", Items = { MajorDecisionCatalog.Defaults },
        };
}
