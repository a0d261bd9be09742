using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Longshan.Platform.Calendar;
using Longshan.Platform.Identity;
using static Longshan.EndToEndTests.Support;
using Archive = Longshan.Contracts.Archive.V1;
using Publicity = Longshan.Contracts.Publicity.V1;

namespace Longshan.EndToEndTests;

/// <summary>
/// Issue 10 end to end: the agency and its officers' certificates reach the archive from Publicity's events; a case file
/// (执法案卷) with a streamed video is refused archiving while items are missing, then sealed, and CaseArchived travels
/// through RabbitMQ into Statistics' journal.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CaseArchivingTests(PlatformFixture fixture)
{
    const int ChunkSize = 1 << 20;

    readonly Platform platform = fixture.Platform;

    Archive.CaseService.CaseServiceClient Cases => new(platform.Channel("archive"));
    Archive.EvidenceService.EvidenceServiceClient Evidence => new(platform.Channel("archive"));

    [Fact]
    public async Task A_case_with_a_streamed_video_is_refused_until_complete_then_archived_and_CaseArchived_reaches_the_statistics_journal()
    {
        var agency = await RegisteredAgencyAsync();
        var officerA = await CertifiedOfficerAsync(agency, "张三");
        var officerB = await CertifiedOfficerAsync(agency, "李四");
        var token = TestTokens.Bearer(new TestPerson("officer:" + Guid.NewGuid().ToString("N")[..8], "王五"), agency, Roles.Officer);
        var today = CountyTime.Today(TimeProvider.System);

        var caseFile = (await Cases.OpenCaseAsync(new Archive.OpenCaseRequest
        {
            RequestId = Id(), AgencyCode = agency, CaseNumber = $"龙市监罚[{today.Year}] {Random.Shared.Next(1, 99999)}号", Category = "penalty",
            PartyKind = "organisation", PartyName = "龙山县某某食品有限公司", OpenedOn = CountyTime.Format(today.AddDays(-30)),
            OfficerCertificates = { officerA, officerB }, Activities = { "sealing-seizure" },
        }, token)).CaseFile;
        await AddRecordAsync(agency, token, caseFile.CaseId, "case-opening-approval", officerA, officerB);

        var refused = await Assert.ThrowsAsync<RpcException>(() => Cases.ArchiveCaseAsync(Archiving(caseFile.CaseId, today), token).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        var missing = refused.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Select(v => v.Type).ToList();
        Assert.Contains("archive-missing-investigation-record", missing);
        Assert.Contains("archive-missing-penalty-notice", missing);
        Assert.Contains("archive-missing-decision", missing);
        Assert.Contains("archive-missing-proof-of-service", missing);
        Assert.Contains("archive-missing-audio-video", missing);
        Assert.DoesNotContain("review-clearance-missing", missing); // not a major decision

        // The seizure's video: a few MB streamed in 1 MiB messages (client streaming), then an audio-video record naming a registered device.
        var video = new byte[3 * ChunkSize + 12_345];
        new Random(10).NextBytes(video);
        var uploaded = await UploadAsync(agency, token, "seizure.mp4", "video/mp4", video);
        var device = "ZFJLY-" + Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);
        await Cases.RegisterDeviceAsync(new Archive.RegisterDeviceRequest { RequestId = Id(), AgencyCode = agency, DeviceId = device, Unit = "执法一中队" }, token);
        var started = DateTimeOffset.UtcNow.AddDays(-2);
        var videoRecord = (await Cases.AddRecordAsync(new Archive.AddRecordRequest
        {
            RequestId = Id(), CaseId = caseFile.CaseId, Kind = "audio-video", Title = "查封现场执法记录", OccurredOn = CountyTime.Format(CountyTime.DateOf(started)),
            EvidenceId = uploaded.EvidenceId,
            AudioVideo = new Archive.AudioVideo
            {
                DeviceId = device, Activity = "sealing-seizure", StartedAt = Instant(started), EndedAt = Instant(started.AddMinutes(90)), Place = "龙山县民安街道",
                Interruptions = { new Archive.Interruption { At = Instant(started.AddMinutes(40)), ResumedAt = Instant(started.AddMinutes(45)), Reason = "更换电池" } },
            },
        }, token)).Record;
        foreach (var kind in new[] { "inquiry-record", "penalty-notice", "statement-record", "decision", "proof-of-service", "execution-record" })
            await AddRecordAsync(agency, token, caseFile.CaseId, kind, officerA, officerB);

        var sealedCase = (await Cases.ArchiveCaseAsync(Archiving(caseFile.CaseId, today), token)).CaseFile;

        Assert.Equal(video.Length, uploaded.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(video)), uploaded.Sha256);
        Assert.Equal("audio-video", videoRecord.Kind);
        Assert.Equal("archived", sealedCase.Status);
        Assert.Equal(8, sealedCase.Records.Count);
        await Eventually.HoldsAsync(async () => await platform.QueryAsync("statistics", c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM event_journal WHERE event_type = 'CaseArchived' AND agency_code = @agency AND body LIKE @id",
            new { agency, id = $"%{caseFile.CaseId}%" })) == 1, $"statistics journals CaseArchived of {caseFile.CaseId}", within: TimeSpan.FromMinutes(2));
        Assert.Equal(1, await platform.QueryAsync("archive", c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'CaseArchived' AND body LIKE @id", new { id = $"%{caseFile.CaseId}%" })));
    }

    async Task<string> RegisteredAgencyAsync()
    {
        var code = CreditCodes.New();
        await new Publicity.AgencyService.AgencyServiceClient(platform.Channel("publicity"))
            .RegisterAgencyAsync(Registration(code), TestTokens.Bearer(CreditCodes.New(), Roles.CountyAdmin));
        await Eventually.HoldsAsync(async () => await platform.QueryAsync("archive", c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM known_agencies WHERE credit_code = @code", new { code })) == 1, $"the archive learns agency {code}", within: TimeSpan.FromMinutes(2));
        return code;
    }

    /// <summary>Issues a certificate in Publicity and waits until the archive learned it from OfficerCertified; returns its number.</summary>
    async Task<string> CertifiedOfficerAsync(string agency, string name)
    {
        var today = CountyTime.Today(TimeProvider.System);
        var number = "HN" + Random.Shared.NextInt64(10_000_000_000, 90_000_000_000).ToString(CultureInfo.InvariantCulture);
        var officer = (await new Publicity.OfficerService.OfficerServiceClient(platform.Channel("publicity")).IssueCertificateAsync(new Publicity.IssueCertificateRequest
        {
            RequestId = Id(), AgencyCode = agency, Name = name, CertificateNumber = number, Kind = Publicity.CertificateKind.Enforcement,
            IssuingBody = "湖南省人民政府", ValidFrom = CountyTime.Format(today.AddYears(-1)), ValidTo = CountyTime.Format(today.AddYears(2)),
            Areas = { "龙山县", "食品安全" },
        }, TestTokens.Bearer(agency))).Officer;
        await Eventually.HoldsAsync(async () => await platform.QueryAsync("archive", c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM officers WHERE officer_id = @id AND agency_code = @agency",
            new { id = officer.OfficerId, agency })) == 1, $"the archive learns officer {name}", within: TimeSpan.FromMinutes(2));
        return number;
    }

    async Task<Archive.CaseRecord> AddRecordAsync(string agency, Metadata token, string caseId, string kind, string officerA, string officerB)
    {
        var file = Encoding.UTF8.GetBytes($"{kind} {Guid.NewGuid()}");
        var request = new Archive.AddRecordRequest
        {
            RequestId = Id(), CaseId = caseId, Kind = kind, Title = kind, OccurredOn = CountyTime.Format(CountyTime.Today(TimeProvider.System)),
            EvidenceId = (await UploadAsync(agency, token, kind + ".pdf", "application/pdf", file)).EvidenceId,
        };
        if (kind is "inquiry-record" or "inspection-record") request.OfficerCertificates.Add([officerA, officerB]);
        return (await Cases.AddRecordAsync(request, token)).Record;
    }

    async Task<Archive.Evidence> UploadAsync(string agency, Metadata token, string fileName, string mediaType, byte[] content)
    {
        using var call = Evidence.UploadEvidence(token);
        await call.RequestStream.WriteAsync(new Archive.UploadEvidenceRequest
        {
            Metadata = new Archive.UploadMetadata
            {
                RequestId = Id(), AgencyCode = agency, FileName = fileName, MediaType = mediaType, Size = content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            },
        });
        for (var offset = 0; offset < content.Length; offset += ChunkSize)
            await call.RequestStream.WriteAsync(new Archive.UploadEvidenceRequest { Chunk = ByteString.CopyFrom(content, offset, Math.Min(ChunkSize, content.Length - offset)) });
        await call.RequestStream.CompleteAsync();
        return (await call).Evidence;
    }

    static Archive.ArchiveCaseRequest Archiving(string caseId, DateOnly today) => new() { RequestId = Id(), CaseId = caseId, ClosedOn = CountyTime.Format(today) };

    static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    static string Id() => Guid.NewGuid().ToString();
}
