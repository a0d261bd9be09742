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

    // Service windows (政务服务窗口岗位信息公示, T3(3))
    public static readonly Rule ServiceWindowExists = new("service-window-exists", "T3(3) 政务服务窗口规范设置岗位信息公示牌",
        "本机关已有该编号的窗口 / the agency already has a window with this number");
    public static readonly Rule WindowStaffCertificateInvalid = new("window-staff-certificate-invalid", "《行政处罚法》第五十五条；T3(3)",
        "公示的执法证须为本机关有效的执法证，且为本人所持 / a certificate on the board must be a valid certificate of the same agency, held by the person named");

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

    // RecordingArchive (执法全过程记录): evidence uploads, case files, archiving (归档), retrieval (调阅)
    public static readonly Rule UploadOffsetMismatch = new("upload-offset-mismatch", "resumable upload (RecordingArchive)",
        "上传须从已保存的位置续传 / the upload must resume at the offset stored (ask GetUploadOffset)");
    public static readonly Rule UploadInProgress = new("upload-in-progress", "resumable upload (RecordingArchive)",
        "该上传正在另一连接中进行 / this upload is being sent on another stream");
    public static readonly Rule EvidenceHashMismatch = new("evidence-hash-mismatch", "DA/T 70 真实性、完整性",
        "文件的 SHA-256 与申报值不符，未保存 / the file's SHA-256 differs from the declared one; nothing was kept");
    public static readonly Rule EvidenceSizeMismatch = new("evidence-size-mismatch", "DA/T 70 完整性",
        "文件长度超过申报值，未保存 / the file is longer than declared; nothing was kept");
    public static readonly Rule EvidenceOtherAgency = new("evidence-other-agency", "《行政处罚法》第四十七条",
        "记录内容须为本执法主体上传的文件 / a record's content must be a file uploaded by the case's agency");
    public static readonly Rule CaseSealed = new("case-sealed", "《行政处罚法》第四十七条；DA/T 70",
        "案卷已归档，不能更改；更正须以新记录引用原记录 / the case file is sealed; a correction is a new record referencing the one it corrects");
    public static readonly Rule CaseStageOrder = new("case-stage-order", "《行政处罚法》第四十七条 (立案、调查取证、审核、决定、送达、执行)",
        "案件阶段只能向后推进 / a case moves only to a later stage");
    public static readonly Rule InvestigationTooFewOfficers = new("investigation-too-few-officers", "《行政处罚法》第四十二条",
        "调查取证须至少两名当日持有效执法证的执法人员 / an investigation needs at least two officers whose certificates were valid that day");
    public static readonly Rule CertificateNotValid = new("certificate-not-valid", "《行政处罚法》第五十五条",
        "出示的执法证当日无效或未登记 / the certificate shown was not valid that day or is not known");
    public static readonly Rule ArchiveMissingCaseOpeningApproval = new("archive-missing-case-opening-approval", "《行政处罚法》第五十四条；归档完整性 [local]",
        "缺少立案审批表 / the case-opening approval is missing");
    public static readonly Rule ArchiveMissingInvestigationRecord = new("archive-missing-investigation-record", "《行政处罚法》第四十二条、第四十七条；归档完整性 [local]",
        "缺少两名执法人员参与的调查记录 / an investigation record with two officers is missing");
    public static readonly Rule ArchiveMissingPenaltyNotice = new("archive-missing-penalty-notice", "《行政处罚法》第四十四条；归档完整性 [local]",
        "缺少行政处罚事先告知书 / the notice of the intended penalty is missing");
    public static readonly Rule ArchiveMissingStatementOrHearing = new("archive-missing-statement-or-hearing", "《行政处罚法》第四十五条、第六十三条；归档完整性 [local]",
        "缺少陈述申辩笔录或听证笔录 / the party's statement or the hearing record is missing");
    public static readonly Rule ArchiveMissingDecision = new("archive-missing-decision", "《行政处罚法》第五十九条；归档完整性 [local]",
        "缺少处罚决定书 / the decision is missing");
    public static readonly Rule ArchiveMissingProofOfService = new("archive-missing-proof-of-service", "《行政处罚法》第六十一条；归档完整性 [local]",
        "缺少送达回证 / the proof of service is missing");
    public static readonly Rule ArchiveMissingExecutionRecord = new("archive-missing-execution-record", "《行政处罚法》第四十七条；归档完整性 [local]",
        "缺少执行记录 / the execution record is missing");
    public static readonly Rule ArchiveMissingAudioVideo = new("archive-missing-audio-video", "《行政处罚法》第四十七条；国办发〔2018〕118号 (全过程音像记录)",
        "必须音像记录的执法活动缺少音像记录 / an activity that must be recorded on audio/video has no recording");
    public static readonly Rule RecordingDeviceUnknown = new("recording-device-unknown", "国办发〔2018〕118号 (执法记录仪管理)",
        "音像记录须注明本执法主体已登记的执法记录仪 / an audio-video record names a recording device registered for the agency");
    public static readonly Rule RetrievalRequired = new("retrieval-required", "国办发〔2018〕118号 (调阅监督)",
        "调阅其他单位或已归档案卷须经批准的调阅申请 / reading another agency's or an archived case needs an approved retrieval");
    public static readonly Rule RetrievalSelfApproval = new("retrieval-self-approval", "国办发〔2018〕118号 (调阅监督)",
        "调阅申请须由申请人以外的人批准 / a retrieval is approved by another person than the requester");
    public static readonly Rule RetrievalNotPending = new("retrieval-not-pending", "国办发〔2018〕118号 (调阅监督)",
        "该调阅申请已批准 / the retrieval is already approved");

    // Statistics (统计与监督): the event feed
    public static readonly Rule FeedCursorAhead = new("feed-cursor-ahead", "EVENTS.md: the event feed",
        "游标超出事件日志末尾 / the cursor is beyond the end of the event journal (a journal restored from an older backup?)");

    // Publicity, issue 12 (fair draws 双随机, withdrawals, publication approval)
    public static readonly Rule TargetRegisterEmpty = new("target-register-empty", "国发〔2015〕58号 (双随机: 检查对象名录库)",
        "该抽查事项的检查对象名录库为空 / the item's target register is empty");
    public static readonly Rule DrawRoundAlreadyDrawn = new("draw-round-already-drawn", "国发〔2015〕58号 (双随机、一公开)",
        "该批次已抽取；重新抽取须说明理由并公开 / the round was drawn; a redraw needs a published reason");
    public static readonly Rule RevocationNotRecorded = new("revocation-not-recorded", "《行政处罚法》第四十八条",
        "撤回须说明决定被撤销、变更、确认违法或无效的类别和日期 / a withdrawal needs the revocation's kind and date, given or recorded");
    public static readonly Rule RevocationAlreadyRecorded = new("revocation-already-recorded", "《行政处罚法》第四十八条",
        "该决定的撤销等情形已登记 / the decision's revocation is already recorded");
    public static readonly Rule PublicationApprovalRequired = new("publication-approval-required", "seed task T1(1) (公示内容的采集、传递、审核、发布职责)",
        "本机关的公开须经公开审核人审核：请提交审核 / the agency's publications need a publisher's approval: prepare it for approval");
    public static readonly Rule PublicationNotPrepared = new("publication-not-prepared", "seed task T1(1) (公示内容的采集、传递、审核、发布职责)",
        "该决定未提交公开审核 / the decision was not prepared for publication");
    public static readonly Rule PublicationSamePerson = new("publication-same-person", "seed task T1(1) (公示内容的采集、传递、审核、发布职责)",
        "提交公开的人员不能审核本人提交的内容 / the person who prepared the publication may not approve it");

    // Publicity, issue 12 (inspection results, officer qualifications, entrusted organisations)
    public static readonly Rule InspectionResultAlreadyCorrected = new("inspection-result-already-corrected", "国办发〔2018〕118号 (执法信息更正)",
        "该抽查结果已被更正；请更正最新的结果 / the result was already corrected: correct the latest one");
    public static readonly Rule EntrustingAgencyUnknown = new("entrusting-agency-unknown", "《行政处罚法》第二十条",
        "委托行政机关须为已登记的执法主体 / the entrusting agency must be a registered enforcement body");
    public static readonly Rule EntrustingAgencyIsEntrusted = new("entrusting-agency-is-entrusted", "《行政处罚法》第二十条第三款",
        "受委托组织不得再委托 / an entrusted organisation may not entrust another");
    public static readonly Rule EntrustedByAnotherAgency = new("entrusted-by-another-agency", "《行政处罚法》第二十条",
        "该组织已受其他行政机关委托 / the organisation is entrusted by another agency");
    public static readonly Rule EntrustedPowerItemUnknown = new("entrusted-power-item-unknown", "《行政处罚法》第二十条；国办发〔2018〕118号 (权责清单)",
        "委托事项须为委托机关权责清单中有效的事项 / an entrusted power item must be in force on the entrusting agency's power list");
    public static readonly Rule EntrustmentNotInForce = new("entrustment-not-in-force", "《行政处罚法》第二十条",
        "决定日期不在委托期限内 / no entrustment of the organisation is in force on the decision date");

    /// <summary>Every rule declared above.</summary>
    public static IReadOnlyList<Rule> All { get; } = typeof(RuleCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(Rule))
        .Select(f => (Rule)f.GetValue(null)!)
        .ToList();
}
