using Google.Protobuf;
using Grpc.Core;
using Longshan.Contracts.Archive.V1;
using Longshan.Contracts.Rules;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Longshan.RecordingArchive.Log;
using Longshan.RecordingArchive.Retrievals;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.RecordingArchive.EvidenceFiles;

/// <summary>
/// gRPC <c>longshan.archive.v1.EvidenceService</c>: evidence files streamed in and out in constant memory. An upload's
/// bytes go to the <see cref="IEvidenceStore"/>'s partial file as they arrive while SHA-256 and SM3 are computed; only a
/// complete upload whose SHA-256 matches the declared one becomes evidence, in one transaction with its archive-log
/// entry, after the file was flushed to disk and stored under its hash.
/// </summary>
public sealed class EvidenceEndpoint(
    Database database, EvidenceRecordStore records, IEvidenceStore files, UploadGate gate, WriteQueue writeQueue,
    WriteTransaction writes, ArchiveLog log, ReadAccess access, TimeProvider time, ILogger<EvidenceEndpoint> logger)
    : EvidenceService.EvidenceServiceBase
{
    [Authorize(Policy = Policies.Write)]
    public override async Task<UploadEvidenceResponse> UploadEvidence(IAsyncStreamReader<UploadEvidenceRequest> requestStream, ServerCallContext context)
    {
        var cancellation = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellation) || requestStream.Current.PartCase != UploadEvidenceRequest.PartOneofCase.Metadata)
            throw RpcErrors.InvalidArgument([new() { Field = "metadata", Description = "第一条消息须为元数据 / the first message must be the metadata" }]);
        var metadata = requestStream.Current.Metadata.Clone();
        EvidenceUploads.Validate(metadata).ThrowIfAny();
        metadata.AgencyCode = UnifiedSocialCreditCode.Normalize(metadata.AgencyCode);
        metadata.Sha256 = metadata.Sha256.ToLowerInvariant();
        var caller = Caller.From(context);
        caller.EnsureMayWriteFor(metadata.AgencyCode);
        var key = EvidenceUploads.Key(metadata.AgencyCode, metadata.RequestId);
        using var lease = gate.TryEnter(key) ?? throw RpcErrors.FailedPrecondition(RuleCatalog.UploadInProgress, metadata.RequestId);

        // A retry of a completed upload gets the evidence it created.
        await using (var read = await database.ReadAsync(cancellation))
        {
            if (await records.FindByRequestAsync(read, metadata.AgencyCode, metadata.RequestId) is { } done)
            {
                if (done.Size != metadata.Size || done.Sha256 != metadata.Sha256)
                    throw RpcErrors.FailedPrecondition(RuleCatalog.RequestIdReused, metadata.RequestId);
                return new UploadEvidenceResponse { Offset = done.Size, Evidence = EvidenceMapping.ToProto(done, duplicate: false) };
            }
        }

        var offset = await StartOrResumeAsync(metadata, key, caller, cancellation);
        using var hasher = new ContentHasher();
        if (offset > 0) await RehashPartialAsync(key, offset, hasher, cancellation);

        var received = offset;
        await using (var partial = files.OpenPartialForAppend(key, offset))
        {
            while (await requestStream.MoveNext(cancellation))
            {
                var message = requestStream.Current;
                if (message.PartCase != UploadEvidenceRequest.PartOneofCase.Chunk)
                    throw RpcErrors.InvalidArgument([new() { Field = "chunk", Description = "元数据之后只能是数据块 / only chunks follow the metadata" }]);
                var chunk = message.Chunk.Memory;
                if (received + chunk.Length > metadata.Size)
                {
                    await partial.DisposeAsync();
                    await AbandonAsync(metadata, key);
                    throw RpcErrors.FailedPrecondition(RuleCatalog.EvidenceSizeMismatch, metadata.RequestId);
                }

                await partial.WriteAsync(chunk, cancellation);
                hasher.Append(chunk.Span);
                received += chunk.Length;
            }
        }

        if (received < metadata.Size) return new UploadEvidenceResponse { Offset = received };

        var (sha256, sm3) = hasher.Finish();
        if (sha256 != metadata.Sha256)
        {
            await AbandonAsync(metadata, key);
            throw RpcErrors.FailedPrecondition(RuleCatalog.EvidenceHashMismatch, metadata.RequestId,
                $"文件的 SHA-256 为 {sha256}，与申报值不符，未保存 / the file's SHA-256 is {sha256}, not the declared one; nothing was kept");
        }

        var storedNew = await files.CommitAsync(key, sha256, cancellation);
        var completion = metadata.Clone();
        completion.Offset = 0;
        return await writes.RunAsync(context, completion, UploadEvidenceResponse.Parser, async session =>
        {
            var now = time.GetUtcNow();
            var row = new EvidenceRow
            {
                EvidenceId = Guid.NewGuid(), AgencyCode = metadata.AgencyCode, RequestId = metadata.RequestId, FileName = metadata.FileName,
                MediaType = metadata.MediaType, Size = metadata.Size, Sha256 = sha256, Sm3 = sm3, UploadedBy = caller.Subject, UploadedAt = now,
            };
            var duplicate = await records.FileKnownAsync(session, sha256);
            await records.InsertAsync(session, row);
            await records.DeleteSessionAsync(session, metadata.AgencyCode, metadata.RequestId);
            await log.AppendAsync(session, new ArchiveEntry("evidence-file", row.EvidenceId.ToString(), row.AgencyCode, sha256, sm3, caller.Subject, now));
            logger.LogInformation("Evidence {EvidenceId} stored: {Size} bytes, sha256 {Sha256} (new content: {New})", row.EvidenceId, row.Size, sha256, storedNew);
            return new WriteResult<UploadEvidenceResponse>(
                new UploadEvidenceResponse { Offset = row.Size, Evidence = EvidenceMapping.ToProto(row, duplicate || !storedNew) }, row.EvidenceId.ToString());
        });
    }

    /// <summary>The offset this stream starts at: a new session at 0, or a resumed one exactly where its bytes end.</summary>
    async Task<long> StartOrResumeAsync(UploadMetadata metadata, string key, Caller caller, CancellationToken cancellation)
    {
        return await writeQueue.RunAsync(async session =>
        {
            var existing = await records.FindSessionAsync(session, metadata.AgencyCode, metadata.RequestId);
            if (existing is null)
            {
                if (metadata.Offset != 0)
                    throw RpcErrors.FailedPrecondition(RuleCatalog.UploadOffsetMismatch, metadata.RequestId,
                        "没有该上传，须从 0 开始 / no such upload: start at offset 0");
                files.Discard(key);
                await records.InsertSessionAsync(session, new UploadSessionRow
                {
                    AgencyCode = metadata.AgencyCode, RequestId = metadata.RequestId, FileName = metadata.FileName, MediaType = metadata.MediaType,
                    Size = metadata.Size, Sha256 = metadata.Sha256, StartedBy = caller.Subject, StartedAt = time.GetUtcNow(),
                });
                return 0L;
            }

            if (!EvidenceUploads.SameUpload(existing, metadata))
                throw RpcErrors.FailedPrecondition(RuleCatalog.RequestIdReused, metadata.RequestId);
            var stored = files.PartialLength(key);
            if (metadata.Offset != stored)
                throw RpcErrors.FailedPrecondition(RuleCatalog.UploadOffsetMismatch, metadata.RequestId,
                    $"须从第 {stored} 字节续传 / resume at offset {stored}");
            return stored;
        }, cancellation);
    }

    /// <summary>Restores the hashes of the bytes kept before a resume, reading them once from the store.</summary>
    async Task RehashPartialAsync(string key, long length, ContentHasher hasher, CancellationToken cancellation)
    {
        var buffer = new byte[EvidenceUploads.DownloadChunkSize];
        await using var stream = files.OpenPartialForRead(key);
        var left = length;
        while (left > 0)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellation);
            if (read == 0) throw new IOException("The partial upload is shorter than its length.");
            hasher.Append(buffer.AsSpan(0, read));
            left -= read;
        }
    }

    /// <summary>A refused upload keeps nothing: neither its bytes nor its session.</summary>
    async Task AbandonAsync(UploadMetadata metadata, string key)
    {
        files.Discard(key);
        await writeQueue.RunAsync(async session =>
        {
            await records.DeleteSessionAsync(session, metadata.AgencyCode, metadata.RequestId);
            return true;
        }, CancellationToken.None);
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<GetUploadOffsetResponse> GetUploadOffset(GetUploadOffsetRequest request, ServerCallContext context)
    {
        var agency = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        var violations = new FieldViolations().Required("request_id", request.RequestId);
        if (UnifiedSocialCreditCode.Validate(agency) is { } error) violations.Add("agency_code", error);
        violations.ThrowIfAny();
        Caller.From(context).EnsureMayWriteFor(agency);
        // While a stream of this upload still runs (a broken connection the server has not yet noticed), its offset is
        // still moving: the client asks again shortly.
        using var lease = gate.TryEnter(EvidenceUploads.Key(agency, request.RequestId))
            ?? throw RpcErrors.FailedPrecondition(RuleCatalog.UploadInProgress, request.RequestId);
        await using var session = await database.ReadAsync(context.CancellationToken);
        if (await records.FindByRequestAsync(session, agency, request.RequestId) is { } done)
            return new GetUploadOffsetResponse { Offset = done.Size, Size = done.Size };
        var upload = await records.FindSessionAsync(session, agency, request.RequestId)
            ?? throw RpcErrors.NotFound($"没有上传 {request.RequestId} / no such upload");
        return new GetUploadOffsetResponse { Offset = files.PartialLength(EvidenceUploads.Key(agency, request.RequestId)), Size = upload.Size };
    }

    [Authorize(Policy = Policies.Read)]
    public override async Task<Evidence> GetEvidence(GetEvidenceRequest request, ServerCallContext context)
    {
        var row = await FindReadableAsync(request.EvidenceId, request.RetrievalId, context);
        return EvidenceMapping.ToProto(row, duplicate: false);
    }

    [Authorize(Policy = Policies.Read)]
    public override async Task DownloadEvidence(DownloadEvidenceRequest request, IServerStreamWriter<DownloadEvidenceResponse> responseStream, ServerCallContext context)
    {
        var row = await FindReadableAsync(request.EvidenceId, request.RetrievalId, context);
        await responseStream.WriteAsync(new DownloadEvidenceResponse { Evidence = EvidenceMapping.ToProto(row, duplicate: false) }, context.CancellationToken);
        var buffer = new byte[EvidenceUploads.DownloadChunkSize];
        await using var stream = files.OpenRead(row.Sha256);
        int read;
        while ((read = await stream.ReadAsync(buffer, context.CancellationToken)) > 0)
        {
            // WriteAsync serializes the message before it completes, so the buffer is free again afterwards.
            await responseStream.WriteAsync(new DownloadEvidenceResponse { Chunk = UnsafeByteOperations.UnsafeWrap(buffer.AsMemory(0, read)) },
                context.CancellationToken);
        }
    }

    async Task<EvidenceRow> FindReadableAsync(string evidenceId, string retrievalId, ServerCallContext context)
    {
        if (!Guid.TryParse(evidenceId, out var id))
            throw RpcErrors.InvalidArgument([new() { Field = "evidence_id", Description = "须为 UUID / must be a UUID" }]);
        var caller = Caller.From(context);
        EvidenceRow row;
        RetrievalRow? retrieval;
        await using (var session = await database.ReadAsync(context.CancellationToken))
        {
            row = await records.FindAsync(session, id) ?? throw RpcErrors.NotFound($"证据 {id} 不存在 / no such evidence");
            retrieval = await access.ForEvidenceAsync(session, caller, row, retrievalId);
        }

        if (retrieval is not null) await access.LogReadAsync(caller, retrieval, $"evidence:{id}", context.CancellationToken);
        return row;
    }
}

static class EvidenceMapping
{
    public static Evidence ToProto(EvidenceRow row, bool duplicate) => new()
    {
        EvidenceId = row.EvidenceId.ToString(), AgencyCode = row.AgencyCode, FileName = row.FileName, MediaType = row.MediaType,
        Size = row.Size, Sha256 = row.Sha256, Sm3 = row.Sm3, UploadedBy = row.UploadedBy, UploadedAt = row.UploadedAt.ToString("O"), Duplicate = duplicate,
    };
}
