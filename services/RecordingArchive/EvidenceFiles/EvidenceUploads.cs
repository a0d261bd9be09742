using System.Collections.Concurrent;
using Longshan.Contracts.Archive.V1;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;

namespace Longshan.RecordingArchive.EvidenceFiles;

/// <summary>The rules of an upload's metadata, pure.</summary>
public static class EvidenceUploads
{
    /// <summary>Largest file accepted (1 TiB): a bound on the declared size, not on memory (uploads stream).</summary>
    public const long MaxSize = 1L << 40;

    public const int DownloadChunkSize = 1 << 20;

    public static FieldViolations Validate(UploadMetadata metadata)
    {
        var violations = new FieldViolations().RequestId(metadata.RequestId);
        var agency = UnifiedSocialCreditCode.Normalize(metadata.AgencyCode);
        if (UnifiedSocialCreditCode.Validate(agency) is { } error) violations.Add("metadata.agency_code", error);
        violations.Required("metadata.file_name", metadata.FileName).MaxLength("metadata.file_name", metadata.FileName, 260);
        violations.Required("metadata.media_type", metadata.MediaType).MaxLength("metadata.media_type", metadata.MediaType, 100);
        if (metadata.Size is < 0 or > MaxSize) violations.Add("metadata.size", $"须在 0 与 {MaxSize} 之间 / must be 0–{MaxSize} bytes");
        if (!IsSha256(metadata.Sha256)) violations.Add("metadata.sha256", "须为 64 位十六进制 SHA-256 / must be a SHA-256 in 64 hex digits");
        if (metadata.Offset < 0 || metadata.Offset > metadata.Size) violations.Add("metadata.offset", "须在 0 与 size 之间 / must be 0–size");
        return violations;
    }

    public static bool IsSha256(string? text) => text is { Length: 64 } && text.All(Uri.IsHexDigit);

    /// <summary>The upload session's key: one per agency and request_id.</summary>
    public static string Key(string agencyCode, string requestId) => agencyCode + "/" + requestId;

    /// <summary>Whether a resumed upload repeats the first one's metadata (the offset aside).</summary>
    public static bool SameUpload(UploadSessionRow session, UploadMetadata metadata) =>
        session.FileName == metadata.FileName && session.MediaType == metadata.MediaType && session.Size == metadata.Size
        && string.Equals(session.Sha256, metadata.Sha256, StringComparison.OrdinalIgnoreCase);
}

/// <summary>At most one stream per upload session at a time in this process.</summary>
public sealed class UploadGate
{
    readonly ConcurrentDictionary<string, byte> active = new(StringComparer.Ordinal);

    public IDisposable? TryEnter(string key) => active.TryAdd(key, 0) ? new Lease(this, key) : null;

    sealed class Lease(UploadGate gate, string key) : IDisposable
    {
        int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) gate.active.TryRemove(key, out _);
        }
    }
}
