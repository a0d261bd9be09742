using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Grpc;

namespace Longshan.Publicity.Inspections;

/// <summary>
/// 检查对象名录库 and 抽查批次 — the target register an agency maintains per inspection item, and the rounds that freeze
/// it into a published pool before the draw (国发〔2015〕58号 双随机、一公开: targets drawn from a maintained register;
/// the pool is fixed and public before the draw). Pure: no I/O.
/// </summary>
public static class DrawRounds
{
    public const int MaxChangesPerCall = 5_000;

    public static FieldViolations Validate(UpdateTargetRegisterRequest request)
    {
        var violations = InspectionItems.AgencyCode(new FieldViolations(), request.AgencyCode).RequestId(request.RequestId);
        if (!Guid.TryParse(request.ItemId, out _)) violations.Add("item_id", "须为抽查事项编号 / must be an item id");
        if (request.Add.Count + request.Remove.Count == 0) violations.Add("add", "须增加或移除至少一个检查对象 / add or remove at least one target");
        if (request.Add.Count + request.Remove.Count > MaxChangesPerCall) violations.Add("add", $"每次至多 {MaxChangesPerCall} 项 / at most {MaxChangesPerCall} changes per call");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Add.Count && i < MaxChangesPerCall; i++)
        {
            var target = request.Add[i];
            violations.Required($"add[{i}].id", target.Id).MaxLength($"add[{i}].id", target.Id.Trim(), 100)
                .Required($"add[{i}].name", target.Name).MaxLength($"add[{i}].name", target.Name.Trim(), 200);
            if (target.Id.Trim().Length > 0 && !seen.Add(target.Id.Trim())) violations.Add($"add[{i}].id", "重复的检查对象 / duplicate target");
            if (!Enum.IsDefined(target.Kind)) violations.Add($"add[{i}].kind", "未知的检查对象类别 / unknown target kind");
        }
        for (var i = 0; i < request.Remove.Count && i < MaxChangesPerCall; i++)
        {
            violations.Required($"remove[{i}]", request.Remove[i]);
            if (seen.Contains(request.Remove[i].Trim())) violations.Add($"remove[{i}]", "同一对象不能同时增加和移除 / added and removed at once");
        }
        return violations;
    }

    public static FieldViolations Validate(FreezeDrawPoolRequest request)
    {
        var violations = InspectionItems.AgencyCode(new FieldViolations(), request.AgencyCode)
            .RequestId(request.RequestId)
            .Required("round_name", request.RoundName).MaxLength("round_name", request.RoundName.Trim(), 100);
        if (!Guid.TryParse(request.ItemId, out _)) violations.Add("item_id", "须为抽查事项编号 / must be an item id");
        if (request.SizeCase == FreezeDrawPoolRequest.SizeOneofCase.Count && request.Count < 1)
            violations.Add("count", "抽取数量至少为 1 / count must be at least 1");
        if (request.SizeCase == FreezeDrawPoolRequest.SizeOneofCase.RatioBasisPoints && request.RatioBasisPoints is < 1 or > InspectionItems.FullRatioBasisPoints)
            violations.Add("ratio_basis_points", "抽查比例须在 1–10000 个基点之间 / ratio must be 1–10000 basis points");
        if (request.OfficersPerTarget != 0 && request.OfficersPerTarget is < DrawInputs.MinOfficersPerTarget or > DrawInputs.MaxOfficersPerTarget)
            violations.Add("officers_per_target", "每个对象 2–10 名执法人员（《行政处罚法》第四十二条）/ 2–10 officers per target (APL art. 42)");
        for (var i = 0; i < request.Conflicts.Count; i++)
        {
            if (!Guid.TryParse(request.Conflicts[i].OfficerId, out _)) violations.Add($"conflicts[{i}].officer_id", "须为执法人员编号 / must be an officer id");
            if (request.Conflicts[i].TargetIds.Count == 0) violations.Add($"conflicts[{i}].target_ids", "必填 / required");
        }
        return violations;
    }

    /// <summary>Against the register as frozen: the count fits the pool, conflicts name pool targets and the agency's officers.</summary>
    public static FieldViolations ValidateAgainst(FreezeDrawPoolRequest request, IReadOnlyList<DrawTarget> pool, IReadOnlySet<string> agencyOfficerIds)
    {
        var violations = new FieldViolations();
        if (request.SizeCase == FreezeDrawPoolRequest.SizeOneofCase.Count && request.Count > pool.Count)
            violations.Add("count", $"抽取数量超过名录库的 {pool.Count} 个对象 / count above the register's {pool.Count} targets");
        var ids = pool.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < request.Conflicts.Count; i++)
        {
            if (!agencyOfficerIds.Contains(DrawInputs.OfficerId(request.Conflicts[i].OfficerId)))
                violations.Add($"conflicts[{i}].officer_id", "不是本机关的执法人员 / not an officer of this agency");
            for (var j = 0; j < request.Conflicts[i].TargetIds.Count; j++)
                if (!ids.Contains(request.Conflicts[i].TargetIds[j].Trim()))
                    violations.Add($"conflicts[{i}].target_ids[{j}]", "不在检查对象名录库中 / not on the target register");
        }
        return violations;
    }

    /// <summary>The round as frozen and published: the pool (sorted by id), its digest, size, officers per target, conflicts.</summary>
    public static DrawRound Freeze(FreezeDrawPoolRequest request, InspectionItem item, IReadOnlyList<DrawTarget> pool, Guid roundId, DateTimeOffset now)
    {
        var sorted = pool.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        var round = new DrawRound
        {
            RoundId = roundId.ToString("D"),
            AgencyCode = item.AgencyCode,
            ItemId = item.ItemId,
            ItemName = item.Name,
            RoundName = request.RoundName.Trim(),
            EnforcementArea = item.EnforcementArea,
            OfficersPerTarget = request.OfficersPerTarget == 0 ? DrawInputs.MinOfficersPerTarget : request.OfficersPerTarget,
            Targets = { sorted },
            Conflicts = { request.Conflicts.Select(c => new DrawConflict { OfficerId = DrawInputs.OfficerId(c.OfficerId), TargetIds = { c.TargetIds.Select(t => t.Trim()) } }) },
            PoolDigest = PoolDigest(sorted),
            FrozenAt = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        };
        if (request.SizeCase == FreezeDrawPoolRequest.SizeOneofCase.Count) round.Count = request.Count;
        else round.RatioBasisPoints = request.SizeCase == FreezeDrawPoolRequest.SizeOneofCase.RatioBasisPoints ? request.RatioBasisPoints : item.RatioBasisPoints;
        return round;
    }

    /// <summary>
    /// SHA-256 (lower-case hex) of "id\tkind-number\n" per target sorted by id (ordinal), UTF-8: anyone can recompute it
    /// from the published pool (names are left out: a natural person's is published masked).
    /// </summary>
    public static string PoolDigest(IEnumerable<DrawTarget> pool)
    {
        var text = new StringBuilder();
        foreach (var t in pool.OrderBy(t => t.Id, StringComparer.Ordinal))
            text.Append(t.Id).Append('\t').Append(((int)t.Kind).ToString(CultureInfo.InvariantCulture)).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static DrawTarget Normalised(DrawTarget target) => new() { Id = target.Id.Trim(), Name = target.Name.Trim(), Kind = target.Kind };
}
