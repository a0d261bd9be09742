using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;

namespace Longshan.Publicity.Inspections;

/// <summary>The <c>inspection_targets</c> table: an item's target register (检查对象名录库); targets taken off stay on record.</summary>
public sealed class TargetRegisterStore
{
    static readonly SqlStatement Update = SqlStatement.Portable(
        """
        UPDATE inspection_targets SET name = @name, kind = @kind, active = 1, updated_at = @at, updated_by = @by
        WHERE item_id = @itemId AND target_id = @targetId
        """);

    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO inspection_targets (item_id, target_id, agency_code, name, kind, active, updated_at, updated_by)
        VALUES (@itemId, @targetId, @agencyCode, @name, @kind, 1, @at, @by)
        """);

    static readonly SqlStatement Deactivate = SqlStatement.Portable(
        """
        UPDATE inspection_targets SET active = 0, updated_at = @at, updated_by = @by
        WHERE item_id = @itemId AND target_id = @targetId AND active = 1
        """);

    static readonly SqlStatement CountActive = SqlStatement.Portable(
        "SELECT COUNT(*) FROM inspection_targets WHERE item_id = @itemId AND active = 1");

    static readonly SqlStatement SelectActive = SqlStatement.Portable(
        "SELECT target_id AS Id, name AS Name, kind AS Kind FROM inspection_targets WHERE item_id = @itemId AND active = 1");

    static readonly SqlStatement SelectPage = new(
        """
        SELECT target_id AS Id, name AS Name, kind AS Kind FROM inspection_targets
        WHERE item_id = @itemId AND active = 1 AND target_id > @after ORDER BY target_id LIMIT @take
        """,
        """
        SELECT TOP (@take) target_id AS Id, name AS Name, kind AS Kind FROM inspection_targets
        WHERE item_id = @itemId AND active = 1 AND target_id > @after ORDER BY target_id
        """);

    public async Task PutAsync(DbSession session, Guid itemId, string agencyCode, DrawTarget target, DateTimeOffset at, string by)
    {
        var row = new { itemId, agencyCode, targetId = target.Id, name = target.Name, kind = (int)target.Kind, at, by };
        if (await session.ExecuteAsync(Update, row) == 0) await session.ExecuteAsync(Insert, row);
    }

    public Task RemoveAsync(DbSession session, Guid itemId, string targetId, DateTimeOffset at, string by) =>
        session.ExecuteAsync(Deactivate, new { itemId, targetId, at, by });

    public async Task<int> CountAsync(DbSession session, Guid itemId) => (int)await session.ScalarAsync<long>(CountActive, new { itemId });

    /// <summary>The register's targets on the register now (the pool a freeze takes).</summary>
    public async Task<IReadOnlyList<DrawTarget>> ActiveAsync(DbSession session, Guid itemId) =>
        [.. (await session.QueryAsync<TargetRow>(SelectActive, new { itemId })).Select(r => r.ToTarget())];

    /// <summary>By target id: up to <paramref name="take"/> after <paramref name="after"/> ("" for the first page).</summary>
    public async Task<IReadOnlyList<DrawTarget>> PageAsync(DbSession session, Guid itemId, string after, int take) =>
        [.. (await session.QueryAsync<TargetRow>(SelectPage, new { itemId, after, take })).Select(r => r.ToTarget())];

    sealed class TargetRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public long Kind { get; init; }

        public DrawTarget ToTarget() => new() { Id = Id, Name = Name, Kind = (TargetKind)Kind };
    }
}
