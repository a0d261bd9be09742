using Longshan.Contracts.Rules;
using static Longshan.RecordingArchive.Cases.CaseVocabulary;

namespace Longshan.RecordingArchive.Cases;

/// <summary>A record as completeness sees it.</summary>
/// <param name="ValidOfficers">How many officers with certificates valid that day took part (investigation records).</param>
/// <param name="Activity">The activity an audio/video record covers.</param>
public sealed record RecordFacts(string Kind, DateOnly OccurredOn, int ValidOfficers = 0, string? Activity = null);

/// <summary>A missing item: the rule it breaks and what it is about.</summary>
public sealed record MissingItem(Rule Rule, string Subject);

/// <summary>
/// 归档完整性 — whether a case file may be sealed, pure: every configured item that is missing is listed, each with
/// its rule id, so the agency sees the whole list at once. Items (DOMAIN.md defaults, [local] lists per agency):
/// </summary>
public static class CaseCompleteness
{
    public const string CaseOpeningApproval = "case-opening-approval";
    public const string InvestigationRecord = "investigation-record";
    public const string PenaltyNotice = "penalty-notice";
    public const string StatementOrHearing = "statement-or-hearing";
    public const string ReviewClearance = "review-clearance";
    public const string Decision = "decision";
    public const string ProofOfService = "proof-of-service";
    public const string ExecutionRecord = "execution-record";
    public const string AudioVideo = "audio-video";

    public static readonly IReadOnlyList<string> Items =
    [
        CaseOpeningApproval, InvestigationRecord, PenaltyNotice, StatementOrHearing, ReviewClearance, Decision, ProofOfService,
        ExecutionRecord, AudioVideo,
    ];

    /// <param name="items">The configured items for the case's category.</param>
    /// <param name="activities">The case's declared activities.</param>
    /// <param name="mandatoryRecording">Activities that must be recorded on audio/video.</param>
    /// <param name="isMajor">A major decision: its legal review must clear it.</param>
    /// <param name="clearanceRefusal">What <c>ReviewClearanceRule</c> said of the case's best clearance (null: cleared).</param>
    public static IReadOnlyList<MissingItem> Missing(
        IReadOnlyList<string> items, IReadOnlyCollection<RecordFacts> records, IReadOnlyCollection<string> activities,
        IReadOnlyCollection<string> mandatoryRecording, bool isMajor, Rule? clearanceRefusal)
    {
        var missing = new List<MissingItem>();
        bool Has(params string[] kinds) => records.Any(r => kinds.Contains(r.Kind));
        foreach (var item in items.Distinct())
        {
            switch (item)
            {
                case CaseOpeningApproval when !Has(Kinds.CaseOpeningApproval):
                    missing.Add(new(RuleCatalog.ArchiveMissingCaseOpeningApproval, Kinds.CaseOpeningApproval));
                    break;
                // 《行政处罚法》第四十二条: at least two officers take part in the investigation.
                case InvestigationRecord when !records.Any(r => IsInvestigationRecord(r.Kind) && r.ValidOfficers >= 2):
                    missing.Add(new(RuleCatalog.ArchiveMissingInvestigationRecord, Kinds.InquiryRecord));
                    break;
                // 《行政处罚法》第四十四条: notice of the intended penalty and of the party's rights.
                case PenaltyNotice when !Has(Kinds.PenaltyNotice):
                    missing.Add(new(RuleCatalog.ArchiveMissingPenaltyNotice, Kinds.PenaltyNotice));
                    break;
                // 第四十五条 陈述申辩 / 第六十三条 听证.
                case StatementOrHearing when !Has(Kinds.StatementRecord, Kinds.HearingRecord):
                    missing.Add(new(RuleCatalog.ArchiveMissingStatementOrHearing, Kinds.StatementRecord));
                    break;
                // 第五十八条: a major decision only on a passed legal review of this case.
                case ReviewClearance when isMajor && clearanceRefusal is not null:
                    missing.Add(new(clearanceRefusal, "legal-review"));
                    break;
                case Decision when !Has(Kinds.Decision):
                    missing.Add(new(RuleCatalog.ArchiveMissingDecision, Kinds.Decision));
                    break;
                // 第六十一条: 送达回证.
                case ProofOfService when !Has(Kinds.ProofOfService):
                    missing.Add(new(RuleCatalog.ArchiveMissingProofOfService, Kinds.ProofOfService));
                    break;
                case ExecutionRecord when !Has(Kinds.ExecutionRecord):
                    missing.Add(new(RuleCatalog.ArchiveMissingExecutionRecord, Kinds.ExecutionRecord));
                    break;
                case AudioVideo:
                    foreach (var activity in activities.Where(mandatoryRecording.Contains).Distinct().Order(StringComparer.Ordinal))
                        if (!records.Any(r => r.Kind == Kinds.AudioVideo && r.Activity == activity))
                            missing.Add(new(RuleCatalog.ArchiveMissingAudioVideo, activity));
                    break;
            }
        }

        return missing;
    }
}
