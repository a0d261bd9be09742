using System.Collections.Concurrent;
using Google.Protobuf;
using Longshan.Contracts.LegalReview.V1;
using Longshan.Platform.Data;

namespace Longshan.LegalReview.Catalog;

/// <summary>
/// The <c>catalog_versions</c> table: each version stored whole (as the message's JSON), never changed. Because a
/// version never changes, its parsed form is kept in memory once read (key: scope and version); each call still asks
/// the database which version is the latest, so a version published by another instance is in force at once.
/// The catalogs returned are shared: callers must not modify them.
/// </summary>
public sealed class CatalogStore
{
    public const string County = "county";

    static readonly SqlStatement SelectLatestVersions = SqlStatement.Portable(
        "SELECT scope AS Scope, MAX(version) AS Version FROM catalog_versions WHERE scope IN (@county, @scope) GROUP BY scope");

    static readonly SqlStatement SelectVersion = SqlStatement.Portable(
        "SELECT catalog FROM catalog_versions WHERE scope = @scope AND version = @version");

    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO catalog_versions (scope, version, catalog, reason, published_at, published_by)
        VALUES (@scope, @version, @catalog, @reason, @at, @by)
        """);

    /// <summary>The documented defaults (version 0 of the county base), in force until the county publishes version 1.</summary>
    static readonly CatalogVersion Defaults = new()
    {
        Scope = County, Version = 0, Reason = "默认目录（DOMAIN.md）/ documented defaults", Items = { MajorDecisionCatalog.Defaults },
    };

    readonly ConcurrentDictionary<(string Scope, int Version), CatalogVersion> parsed = new();

    /// <summary>The version in force for <paramref name="scope"/>; null when none was published.</summary>
    public async Task<CatalogVersion?> LatestAsync(DbSession session, string scope)
    {
        var latest = await LatestVersionsAsync(session, scope);
        return latest.TryGetValue(scope, out var version) ? await VersionAsync(session, scope, version) : null;
    }

    /// <summary>The county base in force (the latest published, or the documented defaults) and <paramref name="agencyCode"/>'s extension, in one query.</summary>
    public async Task<(CatalogVersion Base, CatalogVersion? Extension)> InForceAsync(DbSession session, string agencyCode)
    {
        var latest = await LatestVersionsAsync(session, agencyCode);
        var @base = latest.TryGetValue(County, out var county) ? await VersionAsync(session, County, county) : Defaults;
        var extension = agencyCode != County && latest.TryGetValue(agencyCode, out var own) ? await VersionAsync(session, agencyCode, own) : null;
        return (@base, extension);
    }

    public Task InsertAsync(DbSession session, CatalogVersion catalog, DateTimeOffset at, string by) =>
        session.ExecuteAsync(Insert, new { scope = catalog.Scope, version = catalog.Version, catalog = JsonFormatter.Default.Format(catalog), reason = catalog.Reason, at, by });

    /// <summary>The county base in force: the latest published, or the documented defaults (version 0).</summary>
    public async Task<CatalogVersion> BaseAsync(DbSession session) => await LatestAsync(session, County) ?? Defaults;

    async Task<Dictionary<string, int>> LatestVersionsAsync(DbSession session, string scope) =>
        (await session.ListAsync<LatestRow>(SelectLatestVersions, new { county = County, scope })).ToDictionary(r => r.Scope, r => r.Version, StringComparer.Ordinal);

    async Task<CatalogVersion> VersionAsync(DbSession session, string scope, int version)
    {
        if (parsed.TryGetValue((scope, version), out var catalog)) return catalog;
        var json = await session.SingleOrDefaultAsync<string>(SelectVersion, new { scope, version })
            ?? throw new InvalidOperationException($"catalog {scope} v{version} disappeared");
        return parsed.GetOrAdd((scope, version), CatalogVersion.Parser.ParseJson(json));
    }

    sealed class LatestRow
    {
        public string Scope { get; set; } = "";
        public int Version { get; set; }
    }
}
