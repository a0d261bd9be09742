using System.Security.Cryptography;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Archive.V1;

namespace Longshan.RecordingArchive.Tests.Support;

/// <summary>Test files and the client side of streamed uploads and downloads.</summary>
public static class Uploads
{
    public const int ChunkSize = 1 << 20;

    /// <summary>A file of <paramref name="size"/> pseudo-random bytes (seeded: the same seed, the same bytes) in the temp folder.</summary>
    public static string RandomFile(long size, int seed)
    {
        var path = Path.Combine(Path.GetTempPath(), $"longshan-evidence-{Guid.NewGuid():N}.bin");
        var random = new Random(seed);
        var buffer = new byte[ChunkSize];
        using var file = File.Create(path);
        for (var left = size; left > 0; left -= buffer.Length)
        {
            random.NextBytes(buffer);
            file.Write(buffer, 0, (int)Math.Min(buffer.Length, left));
        }
        return path;
    }

    public static string Sha256Of(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    /// <summary>SM3 by BouncyCastle, independently of the service's hasher.</summary>
    public static string Sm3Of(string path)
    {
        var digest = new Org.BouncyCastle.Crypto.Digests.SM3Digest();
        var buffer = new byte[ChunkSize];
        using var file = File.OpenRead(path);
        int read;
        while ((read = file.Read(buffer)) > 0) digest.BlockUpdate(buffer, 0, read);
        var result = new byte[32];
        digest.DoFinal(result, 0);
        return Convert.ToHexStringLower(result);
    }

    public static UploadMetadata Metadata(string agency, string requestId, string path, string? sha256 = null, long offset = 0) => new()
    {
        RequestId = requestId, AgencyCode = agency, FileName = Path.GetFileName(path), MediaType = "video/mp4",
        Size = new FileInfo(path).Length, Sha256 = sha256 ?? Sha256Of(path), Offset = offset,
    };

    /// <summary>
    /// Streams <paramref name="path"/> from <paramref name="metadata"/>'s offset; stops (half-closes) after
    /// <paramref name="stopAfter"/> bytes when given; <paramref name="afterChunk"/> runs after each chunk sent.
    /// </summary>
    public static async Task<UploadEvidenceResponse> UploadAsync(
        EvidenceService.EvidenceServiceClient client, Metadata headers, UploadMetadata metadata, string path, long? stopAfter = null,
        Func<long, Task>? afterChunk = null, CancellationToken cancellationToken = default)
    {
        using var call = client.UploadEvidence(headers, cancellationToken: cancellationToken);
        try
        {
            await SendAsync(call.RequestStream, metadata, path, stopAfter, afterChunk, cancellationToken);
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            // The server refused the upload while chunks were still being sent: a write then fails with whatever the
            // client saw first, which may lack the server's status details. The server's own answer is the call's.
            await call.ResponseAsync;
            throw;
        }
        return await call;
    }

    static async Task SendAsync(IClientStreamWriter<UploadEvidenceRequest> stream, UploadMetadata metadata, string path, long? stopAfter,
        Func<long, Task>? afterChunk, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(new UploadEvidenceRequest { Metadata = metadata }, cancellationToken);
        await using var file = File.OpenRead(path);
        file.Seek(metadata.Offset, SeekOrigin.Begin);
        var buffer = new byte[ChunkSize];
        var sent = metadata.Offset;
        int read;
        while ((stopAfter is null || sent < stopAfter) && (read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, (stopAfter ?? long.MaxValue) - sent)), cancellationToken)) > 0)
        {
            await stream.WriteAsync(new UploadEvidenceRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) }, cancellationToken);
            sent += read;
            if (afterChunk is not null) await afterChunk(sent);
        }

        await stream.CompleteAsync();
    }

    /// <summary>Downloads into a new temp file; returns the description and the file's path.</summary>
    public static async Task<(Evidence Evidence, string Path)> DownloadAsync(EvidenceService.EvidenceServiceClient client, Metadata headers, string evidenceId, string retrievalId = "")
    {
        var path = Path.Combine(Path.GetTempPath(), $"longshan-download-{Guid.NewGuid():N}.bin");
        using var call = client.DownloadEvidence(new DownloadEvidenceRequest { EvidenceId = evidenceId, RetrievalId = retrievalId }, headers);
        Evidence? evidence = null;
        await using var file = File.Create(path);
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            if (message.PartCase == DownloadEvidenceResponse.PartOneofCase.Evidence) evidence = message.Evidence;
            else await file.WriteAsync(message.Chunk.Memory);
        }
        return (evidence ?? throw new InvalidOperationException("no description"), path);
    }

    public static async Task<RpcException> FailsAsync(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);

    /// <summary>The rule ids of a refusal, in order.</summary>
    public static IReadOnlyList<string> RulesOf(RpcException refused) =>
        refused.GetRpcStatus()?.GetDetail<PreconditionFailure>()?.Violations.Select(v => v.Type).ToList() ?? [];

    public static string RuleOf(RpcException refused) => Assert.Single(RulesOf(refused));
}
