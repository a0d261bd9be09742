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

    /// <summary>A draw names a frozen round; the seed, pool, size and conflicts are not the agency's to send.</summary>
    public static FieldViolations Validate(RunDrawRequest request)
    {
        var violations = InspectionItems.AgencyCode(new FieldViolations(), request.AgencyCode)
            .RequestId(request.RequestId)
            .MaxLength("redraw_reason", request.RedrawReason.Trim(), 500);
        if (!Guid.TryParse(request.RoundId, out _)) violations.Add("round_id", "须为抽查批次编号 / must be a round id");
        if (request.ItemId.Length > 0 && !Guid.TryParse(request.ItemId, out _)) violations.Add("item_id", "须为抽查事项编号 / must be an item id");
        return violations;
    }

    /// <summary>
    /// Freezes the draw's inputs: the round's published pool, size and conflicts, the seed the service generated, and
    /// the officers eligible on <paramref name="drawDate"/> — certificate valid that day (suspended, revoked, expired
    /// and not-yet-valid ones are out) and covering the item's enforcement area (执法区域, 国发〔2015〕58号: officers
    /// drawn from the 执法检查人员名录库 of that field).
    /// </summary>
    public static InspectionDraw Freeze(
        DrawRound round, InspectionItem item, IEnumerable<OfficerRecord> officers, Guid drawId, DateOnly drawDate, string seed,
        InspectionDraw? replaced, string redrawReason)
    {
        var draw = new InspectionDraw
        {
            DrawId = drawId.ToString("D"),
            AgencyCode = item.AgencyCode,
            ItemId = item.ItemId,
            ItemName = item.Name,
            Seed = seed,
            SeedSource = DrawSeeds.Source,
            Algorithm = RandomDraw.Algorithm,
            DrawDate = CountyTime.Format(drawDate),
            OfficersPerTarget = round.OfficersPerTarget,
            Targets = { round.Targets.Select(t => t.Clone()) },
            Officers =
            {
                officers.Where(o => o.StatusOn(drawDate) == CertificateStatus.Valid && Covers(o, item.EnforcementArea)).Select(o => new EligibleOfficer
                {
                    OfficerId = o.OfficerId.ToString("D"), Name = o.Name, CertificateNumber = o.CertificateNumber,
                    CertificateValidTo = CountyTime.Format(o.ValidTo),
                }),
            },
            Conflicts = { round.Conflicts.Select(c => c.Clone()) },
            RoundId = round.RoundId,
            RedrawOf = replaced?.DrawId ?? "",
            RedrawReason = replaced is null ? "" : redrawReason.Trim(),
            EnforcementArea = item.EnforcementArea,
            PoolFrozenAt = round.FrozenAt,
            PoolDigest = round.PoolDigest,
        };
        if (round.SizeCase == DrawRound.SizeOneofCase.Count) draw.Count = round.Count;
        else draw.RatioBasisPoints = round.RatioBasisPoints;
        return draw;
    }

    /// <summary>The certificate lists the item's enforcement area (exact, after trimming). An item without one is covered by no certificate.</summary>
    public static bool Covers(OfficerRecord officer, string enforcementArea) =>
        enforcementArea.Trim().Length > 0 && officer.Areas.Any(a => string.Equals(a.Trim(), enforcementArea.Trim(), StringComparison.Ordinal));

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
}
