using System.Text.RegularExpressions;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using DecisionCategory = Longshan.Publicity.Decisions.DecisionCategory;

namespace Longshan.Publicity.PowerList;

/// <summary>行政执法事项 — what a publishable item must contain (国办发〔2018〕118号, 事前公开). Pure: no I/O.</summary>
public static partial class PowerItemValidation
{
    public const int MaxCodeLength = 64;
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxNoteLength = 500;

    /// <summary>A sanity bound, not a legal rule: no statutory time limit is longer than a working year.</summary>
    public const int MaxTimeLimitWorkingDays = 250;

    /// <summary>Every problem of a publication; empty when it may be stored.</summary>
    public static FieldViolations Validate(PublishPowerItemRequest request)
    {
        var violations = new FieldViolations()
            .RequestId(request.RequestId);
        AgencyCode(violations, "agency_code", request.AgencyCode);
        if (request.Content is null) violations.Add("content", "必填 / required");
        else Content(violations, request.Content);
        if (request.ChangeReason != PowerItemChangeReason.Unspecified && PowerItemNames.ReasonName(request.ChangeReason) is null)
            violations.Add("change_reason", "变更原因未知 / unknown change reason");
        return violations.MaxLength("change_note", request.ChangeNote, MaxNoteLength);
    }

    /// <summary>Every problem of a withdrawal (废止): the reason must be stated, as for any change of the list (T2).</summary>
    public static FieldViolations Validate(WithdrawPowerItemRequest request)
    {
        var violations = new FieldViolations()
            .RequestId(request.RequestId);
        AgencyCode(violations, "agency_code", request.AgencyCode);
        ItemCode(violations, "item_code", request.ItemCode);
        if (request.Reason == PowerItemChangeReason.Initial || PowerItemNames.ReasonName(request.Reason) is null)
            violations.Add("reason", "废止原因未指定或未知 / reason is unspecified or unknown");
        return violations.Required("note", request.Note).MaxLength("note", request.Note, MaxNoteLength);
    }

    public static void AgencyCode(FieldViolations violations, string field, string code)
    {
        if (UnifiedSocialCreditCode.Validate(UnifiedSocialCreditCode.Normalize(code)) is { } error) violations.Add(field, error);
    }

    /// <summary>事项编码: letters, digits, '.', '_' and '-', as in the provincial catalogues.</summary>
    public static void ItemCode(FieldViolations violations, string field, string code)
    {
        if (string.IsNullOrWhiteSpace(code)) violations.Add(field, "必填 / required");
        else if (code.Length > MaxCodeLength || !CodePattern().IsMatch(code))
            violations.Add(field, $"事项编码只能包含字母、数字、点、下划线和连字符，至多 {MaxCodeLength} 位 / letters, digits, '.', '_', '-', at most {MaxCodeLength}");
    }

    static void Content(FieldViolations violations, PowerItemContent content)
    {
        ItemCode(violations, "content.item_code", content.ItemCode);
        violations.Required("content.name", content.Name).MaxLength("content.name", content.Name, MaxNameLength);
        var category = PowerItemNames.ToDomain(content.Category);
        if (category is null) violations.Add("content.category", "执法类别未指定或未知 / category is unspecified or unknown");
        var limitValid = TimeLimit(violations, "content.time_limit_working_days", content.TimeLimitWorkingDays, MaxTimeLimitWorkingDays);
        var overall = limitValid ? content.TimeLimitWorkingDays : MaxTimeLimitWorkingDays;
        LegalBases(violations, content);
        Steps(violations, content, overall, limitValid);
        RemedyChannels(violations, content);
        // 行政许可法 art. 30: a permit's conditions, time limit and list of materials must be publicised — the service guide.
        if (content.ServiceGuide is null)
        {
            if (category == DecisionCategory.Permit) violations.Add("content.service_guide", "行政许可事项须公开服务指南 / a permit needs a service guide");
        }
        else ServiceGuide(violations, content.ServiceGuide, overall);
    }

    /// <summary>118号: the legal basis (执法依据) of every power is disclosed — a power without one does not exist.</summary>
    static void LegalBases(FieldViolations violations, PowerItemContent content)
    {
        if (content.LegalBases.Count == 0) violations.Add("content.legal_bases", "至少一项执法依据 / at least one legal basis");
        for (var i = 0; i < content.LegalBases.Count; i++)
        {
            var basis = content.LegalBases[i];
            violations.Required($"content.legal_bases[{i}].law", basis.Law).MaxLength($"content.legal_bases[{i}].law", basis.Law, MaxNameLength);
            violations.Required($"content.legal_bases[{i}].article", basis.Article).MaxLength($"content.legal_bases[{i}].article", basis.Article, 100);
        }
    }

    /// <summary>118号: the enforcement flowchart (执法流程图) — at least one step; no step may take longer than the whole item.</summary>
    static void Steps(FieldViolations violations, PowerItemContent content, int overall, bool overallValid)
    {
        if (content.Steps.Count == 0) violations.Add("content.steps", "执法流程至少一个环节 / at least one procedure step");
        var stepsValid = true;
        for (var i = 0; i < content.Steps.Count; i++)
        {
            var step = content.Steps[i];
            violations.Required($"content.steps[{i}].name", step.Name).MaxLength($"content.steps[{i}].name", step.Name, 100);
            violations.Required($"content.steps[{i}].responsible", step.Responsible).MaxLength($"content.steps[{i}].responsible", step.Responsible, MaxNameLength);
            if (step.HasTimeLimitWorkingDays)
                stepsValid &= TimeLimit(violations, $"content.steps[{i}].time_limit_working_days", step.TimeLimitWorkingDays, overall);
        }
        var sum = content.Steps.Where(s => s.HasTimeLimitWorkingDays).Sum(s => (long)s.TimeLimitWorkingDays);
        if (overallValid && stepsValid && sum > overall)
            violations.Add("content.steps", $"各环节时限之和 {sum} 超过办理时限 {overall} / step time limits add up to more than the item's time limit");
    }

    /// <summary>118号: remedy channels (救济渠道) are part of the ex-ante disclosure.</summary>
    static void RemedyChannels(FieldViolations violations, PowerItemContent content)
    {
        if (content.RemedyChannels.Count == 0) violations.Add("content.remedy_channels", "至少公开一个救济渠道 / at least one remedy channel");
        for (var i = 0; i < content.RemedyChannels.Count; i++)
        {
            var channel = content.RemedyChannels[i];
            if (channel.Kind is not (RemedyKind.Reconsideration or RemedyKind.Litigation))
                violations.Add($"content.remedy_channels[{i}].kind", "救济渠道类别未指定或未知 / kind is unspecified or unknown");
            violations.Required($"content.remedy_channels[{i}].body", channel.Body).MaxLength($"content.remedy_channels[{i}].body", channel.Body, MaxNameLength);
            violations.MaxLength($"content.remedy_channels[{i}].contact", channel.Contact, MaxNameLength);
        }
    }

    /// <summary>服务指南 (118号; T2): accepting and approving body, conditions, time limit, materials, fee.</summary>
    static void ServiceGuide(FieldViolations violations, PowerItemServiceGuide guide, int overall)
    {
        const string prefix = "content.service_guide.";
        violations.Required(prefix + "accepting_body", guide.AcceptingBody).MaxLength(prefix + "accepting_body", guide.AcceptingBody, MaxNameLength);
        violations.Required(prefix + "approving_body", guide.ApprovingBody).MaxLength(prefix + "approving_body", guide.ApprovingBody, MaxNameLength);
        violations.Required(prefix + "conditions", guide.Conditions).MaxLength(prefix + "conditions", guide.Conditions, MaxTextLength);
        // The promised time limit (承诺时限) cannot exceed the statutory one (法定时限).
        TimeLimit(violations, prefix + "time_limit_working_days", guide.TimeLimitWorkingDays, overall);
        for (var i = 0; i < guide.Materials.Count; i++)
        {
            violations.Required($"{prefix}materials[{i}].name", guide.Materials[i].Name).MaxLength($"{prefix}materials[{i}].name", guide.Materials[i].Name, MaxNameLength);
            violations.MaxLength($"{prefix}materials[{i}].note", guide.Materials[i].Note, MaxNoteLength);
        }
        if (guide.FeeFen < 0) violations.Add(prefix + "fee_fen", "收费金额不得为负 / fee must not be negative");
        // 行政许可法 art. 58: no fee unless a law or administrative regulation provides one — the basis is disclosed with the fee.
        if (guide.FeeFen > 0) violations.Required(prefix + "fee_basis", guide.FeeBasis);
        violations.MaxLength(prefix + "fee_basis", guide.FeeBasis, MaxNoteLength).MaxLength(prefix + "contact", guide.Contact, MaxNoteLength);
    }

    static bool TimeLimit(FieldViolations violations, string field, int days, int max)
    {
        if (days >= 1 && days <= max) return true;
        violations.Add(field, $"时限应为 1 至 {max} 个工作日 / time limit must be 1 to {max} working days");
        return false;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex CodePattern();
}
