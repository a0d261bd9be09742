using System.Text.Json;
using Grpc.Core;
using Longshan.Contracts.Archive.V1;
using Longshan.Contracts.Events.Archive;
using Longshan.Contracts.Rules;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Longshan.Platform.Legal;
using Longshan.RecordingArchive.Agencies;
using Longshan.RecordingArchive.EvidenceFiles;
using Longshan.RecordingArchive.Log;
using Longshan.RecordingArchive.Officers;
using Longshan.RecordingArchive.Retrievals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using static Longshan.RecordingArchive.Cases.CaseVocabulary;

namespace Longshan.RecordingArchive.Cases;

/// <summary>
/// gRPC <c>longshan.archive.v1.CaseService</c>: case files (执法案卷), their records and archiving (归档). Every stored case,
/// record and seal goes through the <see cref="ArchiveLog"/> in the write's transaction.
/// </summary>
public sealed class CaseEndpoint(
    ReadSession reads, CaseStore cases, OfficerStore officers, EvidenceRecordStore evidence, KnownAgencyStore agencies,
    ReviewClearanceStore clearances, DeviceStore devices, ArchiveLog log, ReadAccess access, WriteTransaction writes, IOptions<ArchiveOptions> options, TimeProvider time)
    : CaseService.CaseServiceBase
{
    [Authorize(Policy = Policies.Write)]
    public override async Task<CaseFileResponse> OpenCase(OpenCaseRequest request, ServerCallContext context)
    {
        CaseRequests.Validate(request).ThrowIfAny();
        var agency = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        var caller = Caller.From(context);
        caller.EnsureMayWriteFor(agency);
        var number = CaseNumbers.Normalize(request.CaseNumber);
        return await writes.RunAsync(context, request, CaseFileResponse.Parser, async session =>
        {
            if (await agencies.FindAsync(session, agency) is null) throw RpcErrors.FailedPrecondition(RuleCatalog.AgencyNotRegistered, agency);
            if (await cases.FindByNumberAsync(session, agency, number) is not null)
                throw RpcErrors.AlreadyExists($"案号 {number} 已有案卷 / a case file with this number exists");
            var certificates = Distinct(request.OfficerCertificates);
            foreach (var certificate in certificates)
                if (await officers.FindAsync(session, certificate) is not { } officer || officer.AgencyCode != agency)
                    throw RpcErrors.FailedPrecondition(RuleCatalog.CertificateNotValid, certificate,
                        "执法证未登记或不属于本执法主体 / the certificate is not known as one of the agency's");
            var now = time.GetUtcNow();
            var row = new CaseRow
            {
                CaseId = Guid.NewGuid(), AgencyCode = agency, CaseNumber = number, Category = request.Category, PartyKind = request.PartyKind,
                PartyName = request.PartyName.Trim(), Stage = Stages[0], OpenedOn = CountyTime.Date(request.OpenedOn),
                Officers = JsonSerializer.Serialize(certificates), IsMajor = request.IsMajor,
                Activities = JsonSerializer.Serialize(request.Activities.Distinct().ToList()), Status = Open,
                Retention = options.Value.For(agency).DefaultRetention, CreatedAt = now,
            };
            await cases.InsertAsync(session, row);
            await log.AppendAsync(session, ArchiveEntry.ForContent("case-opened", row.CaseId.ToString(), agency, CaseMapping.Canonical(row), caller.Subject, now));
            return new WriteResult<CaseFileResponse>(new CaseFileResponse { CaseFile = CaseMapping.ToProto(row) }, row.CaseId.ToString());
        });
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<CaseFileResponse> AdvanceStage(AdvanceStageRequest request, ServerCallContext context)
    {
        CaseRequests.Validate(request).ThrowIfAny();
        var caseId = Guid.Parse(request.CaseId);
        var day = CountyTime.Date(request.OnDate);
        var caller = Caller.From(context);
        return await writes.RunAsync(context, request, CaseFileResponse.Parser, async session =>
        {
            var row = await OpenCaseAsync(session, caller, caseId);
            if (StageIndex(request.Stage) <= StageIndex(row.Stage))
                throw RpcErrors.FailedPrecondition(RuleCatalog.CaseStageOrder, caseId.ToString(),
                    $"案件已处于 {row.Stage} 阶段 / the case is already at stage {row.Stage}");
            // 《行政处罚法》第四十二条: the investigation is carried out by at least two officers holding valid certificates.
            if (request.Stage == Investigation && await ValidOfficersAsync(session, row.AgencyCode, row.OfficerList, day) < 2)
                throw RpcErrors.FailedPrecondition(RuleCatalog.InvestigationTooFewOfficers, caseId.ToString());
            if (!await cases.SetStageAsync(session, caseId, request.Stage)) throw RpcErrors.Aborted(caseId.ToString());
            row.Stage = request.Stage;
            await log.AppendAsync(session, ArchiveEntry.ForContent("case-stage", caseId.ToString(), row.AgencyCode,
                CaseMapping.Canonical(new { caseId, stage = request.Stage, onDate = request.OnDate }), caller.Subject, time.GetUtcNow()));
            return new WriteResult<CaseFileResponse>(new CaseFileResponse { CaseFile = CaseMapping.ToProto(row) }, caseId.ToString());
        });
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<RecordResponse> AddRecord(AddRecordRequest request, ServerCallContext context)
    {
        CaseRequests.Validate(request).ThrowIfAny();
        var caseId = Guid.Parse(request.CaseId);
        var day = CountyTime.Date(request.OccurredOn);
        var caller = Caller.From(context);
        return await writes.RunAsync(context, request, RecordResponse.Parser, async session =>
        {
            var isCorrection = request.Kind == Kinds.Correction;
            // A sealed case file never changes; a correction is a new record that references the one it corrects.
            var row = isCorrection ? await CaseForWriteAsync(session, caller, caseId) : await OpenCaseAsync(session, caller, caseId);
            Guid? corrects = null;
            if (isCorrection)
            {
                corrects = Guid.Parse(request.CorrectsRecordId);
                if ((await cases.RecordsAsync(session, caseId)).All(r => r.RecordId != corrects))
                    throw RpcErrors.NotFound($"案卷中没有记录 {corrects} / the case has no record {corrects}");
            }

            var file = await EvidenceOfAsync(session, row, Guid.Parse(request.EvidenceId));
            var present = Distinct(request.OfficerCertificates);
            if (IsInvestigationRecord(request.Kind) && await ValidOfficersAsync(session, row.AgencyCode, present, day) < 2)
                throw RpcErrors.FailedPrecondition(RuleCatalog.InvestigationTooFewOfficers, caseId.ToString());
            // T7(1): a recording names a device registered for the agency.
            if (request.AudioVideo is { } av && !await devices.ExistsAsync(session, row.AgencyCode, av.DeviceId.Trim()))
                throw RpcErrors.FailedPrecondition(RuleCatalog.RecordingDeviceUnknown, av.DeviceId.Trim());
            var details = new RecordDetails(present, [], [], CaseMapping.ToDetails(request.AudioVideo));
            var record = await InsertRecordAsync(session, caller, row, request.Kind, request.Title.Trim(), day, file, details, corrects);
            return new WriteResult<RecordResponse>(new RecordResponse { Record = CaseMapping.ToProto(record) }, record.RecordId.ToString());
        });
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<RecordResponse> RecordInProcess(RecordInProcessRequest request, ServerCallContext context)
    {
        CaseRequests.Validate(request).ThrowIfAny();
        var caseId = Guid.Parse(request.CaseId);
        var day = CountyTime.Date(request.OccurredOn);
        var caller = Caller.From(context);
        return await writes.RunAsync(context, request, RecordResponse.Parser, async session =>
        {
            var row = await OpenCaseAsync(session, caller, caseId);
            var shown = Distinct(request.CertificatesShown);
            // 《行政处罚法》第五十五条: officers show their certificates; one not valid that day does not count — refused.
            foreach (var certificate in shown)
                if (await ValidOfficersAsync(session, row.AgencyCode, [certificate], day) == 0)
                    throw RpcErrors.FailedPrecondition(RuleCatalog.CertificateNotValid, certificate);
            var file = request.EvidenceId.Length > 0 ? await EvidenceOfAsync(session, row, Guid.Parse(request.EvidenceId)) : null;
            var details = new RecordDetails([], shown, request.RightsExplained.Select(r => r.Trim()).ToList(), null);
            var record = await InsertRecordAsync(session, caller, row, Kinds.InProcess, "出示证件、告知权利义务", day, file, details, null);
            return new WriteResult<RecordResponse>(new RecordResponse { Record = CaseMapping.ToProto(record) }, record.RecordId.ToString());
        });
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<CaseFileResponse> ArchiveCase(ArchiveCaseRequest request, ServerCallContext context)
    {
        CaseRequests.Validate(request).ThrowIfAny();
        var caseId = Guid.Parse(request.CaseId);
        var closedOn = CountyTime.Date(request.ClosedOn);
        var caller = Caller.From(context);
        return await writes.RunAsync(context, request, CaseFileResponse.Parser, async session =>
        {
            var row = await OpenCaseAsync(session, caller, caseId);
            if (closedOn < row.OpenedOn)
                throw RpcErrors.InvalidArgument([new() { Field = "closed_on", Description = "不得早于立案日期 / must not be before the opening date" }]);
            var policy = options.Value.For(row.AgencyCode);
            var records = await cases.RecordsAsync(session, caseId);
            var facts = records.Select(r => new RecordFacts(r.Kind, r.OccurredOn, r.DetailsValue.Officers.Count, r.DetailsValue.AudioVideo?.Activity)).ToList();
            var decisionDate = records.Where(r => r.Kind == Kinds.Decision).Select(r => (DateOnly?)r.OccurredOn).Max() ?? closedOn;
            var clearance = row.IsMajor
                ? ReviewClearanceStore.Refusal(await clearances.ForCaseAsync(session, row.CaseNumber), new DecisionForClearance(row.AgencyCode, row.CaseNumber, decisionDate))
                : null;
            var missing = CaseCompleteness.Missing(policy.ItemsFor(row.Category), facts, row.ActivityList, policy.MandatoryRecording.ToList(), row.IsMajor, clearance);
            if (missing.Count > 0) throw CaseRefusals.Incomplete(caseId, missing);

            var now = time.GetUtcNow();
            var retention = request.Retention.Length > 0 ? request.Retention : policy.DefaultRetention;
            if (!await cases.SealAsync(session, caseId, closedOn, retention, now)) throw RpcErrors.Aborted(caseId.ToString());
            row.Status = Archived;
            row.ClosedOn = closedOn;
            row.Retention = retention;
            row.ArchivedAt = now;
            // The sealed manifest: the case and every record with its file's hash, in order.
            var manifest = CaseMapping.Canonical(new
            {
                caseFile = row,
                records = records.Select(r => new { r.RecordId, r.Kind, r.OccurredOn, r.EvidenceId, r.EvidenceSha256, r.Author, r.RecordedAt, r.Details, r.CorrectsRecordId }),
            });
            var entry = ArchiveEntry.ForContent("case-archived", caseId.ToString(), row.AgencyCode, manifest, caller.Subject, now);
            await log.AppendAsync(session, entry);
            return new WriteResult<CaseFileResponse>(new CaseFileResponse { CaseFile = CaseMapping.ToProto(row, records) }, caseId.ToString(),
                new CaseArchived
                {
                    EventId = Guid.NewGuid(), OccurredAt = now, AgencyCode = row.AgencyCode, CaseId = caseId, CaseNumber = row.CaseNumber,
                    Category = row.Category, IsMajor = row.IsMajor, OpenedOn = row.OpenedOn, ClosedOn = closedOn, Retention = retention,
                    RecordCount = records.Count, ManifestSha256 = entry.Sha256, ManifestSm3 = entry.Sm3,
                });
        });
    }

    [Authorize(Policy = Policies.Read)]
    public override async Task<CaseFileResponse> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.CaseId, out var caseId))
            throw RpcErrors.InvalidArgument([new() { Field = "case_id", Description = "须为 UUID / must be a UUID" }]);
        var caller = Caller.From(context);
        var session = await reads.GetAsync(context.CancellationToken);
        var row = await cases.FindAsync(session, caseId) ?? throw RpcErrors.NotFound($"案卷 {caseId} 不存在 / no such case");
        var retrieval = await access.ForCaseAsync(session, caller, row, request.RetrievalId);
        var records = await cases.RecordsAsync(session, caseId);
        if (retrieval is not null) await access.LogReadAsync(caller, retrieval, "case", context.CancellationToken);
        return new CaseFileResponse { CaseFile = CaseMapping.ToProto(row, records) };
    }

    /// <summary>Only the caller's own agency's cases: another agency's are reached through a retrieval.</summary>
    [Authorize(Policy = Policies.Read)]
    public override async Task<ListCasesResponse> ListCases(ListCasesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var paging = Paging.Read(violations, "cases", request.PageSize, request.PageToken);
        violations.ThrowIfAny();
        var caller = Caller.From(context);
        var session = await reads.GetAsync(context.CancellationToken);
        var rows = await cases.PageAsync(session, caller.AgencyCode, paging.AfterKey ?? "", paging.Fetch);
        var page = paging.Cut(rows, c => c.CaseNumber);
        return new ListCasesResponse { Cases = { page.Items.Select(c => CaseMapping.ToProto(c)) }, NextPageToken = page.NextToken };
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<RegisterDeviceResponse> RegisterDevice(RegisterDeviceRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations().RequestId(request.RequestId);
        var agency = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        if (UnifiedSocialCreditCode.Validate(agency) is { } error) violations.Add("agency_code", error);
        violations.Required("device_id", request.DeviceId).MaxLength("device_id", request.DeviceId, 64)
            .Required("unit", request.Unit).MaxLength("unit", request.Unit, 100).ThrowIfAny();
        Caller.From(context).EnsureMayWriteFor(agency);
        var deviceId = request.DeviceId.Trim();
        return await writes.RunAsync(context, request, RegisterDeviceResponse.Parser, async session =>
        {
            if (await agencies.FindAsync(session, agency) is null) throw RpcErrors.FailedPrecondition(RuleCatalog.AgencyNotRegistered, agency);
            if (await devices.ExistsAsync(session, agency, deviceId))
                throw RpcErrors.AlreadyExists($"执法记录仪 {deviceId} 已登记 / device already registered");
            var now = time.GetUtcNow();
            await devices.InsertAsync(session, agency, deviceId, request.Unit.Trim(), now);
            return new WriteResult<RegisterDeviceResponse>(
                new RegisterDeviceResponse { AgencyCode = agency, DeviceId = deviceId, Unit = request.Unit.Trim(), RegisteredAt = now.ToString("O") }, deviceId);
        });
    }

    async Task<CaseRow> CaseForWriteAsync(DbSession session, Caller caller, Guid caseId)
    {
        var row = await cases.FindAsync(session, caseId) ?? throw RpcErrors.NotFound($"案卷 {caseId} 不存在 / no such case");
        caller.EnsureMayWriteFor(row.AgencyCode);
        return row;
    }

    async Task<CaseRow> OpenCaseAsync(DbSession session, Caller caller, Guid caseId)
    {
        var row = await CaseForWriteAsync(session, caller, caseId);
        if (row.IsSealed) throw RpcErrors.FailedPrecondition(RuleCatalog.CaseSealed, caseId.ToString());
        return row;
    }

    /// <summary>A record's content: an uploaded file of the case's own agency.</summary>
    async Task<EvidenceRow> EvidenceOfAsync(DbSession session, CaseRow row, Guid evidenceId)
    {
        var file = await evidence.FindAsync(session, evidenceId) ?? throw RpcErrors.NotFound($"证据 {evidenceId} 不存在 / no such evidence");
        if (file.AgencyCode != row.AgencyCode) throw RpcErrors.FailedPrecondition(RuleCatalog.EvidenceOtherAgency, evidenceId.ToString());
        return file;
    }

    /// <summary>How many of <paramref name="certificates"/> belong to the agency's officers and were valid on <paramref name="day"/>.</summary>
    async Task<int> ValidOfficersAsync(DbSession session, string agencyCode, IReadOnlyList<string> certificates, DateOnly day)
    {
        var valid = 0;
        foreach (var certificate in certificates)
            if (await officers.FindAsync(session, certificate) is { } officer && officer.AgencyCode == agencyCode
                && CertificateValidity.IsValidOn(officer.Versions, day))
                valid++;
        return valid;
    }

    async Task<RecordRow> InsertRecordAsync(DbSession session, Caller caller, CaseRow row, string kind, string title, DateOnly day,
        EvidenceRow? file, RecordDetails details, Guid? corrects)
    {
        var now = time.GetUtcNow();
        var record = new RecordRow
        {
            RecordId = Guid.NewGuid(), CaseId = row.CaseId, Kind = kind, Title = title, OccurredOn = day, EvidenceId = file?.EvidenceId,
            EvidenceSha256 = file?.Sha256, Author = caller.Subject, AuthorName = caller.Name, RecordedAt = now,
            Details = JsonSerializer.Serialize(details, CaseStore.Json), CorrectsRecordId = corrects,
        };
        await cases.InsertRecordAsync(session, record);
        await log.AppendAsync(session, ArchiveEntry.ForContent("record", record.RecordId.ToString(), row.AgencyCode, CaseMapping.Canonical(record), caller.Subject, now));
        return record;
    }

    static List<string> Distinct(IEnumerable<string> values) => values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
