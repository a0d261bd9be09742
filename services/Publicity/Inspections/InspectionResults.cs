using Longshan.Publicity.Calendar;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Grpc;
using Longshan.Publicity.Officers;
using Event = Longshan.Contracts.Events.Publicity;

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
            .Required("request_id", request.RequestId).MaxLength("request_id", request.RequestId, 100)
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
        if (DateOnly.ParseExact(request.InspectedOn, "yyyy-MM-dd") < DateOnly.ParseExact(draw.DrawDate, "yyyy-MM-dd"))
            violations.Add("inspected_on", "不得早于抽取日期 / must not be before the draw date");
        return violations;
    }

    public static TargetAssignment? Assignment(InspectionDraw draw, string targetId) =>
        draw.Assignments.FirstOrDefault(a => string.Equals(a.TargetId, targetId.Trim(), StringComparison.Ordinal));

    public static InspectionResult ToResult(InspectionDraw draw, PublishInspectionResultRequest request)
    {
        var assignment = Assignment(draw, request.TargetId)!;
        return new InspectionResult
        {
            DrawId = draw.DrawId,
            AgencyCode = draw.AgencyCode,
            ItemId = draw.ItemId,
            ItemName = draw.ItemName,
            TargetId = assignment.TargetId,
            TargetName = assignment.TargetName,
            OfficerIds = { assignment.OfficerIds },
            InspectedOn = request.InspectedOn,
            Outcome = request.Outcome.Trim(),
        };
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
        InspectedOn = DateOnly.ParseExact(result.InspectedOn, "yyyy-MM-dd"),
        Outcome = result.Outcome,
    };

    public static FieldViolations Validate(ListInspectionResultsRequest request)
    {
        var violations = InspectionItems.AgencyCode(new FieldViolations(), request.AgencyCode);
        if (request.DrawId.Length > 0 && !Guid.TryParse(request.DrawId, out _)) violations.Add("draw_id", "须为抽取编号 / must be a draw id");
        return Paging.ValidateSequence(violations, request.PageSize, request.PageToken);
    }
}
