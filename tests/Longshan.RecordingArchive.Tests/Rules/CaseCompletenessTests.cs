using Longshan.Contracts.Rules;
using Longshan.RecordingArchive.Cases;

namespace Longshan.RecordingArchive.Tests.Rules;

public sealed class CaseCompletenessTests
{
    static readonly DateOnly Day = new(2026, 11, 20);
    static readonly ArchivePolicy Defaults = new ArchiveOptions().For("11433130MB0000001X");

    static IReadOnlyList<string> Missing(IReadOnlyList<RecordFacts> records, string[] activities, bool isMajor = false, Rule? clearance = null, ArchivePolicy? policy = null)
    {
        policy ??= Defaults;
        return CaseCompleteness.Missing(policy.ItemsFor("penalty"), records, activities, policy.MandatoryRecording.ToList(), isMajor, clearance)
            .Select(m => m.Rule.Id + (m.Rule == RuleCatalog.ArchiveMissingAudioVideo ? ":" + m.Subject : "")).ToList();
    }

    static readonly RecordFacts[] Complete =
    [
        new("case-opening-approval", Day), new("inquiry-record", Day, 2), new("penalty-notice", Day), new("hearing-record", Day),
        new("decision", Day), new("proof-of-service", Day), new("execution-record", Day),
    ];

    [Fact]
    public void A_complete_penalty_case_misses_nothing_and_a_hearing_record_stands_for_the_statement() =>
        Assert.Empty(Missing(Complete, ["on-site-inspection"]));

    [Fact]
    public void An_investigation_record_counts_only_with_two_officers()
    {
        var one = Complete.Select(r => r.Kind == "inquiry-record" ? r with { ValidOfficers = 1 } : r).ToList();
        Assert.Equal(["archive-missing-investigation-record"], Missing(one, []));
    }

    [Fact]
    public void Every_mandatory_activity_needs_its_own_recording_and_other_activities_none()
    {
        var records = Complete.Append(new RecordFacts("audio-video", Day, Activity: "sealing-seizure")).ToList();

        Assert.Equal(["archive-missing-audio-video:forced-demolition"], Missing(records, ["sealing-seizure", "forced-demolition", "inquiry"]));
    }

    [Fact]
    public void A_major_decision_reports_the_clearance_rule_and_a_minor_one_ignores_it()
    {
        Assert.Equal(["review-clearance-other-agency"], Missing(Complete, [], isMajor: true, RuleCatalog.ReviewClearanceOtherAgency));
        Assert.Empty(Missing(Complete, [], isMajor: true, clearance: null));
        Assert.Empty(Missing(Complete, [], isMajor: false, RuleCatalog.ReviewClearanceMissing));
    }

    [Fact]
    public void An_agency_configures_its_own_list_activities_retention_and_approval_over_the_county_defaults()
    {
        var options = new ArchiveOptions
        {
            DefaultRetention = "permanent",
            MandatoryRecording = ["sealing-seizure"],
            Agencies = { ["11433130MB0000002X"] = new ArchiveOptions { Completeness = { ["penalty"] = ["decision"] }, MandatoryRecording = ["lodged-service"], RetrievalNeedsApproval = false } },
        };
        var own = options.For("11433130MB0000002X");
        var county = options.For("11433130MB0000003X");

        Assert.Equal(["decision"], own.ItemsFor("penalty"));
        Assert.Equal(["lodged-service"], own.MandatoryRecording);
        Assert.Equal(("permanent", false), (own.DefaultRetention, own.RetrievalNeedsApproval));
        Assert.Equal(CaseCompleteness.Items, county.ItemsFor("penalty"));
        Assert.Equal(["review-clearance", "decision", "proof-of-service", "audio-video"], county.ItemsFor("permit"));
        Assert.Equal(("permanent", true), (county.DefaultRetention, county.RetrievalNeedsApproval));
        Assert.Equal(["archive-missing-decision"], Missing([], ["sealing-seizure"], policy: own));
    }

    [Fact]
    public void An_empty_case_misses_every_default_item_in_order()
    {
        Assert.Equal(
            ["archive-missing-case-opening-approval", "archive-missing-investigation-record", "archive-missing-penalty-notice",
             "archive-missing-statement-or-hearing", "review-clearance-missing", "archive-missing-decision", "archive-missing-proof-of-service",
             "archive-missing-execution-record", "archive-missing-audio-video:coercive-execution"],
            Missing([], ["coercive-execution"], isMajor: true, RuleCatalog.ReviewClearanceMissing));
    }
}
