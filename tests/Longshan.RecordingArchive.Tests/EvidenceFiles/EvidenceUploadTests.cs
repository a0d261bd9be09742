using Grpc.Core;
using Longshan.Contracts.Archive.V1;
using Longshan.Platform.Identity;
using Longshan.RecordingArchive.Tests.Support;
using static Longshan.RecordingArchive.Tests.Support.Uploads;

namespace Longshan.RecordingArchive.Tests.EvidenceFiles;

public sealed class EvidenceUploadTests(ArchiveApp app) : IClassFixture<ArchiveApp>
{
    readonly EvidenceService.EvidenceServiceClient client = new(app.Channel);

    static string Id() => "up-" + Guid.NewGuid().ToString("N");

    string ContentPath(string sha256) => Path.Combine(app.Paths.Storage, "sha256", sha256[..2], sha256);

    int PartialFiles => Directory.Exists(Path.Combine(app.Paths.Storage, "partial")) ? Directory.GetFiles(Path.Combine(app.Paths.Storage, "partial")).Length : 0;

    [Fact]
    public async Task A_streamed_file_is_stored_under_its_sha256_with_sm3_beside_and_streams_back_byte_for_byte()
    {
        var agency = await app.RegisterAgencyAsync();
        var source = RandomFile(24L * 1024 * 1024 + 12345, seed: 1);
        var officer = new TestPerson("officer:li", "李四");

        var response = await UploadAsync(client, TestTokens.Bearer(officer, agency, Roles.Officer), Metadata(agency, Id(), source), source);

        var evidence = response.Evidence;
        Assert.Equal(new FileInfo(source).Length, response.Offset);
        Assert.Equal((Sha256Of(source), Sm3Of(source), new FileInfo(source).Length), (evidence.Sha256, evidence.Sm3, evidence.Size));
        Assert.Equal("officer:li", evidence.UploadedBy);
        Assert.False(evidence.Duplicate);
        Assert.Equal(Sha256Of(source), Sha256Of(ContentPath(evidence.Sha256)));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM archive_log WHERE kind = 'evidence-file' AND subject = @id AND sha256 = @sha AND sm3 = @sm3",
            new { id = evidence.EvidenceId, sha = evidence.Sha256, sm3 = evidence.Sm3 }));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM upload_sessions WHERE agency_code = @agency", new { agency }));

        var (described, copy) = await DownloadAsync(client, TestTokens.Bearer(agency), evidence.EvidenceId);
        Assert.Equal(evidence.Sha256, described.Sha256);
        Assert.Equal(Sha256Of(source), Sha256Of(copy));
        File.Delete(copy);
        File.Delete(source);
    }

    [Fact]
    public async Task The_same_content_uploaded_twice_is_stored_once_and_the_second_is_marked_duplicate()
    {
        var agency = await app.RegisterAgencyAsync();
        var source = RandomFile(3 * 1024 * 1024, seed: 2);

        var first = (await UploadAsync(client, TestTokens.Bearer(agency), Metadata(agency, Id(), source), source)).Evidence;
        var second = (await UploadAsync(client, TestTokens.Bearer(agency), Metadata(agency, Id(), source), source)).Evidence;

        Assert.NotEqual(first.EvidenceId, second.EvidenceId);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal((false, true), (first.Duplicate, second.Duplicate));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM evidence_files WHERE sha256 = @sha", new { sha = first.Sha256 }));
        Assert.Equal(2, await app.CountAsync("SELECT COUNT(*) FROM evidence WHERE sha256 = @sha", new { sha = first.Sha256 }));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(ContentPath(first.Sha256))!, first.Sha256));
        File.Delete(source);
    }

    [Fact]
    public async Task A_declared_hash_that_does_not_match_is_refused_and_nothing_is_kept()
    {
        var agency = await app.RegisterAgencyAsync();
        var source = RandomFile(2 * 1024 * 1024 + 7, seed: 3);
        var wrong = Sha256Of(RandomFileOnce(seed: 4));
        var requestId = Id();

        var refused = await FailsAsync(() => UploadAsync(client, TestTokens.Bearer(agency), Metadata(agency, requestId, source, sha256: wrong), source));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("evidence-hash-mismatch", RuleOf(refused));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM evidence WHERE agency_code = @agency", new { agency }));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM upload_sessions WHERE agency_code = @agency", new { agency }));
        Assert.False(File.Exists(ContentPath(Sha256Of(source))));
        Assert.False(File.Exists(ContentPath(wrong)));
        var offset = await FailsAsync(async () => await client.GetUploadOffsetAsync(new GetUploadOffsetRequest { RequestId = requestId, AgencyCode = agency }, TestTokens.Bearer(agency)));
        Assert.Equal(StatusCode.NotFound, offset.StatusCode);
        File.Delete(source);
    }

    [Fact]
    public async Task A_stream_longer_than_declared_is_refused_and_nothing_is_kept()
    {
        var agency = await app.RegisterAgencyAsync();
        var source = RandomFile(1024 * 1024 + 1, seed: 5);
        var metadata = Metadata(agency, Id(), source);
        metadata.Size -= 1;

        var refused = await FailsAsync(() => UploadAsync(client, TestTokens.Bearer(agency), metadata, source));

        Assert.Equal("evidence-size-mismatch", RuleOf(refused));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM upload_sessions WHERE agency_code = @agency", new { agency }));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM evidence WHERE agency_code = @agency", new { agency }));
        File.Delete(source);
    }

    [Fact]
    public async Task A_broken_upload_resumes_at_the_stored_offset_and_only_there()
    {
        var agency = await app.RegisterAgencyAsync();
        var source = RandomFile(9L * 1024 * 1024 + 333, seed: 6);
        var requestId = Id();
        var headers = TestTokens.Bearer(agency);

        // The client's connection breaks after 4 MiB have been sent: the call is cancelled mid-stream.
        using (var broken = new CancellationTokenSource())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => UploadAsync(client, headers, Metadata(agency, requestId, source), source,
                afterChunk: async sent => { if (sent >= 4 * ChunkSize) { await Task.Delay(200); await broken.CancelAsync(); } }, cancellationToken: broken.Token));
        }

        // Until the server notices the broken stream, the upload is still in progress and its offset not final.
        var offset = 0L;
        await Eventually.HoldsAsync(async () =>
        {
            try { offset = (await client.GetUploadOffsetAsync(new GetUploadOffsetRequest { RequestId = requestId, AgencyCode = agency }, headers)).Offset; }
            catch (RpcException e) when (RulesOf(e).SequenceEqual(["upload-in-progress"])) { return false; }
            return true;
        }, "the broken stream has ended on the server");
        Assert.InRange(offset, 1, 4 * ChunkSize);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM evidence WHERE agency_code = @agency", new { agency }));

        var fromZero = await FailsAsync(() => UploadAsync(client, headers, Metadata(agency, requestId, source, offset: 0), source));
        var pastIt = await FailsAsync(() => UploadAsync(client, headers, Metadata(agency, requestId, source, offset: offset + 1), source));
        var resumed = await UploadAsync(client, headers, Metadata(agency, requestId, source, offset: offset), source);

        Assert.Equal("upload-offset-mismatch", RuleOf(fromZero));
        Assert.Equal("upload-offset-mismatch", RuleOf(pastIt));
        Assert.Equal((Sha256Of(source), Sm3Of(source)), (resumed.Evidence.Sha256, resumed.Evidence.Sm3));
        Assert.Equal(Sha256Of(source), Sha256Of(ContentPath(resumed.Evidence.Sha256)));
        File.Delete(source);
    }

    [Fact]
    public async Task A_stream_that_ends_early_answers_its_offset_and_the_next_stream_completes_it()
    {
        var agency = await app.RegisterAgencyAsync();
        var source = RandomFile(3L * 1024 * 1024, seed: 7);
        var requestId = Id();

        var part = await UploadAsync(client, TestTokens.Bearer(agency), Metadata(agency, requestId, source), source, stopAfter: 1024 * 1024 + 10);
        var rest = await UploadAsync(client, TestTokens.Bearer(agency), Metadata(agency, requestId, source, offset: part.Offset), source);
        var retried = await UploadAsync(client, TestTokens.Bearer(agency), Metadata(agency, requestId, source), source, stopAfter: 0);

        Assert.Equal((1024L * 1024 + 10, null), (part.Offset, part.Evidence));
        Assert.Equal(Sha256Of(source), rest.Evidence.Sha256);
        Assert.Equal(rest.Evidence.EvidenceId, retried.Evidence.EvidenceId);
        File.Delete(source);
    }

    [Fact]
    public async Task An_empty_file_is_evidence_too()
    {
        var agency = await app.RegisterAgencyAsync();
        var source = RandomFile(0, seed: 8);

        var evidence = (await UploadAsync(client, TestTokens.Bearer(agency), Metadata(agency, Id(), source), source)).Evidence;

        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", evidence.Sha256);
        Assert.Equal("1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b", evidence.Sm3);
        File.Delete(source);
    }

    [Fact]
    public async Task Another_agency_may_neither_upload_for_an_agency_nor_read_its_files()
    {
        var agency = await app.RegisterAgencyAsync();
        var other = await app.RegisterAgencyAsync("龙山县交通运输局");
        var source = RandomFile(1000, seed: 9);

        var foreignUpload = await FailsAsync(() => UploadAsync(client, TestTokens.Bearer(other), Metadata(agency, Id(), source), source));
        var evidence = (await UploadAsync(client, TestTokens.Bearer(agency), Metadata(agency, Id(), source), source)).Evidence;
        var foreignRead = await FailsAsync(() => DownloadAsync(client, TestTokens.Bearer(other), evidence.EvidenceId));
        var foreignDescribe = await FailsAsync(async () => await client.GetEvidenceAsync(new GetEvidenceRequest { EvidenceId = evidence.EvidenceId }, TestTokens.Bearer(other)));

        Assert.Equal(StatusCode.PermissionDenied, foreignUpload.StatusCode);
        Assert.Equal("retrieval-required", RuleOf(foreignRead));
        Assert.Equal("retrieval-required", RuleOf(foreignDescribe));
        File.Delete(source);
    }

    [Fact]
    public async Task A_first_message_that_is_not_metadata_is_invalid()
    {
        var agency = await app.RegisterAgencyAsync();
        using var call = client.UploadEvidence(TestTokens.Bearer(agency));
        await call.RequestStream.WriteAsync(new UploadEvidenceRequest { Chunk = Google.Protobuf.ByteString.CopyFromUtf8("x") });
        await call.RequestStream.CompleteAsync();

        var refused = await FailsAsync(async () => await call);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
    }

    static string RandomFileOnce(int seed) => RandomFile(100, seed);
}
