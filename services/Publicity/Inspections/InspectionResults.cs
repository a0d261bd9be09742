using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Grpc;
using Event = Longshan.Contracts.Events.Publicity;
using Longshan.Publicity.Decisions;
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
        if (request.OtherPersonNames.Count > 50) violations.Add("other_person_names", "至多 50 个 / at most 50");
        for (var i = 0; i < request.OtherPersonNames.Count && i < 50; i++)
            violations.Required($"other_person_names[{i}]", request.OtherPersonNames[i]).MaxLength($"other_person_names[{i}]", request.OtherPersonNames[i].Trim(), 50);
        if (!Guid.TryParse(request.DrawId, out _)) violations.Add("draw_id", "须为抽取编号 / must be a draw id");
        // Dates of legal acts in the future are rejected (the inspection has taken place).
        if (!CountyTime.TryParseDate(request.InspectedOn, out var inspectedOn)) violations.Add("inspected_on", "须为 YYYY-MM-DD 日期 / must be a date YYYY-MM-DD");
        else if (inspectedOn > today) violations.Add("inspected_on", "不得晚于今天 / must not be in the future");
        if (request.InspectionEndedOn.Length > 0)
        {
            if (!CountyTime.TryParseDate(request.InspectionEndedOn, out var endedOn)) violations.Add("inspection_ended_on", "须为 YYYY-MM-DD 日期 / must be a date YYYY-MM-DD");
            else if (endedOn > today) violations.Add("inspection_ended_on", "不得晚于今天 / must not be in the future");
            else if (CountyTime.TryParseDate(request.InspectedOn, out var on) && endedOn < on)
                violations.Add("inspection_ended_on", "不得早于检查日期 / must not be before inspected_on");
        }
        // 更正: a correction names the result it corrects and says why; a first result has neither.
        if (request.Corrects.Length > 0)
        {
            if (!Guid.TryParse(request.Corrects, out _)) violations.Add("corrects", "须为抽查结果编号 / must be a result id");
            violations.Required("correction_reason", request.CorrectionReason).MaxLength("correction_reason", request.CorrectionReason.Trim(), MaxReasonLength);
        }
        else if (request.CorrectionReason.Length > 0) violations.Add("correction_reason", "仅用于更正 / only with corrects");
        return violations;
    }

    public const int MaxReasonLength = 500;

    /// <summary>检查结束日期 of a request: as given, else the inspection day.</summary>
    public static DateOnly EndedOn(PublishInspectionResultRequest request) =>
        CountyTime.Date(request.InspectionEndedOn.Length > 0 ? request.InspectionEndedOn : request.InspectedOn);

    /// <summary>A correction must correct a result of the same draw and target.</summary>
    public static FieldViolations ValidateCorrection(InspectionResult corrected, PublishInspectionResultRequest request)
    {
        var violations = new FieldViolations();
        if (Guid.Parse(corrected.DrawId) != Guid.Parse(request.DrawId) || corrected.TargetId != request.TargetId.Trim())
            violations.Add("corrects", "须为本次抽取、同一检查对象的抽查结果 / must be a result of the same draw and target");
        return violations;
    }

    public static FieldViolations Validate(RecordInspectionEndRequest request, DateOnly today)
    {
        var violations = new FieldViolations()
            .RequestId(request.RequestId)
            .Required("target_id", request.TargetId).MaxLength("target_id", request.TargetId.Trim(), 100);
        if (!Guid.TryParse(request.DrawId, out _)) violations.Add("draw_id", "须为抽取编号 / must be a draw id");
        if (!CountyTime.TryParseDate(request.EndedOn, out var endedOn)) violations.Add("ended_on", "须为 YYYY-MM-DD 日期 / must be a date YYYY-MM-DD");
        else if (endedOn > today) violations.Add("ended_on", "不得晚于今天 / must not be in the future");
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
    public static InspectionResult ToResult(InspectionDraw draw, PublishInspectionResultRequest request, RedactionOptions? options = null) =>
        ToResult(draw, request, Guid.NewGuid(), null, null, options);

    /// <summary>
    /// The result as published, with its id, end of inspection, deadline (null: pending, or none for an old result being
    /// corrected) and publication day. A correction carries what it corrects and why.
    /// </summary>
    public static InspectionResult ToResult(
        InspectionDraw draw, PublishInspectionResultRequest request, Guid resultId, string? deadline, DateOnly? publishedOn, RedactionOptions? options = null)
    {
        var result = Redacted(draw, request, options);
        result.ResultId = resultId.ToString("D");
        result.InspectionEndedOn = CountyTime.Format(EndedOn(request));
        result.PublicationDeadline = deadline ?? "";
        result.PublishedOn = publishedOn is { } day ? CountyTime.Format(day) : "";
        if (request.Corrects.Length > 0)
        {
            result.Corrects = Guid.Parse(request.Corrects).ToString("D");
            // The reason is public text too: masked like the outcome.
            result.CorrectionReason = PublicOutcome(request.CorrectionReason.Trim(), Assignment(draw, request.TargetId)!.TargetName,
                IsNaturalPerson(draw, result.TargetId), request.OtherPersonNames, options);
        }
        return result;
    }

    static bool IsNaturalPerson(InspectionDraw draw, string targetId) =>
        draw.Targets.Any(t => t.Id == targetId && t.Kind == TargetKind.NaturalPerson);

    static InspectionResult Redacted(InspectionDraw draw, PublishInspectionResultRequest request, RedactionOptions? options)
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
            Outcome = PublicOutcome(request.Outcome.Trim(), assignment.TargetName, naturalPerson, request.OtherPersonNames, options),
        };
    }

    /// <summary>
    /// A natural person's name (a sole trader named after its owner) is masked to the surname, as a decision's party
    /// (provincial penalty-publication measures; 《个人信息保护法》第十三条: publish only what the duty needs); an
    /// organisation's name is public.
    /// </summary>
    public static string PublicTarget(string name, bool naturalPerson) => naturalPerson ? PersonalDataMasks.MaskName(name) : name;

    /// <summary>
    /// The outcome text as published, redacted like a decision's texts (国办发〔2018〕118号 and the local measures:
    /// inspection results are published "redacted like decisions"; 《个人信息保护法》第二十八条): ID numbers, bank accounts,
    /// phone numbers, home addresses (labelled; 住所 too for a natural-person target), health terms, the names of other
    /// persons given, and a natural-person target's name, wherever they occur. Idempotent, so the public listing and
    /// the portal re-apply it to results stored before the masking existed.
    /// </summary>
    public static string PublicOutcome(
        string outcome, string targetName, bool naturalPerson, IEnumerable<string>? otherPersonNames = null, RedactionOptions? options = null)
    {
        var subject = new Decisions.DecisionContent
        {
            PartyKind = naturalPerson ? Decisions.PartyKind.NaturalPerson : Decisions.PartyKind.Organisation,
            PartyName = targetName.Trim(),
            ThirdPartyNames = [.. otherPersonNames ?? []],
        };
        return Redaction.RedactText(subject, outcome, options ?? RedactionOptions.Default);
    }

    /// <summary>
    /// A stored result as listed publicly (gRPC and the portal's draw page alike): the outcome masked again, for results
    /// stored before masking covered addresses and health terms; the target's name as stored (already masked).
    /// </summary>
    public static InspectionResult ForListing(InspectionResult stored, RedactionOptions? options = null)
    {
        var listed = stored.Clone();
        listed.Outcome = PublicOutcome(stored.Outcome, "", naturalPerson: false, options: options);
        if (stored.CorrectionReason.Length > 0) listed.CorrectionReason = PublicOutcome(stored.CorrectionReason, "", naturalPerson: false, options: options);
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
        ResultId = result.ResultId.Length > 0 ? Guid.Parse(result.ResultId) : null,
        InspectionEndedOn = result.InspectionEndedOn.Length > 0 ? CountyTime.Date(result.InspectionEndedOn) : null,
        Corrects = result.Corrects.Length > 0 ? Guid.Parse(result.Corrects) : null,
        CorrectionReason = result.CorrectionReason.Length > 0 ? result.CorrectionReason : null,
    };

    public static Event.InspectionResultOverdue ToOverdueEvent(InspectionDeadline due, Guid eventId, DateTimeOffset occurredAt) => new()
    {
        EventId = eventId,
        OccurredAt = occurredAt,
        AgencyCode = due.AgencyCode,
        DrawId = due.DrawId,
        ItemId = due.ItemId,
        TargetId = due.TargetId,
        InspectionEndedOn = due.EndedOn,
        PublicationDeadline = due.Deadline!.Value,
        PublishedOn = due.PublishedOn,
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
