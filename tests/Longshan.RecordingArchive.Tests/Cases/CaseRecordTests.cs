using Grpc.Core;
using Longshan.Contracts.Archive.V1;
using Longshan.Contracts.Events.Publicity;
using Longshan.Platform.Calendar;
using Longshan.RecordingArchive.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Longshan.RecordingArchive.Tests.Support.Uploads;

namespace Longshan.RecordingArchive.Tests.Cases;

public sealed class CaseRecordTests(ArchiveApp app) : IClassFixture<ArchiveApp>
{
    [Fact]
    public async Task A_case_is_opened_under_its_normalised_number_and_the_same_number_typed_otherwise_is_taken()
    {
        var data = await CaseData.NewAsync(app);

        var opened = await data.OpenAsync("龙市监罚[２０２６] 42号");
        var again = await FailsAsync(() => data.OpenAsync("龙市监罚【2026】42号"));

        Assert.Equal("龙市监罚〔2026〕42号", opened.CaseNumber);
        Assert.Equal(("start", "open", "30-years"), (opened.Stage, opened.Status, opened.Retention));
        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM archive_log WHERE kind = 'case-opened' AND subject = @id", new { id = opened.CaseId }));
    }

    [Fact]
    public async Task A_case_of_an_agency_the_archive_does_not_know_is_refused()
    {
        var data = await CaseData.NewAsync(app);
        var request = data.OpenRequest();
        request.AgencyCode = CreditCodes.New();
        request.OfficerCertificates.Clear();

        var refused = await FailsAsync(async () => await data.Cases.OpenCaseAsync(request, TestTokens.Bearer(request.AgencyCode)));

        Assert.Equal("agency-not-registered", RuleOf(refused));
    }

    /// <summary>《行政处罚法》第四十二条: two officers whose certificates were valid that day — on the last valid day yes, the day after no.</summary>
    [Fact]
    public async Task An_investigation_needs_two_officers_with_certificates_valid_that_day()
    {
        var agency = await app.RegisterAgencyAsync();
        var lastDay = app.Today.AddDays(-10);
        var a = await app.CertifyOfficerAsync(agency, app.Today.AddYears(-2), app.Today.AddYears(1));
        var b = await app.CertifyOfficerAsync(agency, app.Today.AddYears(-2), lastDay);
        var data = new CaseData(app, agency, a.Certificate, b.Certificate);
        var caseFile = await data.OpenAsync();

        AdvanceStageRequest Advance(DateOnly day) => new() { RequestId = Guid.NewGuid().ToString(), CaseId = caseFile.CaseId, Stage = "investigation", OnDate = CountyTime.Format(day) };
        var dayAfter = await FailsAsync(async () => await data.Cases.AdvanceStageAsync(Advance(lastDay.AddDays(1)), data.Token));
        var inquiryDayAfter = await data.RecordRequestAsync(caseFile.CaseId, "inquiry-record", CountyTime.Format(lastDay.AddDays(1)));
        var refusedRecord = await FailsAsync(async () => await data.Cases.AddRecordAsync(inquiryDayAfter, data.Token));
        var inquiryLastDay = await data.RecordRequestAsync(caseFile.CaseId, "inquiry-record", CountyTime.Format(lastDay));
        var record = (await data.Cases.AddRecordAsync(inquiryLastDay, data.Token)).Record;
        var advanced = (await data.Cases.AdvanceStageAsync(Advance(lastDay), data.Token)).CaseFile;
        var backwards = await FailsAsync(async () => await data.Cases.AdvanceStageAsync(
            new AdvanceStageRequest { RequestId = Guid.NewGuid().ToString(), CaseId = caseFile.CaseId, Stage = "start", OnDate = data.Today }, data.Token));

        Assert.Equal("investigation-too-few-officers", RuleOf(dayAfter));
        Assert.Equal("investigation-too-few-officers", RuleOf(refusedRecord));
        Assert.Equal([a.Certificate, b.Certificate], record.OfficerCertificates);
        Assert.Equal("investigation", advanced.Stage);
        Assert.Equal("case-stage-order", RuleOf(backwards));
    }

    /// <summary>A suspension (暂扣) learned from Publicity's event counts from its day on, not before.</summary>
    [Fact]
    public async Task A_certificate_suspended_today_was_valid_yesterday_and_is_refused_when_shown_today()
    {
        var agency = await app.RegisterAgencyAsync();
        var a = await app.CertifyOfficerAsync(agency, app.Today.AddYears(-1), app.Today.AddYears(1));
        var b = await app.CertifyOfficerAsync(agency, app.Today.AddYears(-1), app.Today.AddYears(1));
        var data = new CaseData(app, agency, a.Certificate, b.Certificate);
        var caseFile = await data.OpenAsync();
        await app.PublishAsAsync("publicity", new OfficerCertificateChanged
        {
            EventId = Guid.NewGuid(), OccurredAt = app.Clock.GetUtcNow(), AgencyCode = agency, OfficerId = a.OfficerId, Version = 2,
            CertificateNumber = a.Certificate, Change = "suspended", Status = "suspended", Reason = "涉嫌违纪",
            ValidFrom = app.Today.AddYears(-1), ValidTo = app.Today.AddYears(1),
        });
        await Eventually.HoldsAsync(async () => await app.CountAsync("SELECT COUNT(*) FROM certificate_versions WHERE officer_id = @id", new { id = a.OfficerId }) == 2,
            "the suspension is known");
        RecordInProcessRequest Shown(DateOnly day) => new()
        {
            RequestId = Guid.NewGuid().ToString(), CaseId = caseFile.CaseId, OccurredOn = CountyTime.Format(day), CertificatesShown = { a.Certificate },
            RightsExplained = { "陈述、申辩权" },
        };

        var yesterday = (await data.Cases.RecordInProcessAsync(Shown(app.Today.AddDays(-1)), data.Token)).Record;
        var today = await FailsAsync(async () => await data.Cases.RecordInProcessAsync(Shown(app.Today), data.Token));

        Assert.Equal([a.Certificate], yesterday.CertificatesShown);
        Assert.Equal("certificate-not-valid", RuleOf(today));
    }

    [Fact]
    public async Task In_process_records_name_the_certificates_shown_and_the_rights_explained_with_the_author_from_the_token()
    {
        var data = await CaseData.NewAsync(app);
        var stranger = await app.CertifyOfficerAsync(await app.RegisterAgencyAsync("龙山县城市管理和综合执法局"), app.Today.AddYears(-1), app.Today.AddYears(1));
        var expired = await app.CertifyOfficerAsync(data.Agency, app.Today.AddYears(-3), app.Today.AddDays(-1));
        var caseFile = await data.OpenAsync();
        RecordInProcessRequest Shown(params string[] certificates) => new()
        {
            RequestId = Guid.NewGuid().ToString(), CaseId = caseFile.CaseId, OccurredOn = data.Today, CertificatesShown = { certificates },
            RightsExplained = { "陈述、申辩权", "申请回避权" },
        };

        var record = (await data.Cases.RecordInProcessAsync(Shown(data.OfficerA, data.OfficerB), data.Token)).Record;
        var expiredShown = await FailsAsync(async () => await data.Cases.RecordInProcessAsync(Shown(data.OfficerA, expired.Certificate), data.Token));
        var otherAgency = await FailsAsync(async () => await data.Cases.RecordInProcessAsync(Shown(stranger.Certificate), data.Token));
        var unknown = await FailsAsync(async () => await data.Cases.RecordInProcessAsync(Shown("4300000000000"), data.Token));

        Assert.Equal(("in-process", data.Person.Subject, "王五"), (record.Kind, record.Author, record.AuthorName));
        Assert.Equal([data.OfficerA, data.OfficerB], record.CertificatesShown);
        Assert.Equal(["陈述、申辩权", "申请回避权"], record.RightsExplained);
        Assert.Equal("certificate-not-valid", RuleOf(expiredShown));
        Assert.Equal(expired.Certificate, expiredShown.GetRpcStatus()!.GetDetail<Google.Rpc.PreconditionFailure>().Violations[0].Subject);
        Assert.Equal("certificate-not-valid", RuleOf(otherAgency));
        Assert.Equal("certificate-not-valid", RuleOf(unknown));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM case_records WHERE case_id = @id", new { id = caseFile.CaseId }));
    }

    [Fact]
    public async Task A_record_holds_a_file_of_its_own_agency_and_is_logged_with_the_author()
    {
        var data = await CaseData.NewAsync(app);
        var other = await CaseData.NewAsync(app);
        var caseFile = await data.OpenAsync();
        var foreign = await data.RecordRequestAsync(caseFile.CaseId, "decision");
        foreign.EvidenceId = await other.FileAsync("其他单位的文件");

        var record = await data.AddAsync(caseFile.CaseId, "penalty-notice");
        var refused = await FailsAsync(async () => await data.Cases.AddRecordAsync(foreign, data.Token));
        var video = await data.AddVideoAsync(caseFile.CaseId, "sealing-seizure");

        Assert.Equal(64, record.EvidenceSha256.Length);
        Assert.Equal("evidence-other-agency", RuleOf(refused));
        Assert.Equal(("sealing-seizure", "更换电池"), (video.AudioVideo.Activity, video.AudioVideo.Interruptions[0].Reason));
        Assert.StartsWith("ZFJLY-", video.AudioVideo.DeviceId);
        Assert.Equal(2, await app.CountAsync("SELECT COUNT(*) FROM archive_log WHERE kind = 'record' AND recorded_by = @by", new { by = data.Person.Subject }));
    }

    /// <summary>T7(1): recordings name a device registered for the agency; an interruption needs its reason.</summary>
    [Fact]
    public async Task An_audio_video_record_names_a_device_of_its_agency_and_the_reason_of_every_interruption()
    {
        var data = await CaseData.NewAsync(app);
        var other = await CaseData.NewAsync(app);
        var caseFile = await data.OpenAsync();
        var own = await data.DeviceAsync("ZFJLY-0042");
        var foreign = await other.DeviceAsync("ZFJLY-0043");

        var again = await FailsAsync(() => data.DeviceAsync("ZFJLY-0042"));
        var unknown = await FailsAsync(async () => await data.Cases.AddRecordAsync(await data.VideoRequestAsync(caseFile.CaseId, "sealing-seizure", "ZFJLY-9999"), data.Token));
        var othersDevice = await FailsAsync(async () => await data.Cases.AddRecordAsync(await data.VideoRequestAsync(caseFile.CaseId, "sealing-seizure", foreign), data.Token));
        var unexplained = await data.VideoRequestAsync(caseFile.CaseId, "sealing-seizure", own);
        unexplained.AudioVideo.Interruptions[0].Reason = " ";
        var noReason = await FailsAsync(async () => await data.Cases.AddRecordAsync(unexplained, data.Token));
        var recorded = (await data.Cases.AddRecordAsync(await data.VideoRequestAsync(caseFile.CaseId, "forced-demolition", own), data.Token)).Record;

        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);
        Assert.Equal("recording-device-unknown", RuleOf(unknown));
        Assert.Equal("recording-device-unknown", RuleOf(othersDevice));
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Equal(("ZFJLY-0042", "forced-demolition", "龙山县民安街道"), (recorded.AudioVideo.DeviceId, recorded.AudioVideo.Activity, recorded.AudioVideo.Place));
    }

    [Fact]
    public async Task An_agency_lists_only_its_own_cases()
    {
        var data = await CaseData.NewAsync(app);
        var other = await CaseData.NewAsync(app);
        var mine = await data.OpenAsync();
        await other.OpenAsync();

        var listed = await data.Cases.ListCasesAsync(new ListCasesRequest(), data.Token);

        Assert.Equal([mine.CaseId], listed.Cases.Select(c => c.CaseId));
    }
}
