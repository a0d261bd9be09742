using Grpc.Core;
using Longshan.Contracts.Archive.V1;
using Longshan.Platform.Identity;
using Longshan.RecordingArchive.Tests.Support;
using static Longshan.RecordingArchive.Tests.Support.Uploads;

namespace Longshan.RecordingArchive.Tests.Retrievals;

public sealed class RetrievalTests(ArchiveApp app) : IClassFixture<ArchiveApp>
{
    readonly RetrievalService.RetrievalServiceClient retrievals = new(app.Channel);

    static Metadata PersonOf(string agency, string subject) => TestTokens.Bearer(new TestPerson(subject, subject), agency, Roles.Officer);

    [Fact]
    public async Task Another_agency_reads_a_case_only_through_a_retrieval_approved_by_a_second_person_of_the_owner_and_every_read_is_logged()
    {
        var owner = await CaseData.NewAsync(app);
        var caseFile = await owner.OpenAsync();
        var decision = await owner.AddAsync(caseFile.CaseId, "decision");
        var reader = await app.RegisterAgencyAsync("龙山县司法局执法监督科");
        var readerToken = PersonOf(reader, "supervisor:zhao");

        var without = await FailsAsync(async () => await owner.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseFile.CaseId }, readerToken));
        var requested = (await retrievals.RequestRetrievalAsync(
            new RequestRetrievalRequest { RequestId = Guid.NewGuid().ToString(), CaseId = caseFile.CaseId, Reason = "执法监督抽查案卷" }, readerToken)).Retrieval;
        var pending = await FailsAsync(async () => await owner.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseFile.CaseId, RetrievalId = requested.RetrievalId }, readerToken));
        var byReaderAgency = await FailsAsync(async () => await retrievals.ApproveRetrievalAsync(
            new ApproveRetrievalRequest { RequestId = Guid.NewGuid().ToString(), RetrievalId = requested.RetrievalId }, PersonOf(reader, "supervisor:qian")));
        var approved = (await retrievals.ApproveRetrievalAsync(
            new ApproveRetrievalRequest { RequestId = Guid.NewGuid().ToString(), RetrievalId = requested.RetrievalId }, PersonOf(owner.Agency, "chief:sun"))).Retrieval;
        var othersRetrieval = await FailsAsync(async () => await owner.Cases.GetCaseAsync(
            new GetCaseRequest { CaseId = caseFile.CaseId, RetrievalId = requested.RetrievalId }, PersonOf(reader, "supervisor:qian")));

        var read = (await owner.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseFile.CaseId, RetrievalId = requested.RetrievalId }, readerToken)).CaseFile;
        var (file, copy) = await DownloadAsync(new EvidenceService.EvidenceServiceClient(app.Channel), readerToken, decision.EvidenceId, requested.RetrievalId);
        File.Delete(copy);

        Assert.Equal("retrieval-required", RuleOf(without));
        Assert.Equal("pending", requested.Status);
        Assert.Equal("retrieval-required", RuleOf(pending));
        Assert.Equal(StatusCode.PermissionDenied, byReaderAgency.StatusCode);
        Assert.Equal(("approved", "chief:sun"), (approved.Status, approved.ApprovedBy));
        Assert.Equal("retrieval-required", RuleOf(othersRetrieval));
        Assert.Equal([decision.RecordId], read.Records.Select(r => r.RecordId));
        Assert.Equal(decision.EvidenceSha256, file.Sha256);
        Assert.Equal(2, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'RecordRetrieved' AND body LIKE @id", new { id = $"%{requested.RetrievalId}%" }));

        var today = owner.Today;
        var report = await retrievals.ReportRetrievalsAsync(new ReportRetrievalsRequest { AgencyCode = owner.Agency, From = today, To = today }, owner.Token);
        var readerReport = await FailsAsync(async () => await retrievals.ReportRetrievalsAsync(new ReportRetrievalsRequest { AgencyCode = owner.Agency, From = today, To = today }, readerToken));
        var countyReport = await retrievals.ReportRetrievalsAsync(new ReportRetrievalsRequest { AgencyCode = owner.Agency, From = today, To = today },
            TestTokens.Bearer(reader, Roles.CountyAdmin));

        Assert.Equal(["case", $"evidence:{decision.EvidenceId}"], report.Reads.Select(r => r.Target));
        Assert.All(report.Reads, r => Assert.Equal(("supervisor:zhao", reader, "执法监督抽查案卷", "chief:sun", caseFile.CaseNumber),
            (r.ReadBy, r.ReaderAgency, r.Reason, r.ApprovedBy, r.CaseNumber)));
        Assert.Equal(StatusCode.PermissionDenied, readerReport.StatusCode);
        Assert.Equal(2, countyReport.Reads.Count);
        var yesterday = Longshan.Platform.Calendar.CountyTime.Format(app.Today.AddDays(-1));
        Assert.Empty((await retrievals.ReportRetrievalsAsync(new ReportRetrievalsRequest { AgencyCode = owner.Agency, From = yesterday, To = yesterday }, owner.Token)).Reads);
    }

    [Fact]
    public async Task The_requester_cannot_approve_their_own_retrieval()
    {
        var owner = await CaseData.NewAsync(app);
        var caseFile = await owner.OpenAsync();
        var requested = (await retrievals.RequestRetrievalAsync(
            new RequestRetrievalRequest { RequestId = Guid.NewGuid().ToString(), CaseId = caseFile.CaseId, Reason = "复核" }, owner.Token)).Retrieval;

        var self = await FailsAsync(async () => await retrievals.ApproveRetrievalAsync(
            new ApproveRetrievalRequest { RequestId = Guid.NewGuid().ToString(), RetrievalId = requested.RetrievalId }, owner.Token));
        await retrievals.ApproveRetrievalAsync(new ApproveRetrievalRequest { RequestId = Guid.NewGuid().ToString(), RetrievalId = requested.RetrievalId }, PersonOf(owner.Agency, "chief:a"));
        var twice = await FailsAsync(async () => await retrievals.ApproveRetrievalAsync(
            new ApproveRetrievalRequest { RequestId = Guid.NewGuid().ToString(), RetrievalId = requested.RetrievalId }, PersonOf(owner.Agency, "chief:b")));

        Assert.Equal("retrieval-self-approval", RuleOf(self));
        Assert.Equal("retrieval-not-pending", RuleOf(twice));
    }

    [Fact]
    public async Task An_archived_case_is_read_by_its_own_agency_only_through_a_retrieval()
    {
        var owner = await CaseData.NewAsync(app);
        var caseFile = await owner.OpenAsync();
        var decision = await owner.AddAsync(caseFile.CaseId, "decision");
        var beforeSealing = await owner.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseFile.CaseId }, owner.Token);
        await owner.CompletePenaltyAsync(caseFile.CaseId);
        await owner.Cases.ArchiveCaseAsync(owner.ArchiveRequest(caseFile.CaseId), owner.Token);

        var afterSealing = await FailsAsync(async () => await owner.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseFile.CaseId }, owner.Token));
        var fileAfterSealing = await FailsAsync(() => DownloadAsync(new EvidenceService.EvidenceServiceClient(app.Channel), owner.Token, decision.EvidenceId));

        Assert.Equal("open", beforeSealing.CaseFile.Status);
        Assert.Equal("retrieval-required", RuleOf(afterSealing));
        Assert.Equal("retrieval-required", RuleOf(fileAfterSealing));
    }
}

/// <summary>An agency configured to need no approval: its retrievals are approved when requested, still logged.</summary>
public sealed class RetrievalConfigurationTests(ConfiguredArchiveApp app) : IClassFixture<ConfiguredArchiveApp>
{
    [Fact]
    public async Task An_agency_that_needs_no_approval_gets_its_retrieval_at_once_and_its_own_completeness_list_and_retention()
    {
        await app.RegisterAgencyAsync("龙山县林业局", ConfiguredArchiveApp.RelaxedAgency);
        var a = await app.CertifyOfficerAsync(ConfiguredArchiveApp.RelaxedAgency, app.Today.AddYears(-1), app.Today.AddYears(1));
        var b = await app.CertifyOfficerAsync(ConfiguredArchiveApp.RelaxedAgency, app.Today.AddYears(-1), app.Today.AddYears(1));
        var owner = new CaseData(app, ConfiguredArchiveApp.RelaxedAgency, a.Certificate, b.Certificate);
        var caseFile = await owner.OpenAsync();
        var onlyDecision = await owner.AddAsync(caseFile.CaseId, "decision");
        var refused = await FailsAsync(async () => await owner.Cases.ArchiveCaseAsync(owner.ArchiveRequest(caseFile.CaseId), owner.Token));
        await owner.AddAsync(caseFile.CaseId, "proof-of-service");

        var sealedCase = (await owner.Cases.ArchiveCaseAsync(owner.ArchiveRequest(caseFile.CaseId), owner.Token)).CaseFile;
        var retrieval = (await new RetrievalService.RetrievalServiceClient(app.Channel).RequestRetrievalAsync(
            new RequestRetrievalRequest { RequestId = Guid.NewGuid().ToString(), CaseId = caseFile.CaseId, Reason = "行政复议答复" }, owner.Token)).Retrieval;
        var read = await owner.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseFile.CaseId, RetrievalId = retrieval.RetrievalId }, owner.Token);

        Assert.Equal(["archive-missing-proof-of-service"], RulesOf(refused));
        Assert.Equal(("archived", "10-years"), (sealedCase.Status, sealedCase.Retention));
        Assert.Equal(("approved", ""), (retrieval.Status, retrieval.ApprovedBy));
        Assert.Contains(read.CaseFile.Records, r => r.RecordId == onlyDecision.RecordId);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM retrieval_reads WHERE retrieval_id = @id", new { id = retrieval.RetrievalId }));
    }
}
