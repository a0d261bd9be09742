using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Grpc;
using Longshan.Publicity.Officers;

namespace Longshan.Publicity.Inspections;

/// <summary>
/// The inputs of a draw (双随机) as published: validated from the request, frozen into an <see cref="InspectionDraw"/>
/// before the draw, and turned into <see cref="RandomDraw"/>'s <see cref="DrawRequest"/> — by the service and by
/// anyone who re-runs it from <c>GetDraw</c>. Pure: no I/O.
/// </summary>
public static class DrawInputs
{
    public const int MaxTargets = 50_000;
    public const int MaxOfficersPerTarget = 10;

    /// <summary>《行政处罚法》第四十二条: inspections by no fewer than two officers.</summary>
    public const int MinOfficersPerTarget = 2;

    public static FieldViolations Validate(RunDrawRequest request)
    {
        var violations = InspectionItems.AgencyCode(new FieldViolations(), request.AgencyCode)
            .RequestId(request.RequestId)
            .Required("seed", request.Seed).MaxLength("seed", request.Seed, 200);
        if (!Guid.TryParse(request.ItemId, out _)) violations.Add("item_id", "须为抽查事项编号 / must be an item id");
        Targets(violations, request.Targets);
        Size(violations, request);
        if (request.OfficersPerTarget != 0 && request.OfficersPerTarget is < MinOfficersPerTarget or > MaxOfficersPerTarget)
            violations.Add("officers_per_target", "每个对象 2–10 名执法人员（《行政处罚法》第四十二条）/ 2–10 officers per target (APL art. 42)");
        Conflicts(violations, request);
        return violations;
    }

    /// <summary>Conflicts must name officers of the agency: a mistyped id would silently leave a conflicted officer eligible.</summary>
    public static FieldViolations ValidateConflictOfficers(RunDrawRequest request, IReadOnlySet<string> agencyOfficerIds)
    {
        var violations = new FieldViolations();
        for (var i = 0; i < request.Conflicts.Count; i++)
            if (!agencyOfficerIds.Contains(OfficerId(request.Conflicts[i].OfficerId)))
                violations.Add($"conflicts[{i}].officer_id", "不是本机关的执法人员 / not an officer of this agency");
        return violations;
    }

    /// <summary>
    /// Freezes the inputs: the pool as given, the officers whose certificates are valid on <paramref name="drawDate"/>
    /// (suspended, revoked, expired and not-yet-valid ones are out), the conflicts, and the size (the item's ratio
    /// when the request gives none).
    /// </summary>
    public static InspectionDraw Freeze(RunDrawRequest request, InspectionItem item, IEnumerable<OfficerRecord> officers, Guid drawId, DateOnly drawDate)
    {
        var draw = new InspectionDraw
        {
            DrawId = drawId.ToString("D"),
            AgencyCode = item.AgencyCode,
            ItemId = item.ItemId,
            ItemName = item.Name,
            Seed = request.Seed,
            Algorithm = RandomDraw.Algorithm,
            DrawDate = CountyTime.Format(drawDate),
            OfficersPerTarget = request.OfficersPerTarget == 0 ? MinOfficersPerTarget : request.OfficersPerTarget,
            Targets = { request.Targets.Select(t => new DrawTarget { Id = t.Id.Trim(), Name = t.Name.Trim(), Kind = t.Kind }) },
            Officers =
            {
                officers.Where(o => o.StatusOn(drawDate) == CertificateStatus.Valid).Select(o => new EligibleOfficer
                {
                    OfficerId = o.OfficerId.ToString("D"), Name = o.Name, CertificateNumber = o.CertificateNumber,
                    CertificateValidTo = CountyTime.Format(o.ValidTo),
                }),
            },
            Conflicts = { request.Conflicts.Select(c => new DrawConflict { OfficerId = OfficerId(c.OfficerId), TargetIds = { c.TargetIds.Select(t => t.Trim()) } }) },
        };
        if (request.SizeCase == RunDrawRequest.SizeOneofCase.Count) draw.Count = request.Count;
        else draw.RatioBasisPoints = request.SizeCase == RunDrawRequest.SizeOneofCase.RatioBasisPoints ? request.RatioBasisPoints : item.RatioBasisPoints;
        return draw;
    }

    /// <summary>The published inputs as <see cref="RandomDraw"/>'s request: what anyone runs to check the assignments.</summary>
    public static DrawRequest ToDrawRequest(InspectionDraw draw)
    {
        var conflicts = draw.Conflicts.GroupBy(c => c.OfficerId).ToDictionary(g => g.Key, g => g.SelectMany(c => c.TargetIds).ToHashSet());
        return new DrawRequest
        {
            Seed = draw.Seed,
            TargetPool = [.. draw.Targets.Select(t => t.Id)],
            Size = draw.SizeCase == InspectionDraw.SizeOneofCase.Count
                ? DrawSize.OfCount(draw.Count)
                : DrawSize.OfRatio(draw.RatioBasisPoints / (decimal)InspectionItems.FullRatioBasisPoints),
            Officers = [.. draw.Officers.Select(o => new DrawOfficer(o.OfficerId, draw.AgencyCode,
                CountyTime.Date(o.CertificateValidTo), conflicts.GetValueOrDefault(o.OfficerId) ?? []))],
            DrawDate = CountyTime.Date(draw.DrawDate),
            OfficersPerTarget = draw.OfficersPerTarget,
        };
    }

    /// <summary>Adds the draw's assignments, with the targets' names.</summary>
    public static InspectionDraw WithAssignments(InspectionDraw draw, DrawResult result)
    {
        var names = draw.Targets.ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        draw.Assignments.AddRange(result.Assignments.Select(a => new TargetAssignment { TargetId = a.TargetId, TargetName = names[a.TargetId], OfficerIds = { a.OfficerIds } }));
        return draw;
    }

    /// <summary>Officer ids are published as lower-case uuids ("D" format).</summary>
    public static string OfficerId(string id) => Guid.TryParse(id, out var guid) ? guid.ToString("D") : id.Trim();

    static void Targets(FieldViolations violations, IReadOnlyList<DrawTarget> targets)
    {
        if (targets.Count == 0) violations.Add("targets", "检查对象名录不得为空 / the target pool is empty");
        if (targets.Count > MaxTargets) violations.Add("targets", $"至多 {MaxTargets} 个 / at most {MaxTargets}");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < targets.Count && i < MaxTargets; i++)
        {
            violations.Required($"targets[{i}].id", targets[i].Id).MaxLength($"targets[{i}].id", targets[i].Id.Trim(), 100)
                .Required($"targets[{i}].name", targets[i].Name).MaxLength($"targets[{i}].name", targets[i].Name.Trim(), 200);
            if (targets[i].Id.Trim().Length > 0 && !seen.Add(targets[i].Id.Trim())) violations.Add($"targets[{i}].id", "重复的检查对象 / duplicate target");
            if (!Enum.IsDefined(targets[i].Kind)) violations.Add($"targets[{i}].kind", "未知的检查对象类别 / unknown target kind");
        }
    }

    static void Size(FieldViolations violations, RunDrawRequest request)
    {
        if (request.SizeCase == RunDrawRequest.SizeOneofCase.Count && (request.Count < 1 || request.Count > request.Targets.Count))
            violations.Add("count", "抽取数量须在 1 与名录数量之间 / count must be between 1 and the pool size");
        if (request.SizeCase == RunDrawRequest.SizeOneofCase.RatioBasisPoints && request.RatioBasisPoints is < 1 or > InspectionItems.FullRatioBasisPoints)
            violations.Add("ratio_basis_points", "抽查比例须在 1–10000 个基点之间 / ratio must be 1–10000 basis points");
    }

    static void Conflicts(FieldViolations violations, RunDrawRequest request)
    {
        var pool = request.Targets.Select(t => t.Id.Trim()).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < request.Conflicts.Count; i++)
        {
            if (!Guid.TryParse(request.Conflicts[i].OfficerId, out _)) violations.Add($"conflicts[{i}].officer_id", "须为执法人员编号 / must be an officer id");
            if (request.Conflicts[i].TargetIds.Count == 0) violations.Add($"conflicts[{i}].target_ids", "必填 / required");
            for (var j = 0; j < request.Conflicts[i].TargetIds.Count; j++)
                if (!pool.Contains(request.Conflicts[i].TargetIds[j].Trim()))
                    violations.Add($"conflicts[{i}].target_ids[{j}]", "不在检查对象名录中 / not in the target pool");
        }
    }
}
