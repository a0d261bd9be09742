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

    // ---- LegalReview (法制审核 workflow, roster; 《行政处罚法》第五十七、五十八条; T10–T15) ----
    public static readonly Rule ReviewStatus = new("review-status", "法制审核流程: submitted → accepted → under-review → opinion (T10–T15)",
        "审核申请当前状态不允许该操作 / the review request's status does not allow this step");
    public static readonly Rule ReviewNotAssigned = new("review-not-assigned", "《行政处罚法》第五十八条；T13",
        "只有被指派的审核人员可以记录审核结论和意见 / only the assigned reviewer may record findings and the opinion");
    public static readonly Rule ReviewerNotOnRoster = new("reviewer-not-on-roster", "国办发〔2018〕118号；T11",
        "该人员不在本机关法制审核人员名册中 / the person is not on the agency's reviewer roster");
    public static readonly Rule ReviewerNotQualified = new("reviewer-not-qualified", "《行政处罚法》第五十八条第二款",
        "初次从事法制审核的人员须取得国家统一法律职业资格 / a first-time reviewer must hold the legal professional qualification");
    public static readonly Rule ReviewerIsHandler = new("reviewer-is-handler", "国办发〔2018〕118号 (审核与办案相分离)",
        "本案承办人员不得审核本案 / an officer responsible for the case may not review it");
    public static readonly Rule ReviewChecksIncomplete = new("review-checks-incomplete", "国办发〔2018〕118号；T13",
        "各审核事项均有结论后方可出具审核意见 / every check needs a finding before the opinion");
    public static readonly Rule ReviewAmendmentMissing = new("review-amendment-missing", "国办发〔2018〕118号 (修改后同意)",
        "“修改后同意”须针对审核期间修改后的文本 / approve-after-amendment needs a version amended during the review");
    public static readonly Rule ReviewExtensionNotAllowed = new("review-extension-not-allowed", "审核时限 [local]: 复杂案件可延长一次",
        "仅复杂案件可延长审核期限，且只能延长一次 / only a complex case's time limit may be extended, once");

    /// <summary>Every rule declared above.</summary>
    public static IReadOnlyList<Rule> All { get; } = typeof(RuleCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(Rule))
        .Select(f => (Rule)f.GetValue(null)!)
        .ToList();
}
