namespace Longshan.RecordingArchive.Cases;

/// <summary>The words of case files, as stored and as sent (kebab-case).</summary>
public static class CaseVocabulary
{
    /// <summary>Categories of enforcement acts (as Publicity's decisions).</summary>
    public static readonly IReadOnlySet<string> Categories = new HashSet<string>(StringComparer.Ordinal)
    {
        "permit", "penalty", "coercion", "levy", "requisition", "inspection", "payment", "confirmation", "award", "ruling", "other",
    };

    public static readonly IReadOnlySet<string> PartyKinds = new HashSet<string>(StringComparer.Ordinal) { "natural-person", "organisation" };

    /// <summary>
    /// 《行政处罚法》第四十七条: the start (立案), investigation (调查取证), review (审核), decision (决定), service (送达) and
    /// execution (执行) of a case are recorded — in this order.
    /// </summary>
    public static readonly string[] Stages = ["start", "investigation", "review", "decision", "service", "execution"];

    public const string Investigation = "investigation";

    public static int StageIndex(string stage) => Array.IndexOf(Stages, stage);

    /// <summary>Text records (DOMAIN.md): enforcement documents, evidence documents, expert opinions, internal approval forms, proofs of service.</summary>
    public static class Kinds
    {
        public const string CaseOpeningApproval = "case-opening-approval";   // 立案审批表
        public const string InquiryRecord = "inquiry-record";                // 询问笔录
        public const string InspectionRecord = "inspection-record";          // 现场检查（勘验）笔录
        public const string EvidenceDocument = "evidence-document";          // 证据材料
        public const string ExpertOpinion = "expert-opinion";                // 鉴定意见
        public const string ApprovalForm = "approval-form";                  // 内部审批表
        public const string PenaltyNotice = "penalty-notice";                // 行政处罚事先告知书
        public const string StatementRecord = "statement-record";            // 陈述申辩笔录
        public const string HearingRecord = "hearing-record";                // 听证笔录
        public const string Decision = "decision";                           // 行政处罚决定书
        public const string ProofOfService = "proof-of-service";             // 送达回证
        public const string ExecutionRecord = "execution-record";            // 执行记录
        public const string AudioVideo = "audio-video";                      // 音像记录
        public const string Correction = "correction";                       // 更正记录（引用原记录）
        public const string InProcess = "in-process";                        // 出示证件、告知权利义务 (T3(2))
    }

    public static readonly IReadOnlySet<string> RecordKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        Kinds.CaseOpeningApproval, Kinds.InquiryRecord, Kinds.InspectionRecord, Kinds.EvidenceDocument, Kinds.ExpertOpinion,
        Kinds.ApprovalForm, Kinds.PenaltyNotice, Kinds.StatementRecord, Kinds.HearingRecord, Kinds.Decision, Kinds.ProofOfService,
        Kinds.ExecutionRecord, Kinds.AudioVideo, Kinds.Correction,
    };

    /// <summary>Records of the investigation: at least two officers take part (《行政处罚法》第四十二条).</summary>
    public static bool IsInvestigationRecord(string kind) => kind is Kinds.InquiryRecord or Kinds.InspectionRecord;

    /// <summary>Activities an agency may declare on a case; which must be recorded on audio/video is configuration.</summary>
    public static readonly IReadOnlySet<string> Activities = new HashSet<string>(StringComparer.Ordinal)
    {
        "sealing-seizure", "forced-demolition", "coercive-execution", "on-site-inspection", "inquiry", "hearing",
        "lodged-service", "service-by-announcement", "sampling", "other",
    };

    /// <summary>Retention classes of a case file (DOMAIN.md, [local]).</summary>
    public static readonly IReadOnlySet<string> RetentionClasses = new HashSet<string>(StringComparer.Ordinal) { "permanent", "30-years", "10-years" };

    public const string Open = "open";
    public const string Archived = "archived";
}
