using Longshan.Contracts.Archive.V1;
using Longshan.RecordingArchive.Tests.Support;
using static Longshan.RecordingArchive.Tests.Support.Uploads;

namespace Longshan.RecordingArchive.Tests.EvidenceFiles;

/// <summary>
/// The service stops in the middle of an upload (its host is disposed while the stream runs), starts again on the same
/// SQLite file and evidence folder, and the client resumes: the stored file's hashes match the source. In-process
/// stand-in for killing the process (the AppHost test is the lead's); 64 MiB instead of 1 GB to keep the suite short.
/// </summary>
public sealed class UploadRestartTests
{
    [Fact]
    public async Task An_upload_cut_by_a_service_restart_resumes_and_the_stored_file_matches_the_source()
    {
        var paths = ArchivePaths.New();
        var source = RandomFile(64L * 1024 * 1024 + 99, seed: 11);
        var requestId = "restart-" + Guid.NewGuid().ToString("N");
        string agency;
        try
        {
            var first = new ArchiveAppOn(paths);
            agency = await first.RegisterAgencyAsync();
            var client = new EvidenceService.EvidenceServiceClient(first.Channel);
            Task? stopping = null;
            // At 20 MiB the service goes down (its host stops) and the client's stream breaks with it.
            await Assert.ThrowsAnyAsync<Exception>(() => UploadAsync(client, TestTokens.Bearer(agency), Metadata(agency, requestId, source), source,
                afterChunk: sent =>
                {
                    if (sent < 20 * ChunkSize || stopping is not null) return Task.CompletedTask;
                    stopping = Task.Run(async () => await first.DisposeAsync());
                    throw new IOException("the service went away");
                }));
            await stopping!;
            Assert.Equal(0, await first.CountAsync("SELECT COUNT(*) FROM evidence"));

            await using var second = new ArchiveAppOn(paths);
            var resumedClient = new EvidenceService.EvidenceServiceClient(second.Channel);
            var offset = (await resumedClient.GetUploadOffsetAsync(new GetUploadOffsetRequest { RequestId = requestId, AgencyCode = agency }, TestTokens.Bearer(agency))).Offset;
            Assert.InRange(offset, 1, 20 * ChunkSize);

            var evidence = (await UploadAsync(resumedClient, TestTokens.Bearer(agency), Metadata(agency, requestId, source, offset: offset), source)).Evidence;

            Assert.Equal((Sha256Of(source), Sm3Of(source)), (evidence.Sha256, evidence.Sm3));
            var stored = Path.Combine(paths.Storage, "sha256", evidence.Sha256[..2], evidence.Sha256);
            Assert.Equal((Sha256Of(source), Sm3Of(source)), (Sha256Of(stored), Sm3Of(stored)));
            Assert.Equal(1, await second.CountAsync("SELECT COUNT(*) FROM evidence"));
            Assert.Empty(Directory.GetFiles(Path.Combine(paths.Storage, "partial")));
        }
        finally
        {
            File.Delete(source);
            paths.Delete();
        }
    }
}
