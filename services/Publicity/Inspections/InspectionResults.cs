using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Grpc;
using Event = Longshan.Contracts.Events.Publicity;
using PersonalDataMasks = Longshan.Publicity.Decisions.PersonalDataMasks;

namespace Longshan.Publicity.Inspections;

/// <summary>
/// 抽查结果公开 — the "一公开" of 双随机、一公开: the outcome of inspecting each drawn target is published
/// (国办发〔2018〕118号; 国发〔2019〕5号: 抽查结果依法向社会公示). Pure: no I/O.
/// </summary>
public static class InspectionResults
{
    public const int MaxOutcomeLength = 2000;

    public static FieldViolations Validate(PublishInspectionResultRequest request, DateOnly today)
    {
        var violations = new FieldViolations()
            .RequestId(request.RequestId)
            .Required("target_id", request.TargetId).MaxLength("target_id", request.TargetId.Trim(), 100)
            .Required("outcome", request.Outcome).MaxLength("outcome", request.Outcome.Trim(), MaxOutcomeLength);
        if (!Guid.TryParse(request.DrawId, out _)) violations.Add("draw_id", "须为抽取编号 / must be a draw id");
        // Dates of legal acts in the future are rejected (the inspection has taken place).
        if (!CountyTime.TryParseDate(request.InspectedOn, out var inspectedOn)) violations.Add("inspected_on", "须为 YYYY-MM-DD 日期 / must be a date YYYY-MM-DD");
        else if (inspectedOn > today) violations.Add("inspected_on", "不得晚于今天 / must not be in the future");
        return violations;
    }

    /// <summary>The target must have been drawn in this draw, and inspected on or after the draw date.</summary>
    public static FieldViolations ValidateAgainst(InspectionDraw draw, PublishInspectionResultRequest request)
    {
        var violations = new FieldViolations();
        if (Assignment(draw, request.TargetId) is null) violations.Add("target_id", "不是本次抽取的检查对象 / not a drawn target of this draw");
        if (CountyTime.Date(request.InspectedOn) < CountyTime.Date(draw.DrawDate))
            violations.Add("inspected_on", "不得早于抽取日期 / must not be before the draw date");
        return violations;
    }

    public static TargetAssignment? Assignment(InspectionDraw draw, string targetId) =>
        draw.Assignments.FirstOrDefault(a => string.Equals(a.TargetId, targetId.Trim(), StringComparison.Ordinal));

    /// <summary>The result as published: personal data masked (<see cref="PublicTarget"/>, <see cref="PublicOutcome"/>).</summary>
    public static InspectionResult ToResult(InspectionDraw draw, PublishInspectionResultRequest request)
    {
        var assignment = Assignment(draw, request.TargetId)!;
        var naturalPerson = draw.Targets.Any(t => t.Id == assignment.TargetId && t.Kind == TargetKind.NaturalPerson);
        return new InspectionResult
        {
            DrawId = draw.DrawId,
            AgencyCode = draw.AgencyCode,
            ItemId = draw.ItemId,
            ItemName = draw.ItemName,
            TargetId = assignment.TargetId,
            TargetName = PublicTarget(assignment.TargetName, naturalPerson),
            OfficerIds = { assignment.OfficerIds },
            InspectedOn = request.InspectedOn,
            Outcome = PublicOutcome(request.Outcome.Trim(), assignment.TargetName, naturalPerson),
        };
    }

    /// <summary>
    /// A natural person's name (a sole trader named after its owner) is masked to the surname, as a decision's party
    /// (provincial penalty-publication measures; 《个人信息保护法》第十三条: publish only what the duty needs); an
    /// organisation's name is public.
    /// </summary>
    public static string PublicTarget(string name, bool naturalPerson) => naturalPerson ? PersonalDataMasks.MaskName(name) : name;

    /// <summary>
    /// The outcome text as published: ID numbers, bank accounts and phone numbers masked, and a natural-person
    /// target's name masked wherever it occurs. Idempotent, so the public listing re-applies it to results stored
    /// before the masking existed.
    /// </summary>
    public static string PublicOutcome(string outcome, string targetName, bool naturalPerson)
    {
        var masked = PersonalDataMasks.MaskNumbers(outcome);
        var name = targetName.Trim();
        return naturalPerson && name.Length > 0 ? masked.Replace(name, PersonalDataMasks.MaskName(name), StringComparison.Ordinal) : masked;
    }

    /// <summary>A stored result as listed publicly: the outcome's numbers masked again, for results stored before masking.</summary>
    public static InspectionResult ForListing(InspectionResult stored)
    {
        var listed = stored.Clone();
        listed.Outcome = PersonalDataMasks.MaskNumbers(stored.Outcome);
        return listed;
    }

    public static Event.InspectionResultPublished ToEvent(InspectionResult result, Guid eventId, DateTimeOffset occurredAt) => new()
    {
        EventId = eventId,
        OccurredAt = occurredAt,
        AgencyCode = result.AgencyCode,
        DrawId = Guid.Parse(result.DrawId),
        ItemId = Guid.Parse(result.ItemId),
        TargetId = result.TargetId,
        TargetName = result.TargetName,
        InspectedOn = CountyTime.Date(result.InspectedOn),
        Outcome = result.Outcome,
    };

    public static FieldViolations Validate(ListInspectionResultsRequest request)
    {
        var violations = InspectionItems.AgencyCode(new FieldViolations(), request.AgencyCode);
        if (request.DrawId.Length > 0 && !Guid.TryParse(request.DrawId, out _)) violations.Add("draw_id", "须为抽取编号 / must be a draw id");
        return violations;
    }
}

/// <summary>The public form of a draw: natural persons among the targets are shown with masked names (APL art. 50).</summary>
public static class PublicDraws
{
    public static InspectionDraw Public(InspectionDraw draw)
    {
        var people = draw.Targets.Where(t => t.Kind == TargetKind.NaturalPerson).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        if (people.Count == 0) return draw;
        var copy = draw.Clone();
        foreach (var target in copy.Targets.Where(t => people.Contains(t.Id))) target.Name = InspectionResults.PublicTarget(target.Name, naturalPerson: true);
        foreach (var assignment in copy.Assignments.Where(a => people.Contains(a.TargetId)))
            assignment.TargetName = InspectionResults.PublicTarget(assignment.TargetName, naturalPerson: true);
        return copy;
    }

    /// <summary>A register or pool target as published: a natural person's name masked to the surname.</summary>
    public static DrawTarget Public(DrawTarget target) =>
        target.Kind == TargetKind.NaturalPerson ? new DrawTarget { Id = target.Id, Kind = target.Kind, Name = InspectionResults.PublicTarget(target.Name, naturalPerson: true) } : target;

    /// <summary>A frozen round as published: natural persons in the pool masked. The digest covers the unmasked pool.</summary>
    public static DrawRound Public(DrawRound round)
    {
        if (round.Targets.All(t => t.Kind != TargetKind.NaturalPerson)) return round;
        var copy = round.Clone();
        copy.Targets.Clear();
        copy.Targets.AddRange(round.Targets.Select(Public));
        return copy;
    }
}
