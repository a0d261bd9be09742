using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Longshan.Contracts.Archive.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Identity;

namespace Longshan.RecordingArchive.Tests.Support;

/// <summary>An agency with two officers and a case, and quick ways to add its records.</summary>
public sealed class CaseData(ArchiveApp app, string agency, string officerA, string officerB)
{
    public string Agency { get; } = agency;
    public string OfficerA { get; } = officerA;
    public string OfficerB { get; } = officerB;
    public TestPerson Person { get; } = new("officer:" + Guid.NewGuid().ToString("N")[..8], "王五");

    public CaseService.CaseServiceClient Cases { get; } = new(app.Channel);

    public Grpc.Net.Client.GrpcChannel Channel { get; } = app.Channel;

    public Metadata Token => TestTokens.Bearer(Person, Agency, Roles.Officer);

    public string Today => CountyTime.Format(app.Today);

    /// <summary>A new agency whose two officers hold certificates valid from a year ago to a year ahead.</summary>
    public static async Task<CaseData> NewAsync(ArchiveApp app)
    {
        var agency = await app.RegisterAgencyAsync();
        var a = await app.CertifyOfficerAsync(agency, app.Today.AddYears(-1), app.Today.AddYears(1), "张三");
        var b = await app.CertifyOfficerAsync(agency, app.Today.AddYears(-1), app.Today.AddYears(1), "李四");
        return new CaseData(app, agency, a.Certificate, b.Certificate);
    }

    public OpenCaseRequest OpenRequest(string? caseNumber = null, bool isMajor = false, params string[] activities) => new()
    {
        RequestId = Guid.NewGuid().ToString(), AgencyCode = Agency, CaseNumber = caseNumber ?? $"龙市监罚[2026] {Random.Shared.Next(1, 99999)}号",
        Category = "penalty", PartyKind = "organisation", PartyName = "龙山县某某食品有限公司", OpenedOn = CountyTime.Format(app.Today.AddDays(-30)),
        OfficerCertificates = { OfficerA, OfficerB }, IsMajor = isMajor, Activities = { activities },
    };

    public async Task<CaseFile> OpenAsync(string? caseNumber = null, bool isMajor = false, params string[] activities) =>
        (await Cases.OpenCaseAsync(OpenRequest(caseNumber, isMajor, activities), Token)).CaseFile;

    /// <summary>Uploads a small text file of the agency (one message) and returns its evidence id.</summary>
    public async Task<string> FileAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text + Guid.NewGuid());
        var client = new EvidenceService.EvidenceServiceClient(app.Channel);
        using var call = client.UploadEvidence(Token);
        await call.RequestStream.WriteAsync(new UploadEvidenceRequest
        {
            Metadata = new UploadMetadata
            {
                RequestId = Guid.NewGuid().ToString(), AgencyCode = Agency, FileName = "record.pdf", MediaType = "application/pdf", Size = bytes.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            },
        });
        await call.RequestStream.WriteAsync(new UploadEvidenceRequest { Chunk = ByteString.CopyFrom(bytes) });
        await call.RequestStream.CompleteAsync();
        return (await call).Evidence.EvidenceId;
    }

    public async Task<AddRecordRequest> RecordRequestAsync(string caseId, string kind, string? occurredOn = null)
    {
        var request = new AddRecordRequest
        {
            RequestId = Guid.NewGuid().ToString(), CaseId = caseId, Kind = kind, Title = kind, OccurredOn = occurredOn ?? Today,
            EvidenceId = await FileAsync(kind),
        };
        if (kind is "inquiry-record" or "inspection-record") request.OfficerCertificates.Add([OfficerA, OfficerB]);
        return request;
    }

    public async Task<CaseRecord> AddAsync(string caseId, string kind, string? occurredOn = null) =>
        (await Cases.AddRecordAsync(await RecordRequestAsync(caseId, kind, occurredOn), Token)).Record;

    /// <summary>Registers a new recording device of the agency; returns its number.</summary>
    public async Task<string> DeviceAsync(string? deviceId = null)
    {
        deviceId ??= "ZFJLY-" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Cases.RegisterDeviceAsync(new RegisterDeviceRequest { RequestId = Guid.NewGuid().ToString(), AgencyCode = Agency, DeviceId = deviceId, Unit = "执法一中队" }, Token);
        return deviceId;
    }

    public async Task<AddRecordRequest> VideoRequestAsync(string caseId, string activity, string deviceId)
    {
        var request = await RecordRequestAsync(caseId, "audio-video");
        request.AudioVideo = new AudioVideo
        {
            DeviceId = deviceId, Activity = activity, StartedAt = "2026-11-20T01:00:00Z", EndedAt = "2026-11-20T02:30:00Z", Place = "龙山县民安街道",
            Interruptions = { new Interruption { At = "2026-11-20T01:40:00Z", ResumedAt = "2026-11-20T01:45:00Z", Reason = "更换电池" } },
        };
        return request;
    }

    public async Task<CaseRecord> AddVideoAsync(string caseId, string activity) =>
        (await Cases.AddRecordAsync(await VideoRequestAsync(caseId, activity, await DeviceAsync()), Token)).Record;

    /// <summary>Every record DOMAIN.md's default list asks of a penalty case.</summary>
    public async Task CompletePenaltyAsync(string caseId)
    {
        foreach (var kind in new[] { "case-opening-approval", "inquiry-record", "penalty-notice", "statement-record", "decision", "proof-of-service", "execution-record" })
            await AddAsync(caseId, kind);
    }

    public ArchiveCaseRequest ArchiveRequest(string caseId, string retention = "") =>
        new() { RequestId = Guid.NewGuid().ToString(), CaseId = caseId, ClosedOn = Today, Retention = retention };
}
