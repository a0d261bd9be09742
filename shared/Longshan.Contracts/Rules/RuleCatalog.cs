using System.Reflection;

namespace Longshan.Contracts.Rules;

/// <summary>Every rule id the platform can answer with, in one place. Never rename an id: clients match on it.</summary>
public static class RuleCatalog
{
    // Platform-wide
    public static readonly Rule RequestIdReused = new("request-id-reused", "DESIGN.md: idempotent create/submit",
        "同一 request_id 已用于内容不同的请求 / the request_id was already used for a different request");
    public static readonly Rule ConcurrentChange = new("concurrent-change", "transactional state changes",
        "记录已被同时修改，请重新读取后再试 / the record changed meanwhile; read it again and retry");
    public static readonly Rule AgencyNotRegistered = new("agency-not-registered", "国办发〔2018〕118号 (执法主体公示)",
        "执法主体须先登记 / the enforcement body must be registered first");
    public static readonly Rule CalendarYearMissing = new("calendar-year-missing", "《行政处罚法》第八十五条",
        "缺少该年度节假日安排，无法计算工作日 / working days need the year's holiday arrangement");

    // Officers and certificates (执法证)
    public static readonly Rule CertificateRevocationIsFinal = new("certificate-revocation-is-final", "行政执法证件管理",
        "执法证已吊销，不能再变更 / a revoked certificate cannot change");
    public static readonly Rule CertificateAlreadySuspended = new("certificate-already-suspended", "行政执法证件管理",
        "执法证已暂扣 / the certificate is already suspended");
    public static readonly Rule CertificateNotSuspended = new("certificate-not-suspended", "行政执法证件管理",
        "执法证未被暂扣，无需恢复 / only a suspended certificate can be reinstated");

    // Power list (权责清单)
    public static readonly Rule PowerItemWithdrawn = new("power-item-withdrawn", "国办发〔2018〕118号",
        "已废止的事项只保留为历史 / a withdrawn item stays history");

    // Random inspections (双随机、一公开)
    public static readonly Rule TooFewOfficers = new("too-few-officers", "《行政处罚法》第四十二条",
        "每个检查对象至少需要两名持有效执法证的执法人员 / at least two officers with valid certificates per target");

    // Decisions (行政执法决定)
    public static readonly Rule DecisionNotPublishable = new("decision-not-publishable", "《行政处罚法》第五十条；《未成年人保护法》第一百零三条",
        "该决定不予公开 / the decision may not be published");
    public static readonly Rule DecisionStatus = new("decision-status", "decision lifecycle: registered → published → withdrawn",
        "决定当前状态不允许该操作 / the decision's status does not allow this step");

    // Legal review clearance (法制审核), APL art. 58: one case, one agency, on or before the decision date
    public static readonly Rule ReviewClearanceMissing = new("review-clearance-missing", "《行政处罚法》第五十八条",
        "重大执法决定须有通过的法制审核 / a major decision needs a passed legal review");
    public static readonly Rule ReviewClearanceNotPassed = new("review-clearance-not-passed", "《行政处罚法》第五十八条",
        "法制审核未通过 / the legal review did not pass");
    public static readonly Rule ReviewClearanceOtherAgency = new("review-clearance-other-agency", "《行政处罚法》第五十八条",
        "法制审核属于其他执法主体 / the legal review belongs to another agency");
    public static readonly Rule ReviewClearanceOtherCase = new("review-clearance-other-case", "《行政处罚法》第五十八条",
        "法制审核针对的是其他案件 / the legal review is of another case");
    public static readonly Rule ReviewClearanceAfterDecision = new("review-clearance-after-decision", "《行政处罚法》第五十八条",
        "法制审核完成于决定日期之后 / the legal review was completed after the decision date");
    public static readonly Rule ReviewClearanceOtherDraft = new("review-clearance-other-draft", "《行政处罚法》第五十八条",
        "法制审核通过的文本与决定文本不一致 / the legal review cleared a different text");

    // Publicity, issue 12 (fair draws 双随机, withdrawals, publication approval)
    public static readonly Rule TargetRegisterEmpty = new("target-register-empty", "国发〔2015〕58号 (双随机: 检查对象名录库)",
        "该抽查事项的检查对象名录库为空 / the item's target register is empty");
    public static readonly Rule DrawRoundAlreadyDrawn = new("draw-round-already-drawn", "国发〔2015〕58号 (双随机、一公开)",
        "该批次已抽取；重新抽取须说明理由并公开 / the round was drawn; a redraw needs a published reason");
    public static readonly Rule RevocationNotRecorded = new("revocation-not-recorded", "《行政处罚法》第四十八条",
        "撤回须说明决定被撤销、变更、确认违法或无效的类别和日期 / a withdrawal needs the revocation's kind and date, given or recorded");
    public static readonly Rule RevocationAlreadyRecorded = new("revocation-already-recorded", "《行政处罚法》第四十八条",
        "该决定的撤销等情形已登记 / the decision's revocation is already recorded");

    /// <summary>Every rule declared above.</summary>
    public static IReadOnlyList<Rule> All { get; } = typeof(RuleCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(Rule))
        .Select(f => (Rule)f.GetValue(null)!)
        .ToList();
}
