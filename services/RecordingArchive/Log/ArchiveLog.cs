using System.Security.Cryptography;
using Longshan.Platform.Data;

namespace Longshan.RecordingArchive.Log;

/// <summary>One entry of the archive log: what was stored (kind and id), for which agency, its hashes, by whom, when.</summary>
/// <param name="Kind">evidence-file, case-opened, record, case-archived …</param>
/// <param name="Sha256">SHA-256 (hex) of the stored file or of the record's canonical form.</param>
/// <param name="Sm3">SM3 (hex, GB/T 32905) of the same bytes.</param>
public sealed record ArchiveEntry(string Kind, string Subject, string AgencyCode, string Sha256, string Sm3, string RecordedBy, DateTimeOffset RecordedAt)
{
    /// <summary>An entry for a record whose canonical form is <paramref name="content"/> (hashed here).</summary>
    public static ArchiveEntry ForContent(string kind, string subject, string agencyCode, ReadOnlySpan<byte> content, string recordedBy, DateTimeOffset recordedAt)
    {
        var hasher = new ContentHasher();
        hasher.Append(content);
        var (sha256, sm3) = hasher.Finish();
        return new ArchiveEntry(kind, subject, agencyCode, sha256, sm3, recordedBy, recordedAt);
    }
}

/// <summary>
/// The one append point of everything the archive stores: every evidence file's hashes and every record (case opened,
/// text and in-process records, archiving) pass through <see cref="AppendAsync"/>, inside the write's transaction, so
/// an entry exists exactly when the thing it describes was committed. The later tamper-evident log (RFC 6962 Merkle
/// tree with signed checkpoints) is built on this sequence: it only has to hash these rows in order.
/// </summary>
public sealed class ArchiveLog
{
    static readonly SqlStatement Insert = new(
        """
        INSERT INTO archive_log (kind, subject, agency_code, sha256, sm3, recorded_by, recorded_at)
        VALUES (@Kind, @Subject, @AgencyCode, @Sha256, @Sm3, @RecordedBy, @RecordedAt)
        RETURNING sequence
        """,
        """
        INSERT INTO dbo.archive_log (kind, subject, agency_code, sha256, sm3, recorded_by, recorded_at)
        OUTPUT INSERTED.sequence
        VALUES (@Kind, @Subject, @AgencyCode, @Sha256, @Sm3, @RecordedBy, @RecordedAt)
        """);

    /// <summary>Appends <paramref name="entry"/> in <paramref name="session"/>'s transaction; returns its sequence number.</summary>
    public async Task<long> AppendAsync(DbSession session, ArchiveEntry entry)
    {
        if (!session.IsWrite) throw new InvalidOperationException("The archive log is appended inside a write transaction.");
        return await session.ScalarAsync<long>(Insert, entry);
    }
}

/// <summary>SHA-256 and SM3 (GB/T 32905, BouncyCastle) of one stream of bytes, computed in one pass.</summary>
public sealed class ContentHasher : IDisposable
{
    readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    readonly Org.BouncyCastle.Crypto.Digests.SM3Digest sm3 = new();

    public void Append(ReadOnlySpan<byte> bytes)
    {
        sha256.AppendData(bytes);
        sm3.BlockUpdate(bytes);
    }

    /// <summary>Both digests as lower-case hex.</summary>
    public (string Sha256, string Sm3) Finish()
    {
        var sm3Bytes = new byte[sm3.GetDigestSize()];
        sm3.DoFinal(sm3Bytes, 0);
        return (Convert.ToHexStringLower(sha256.GetHashAndReset()), Convert.ToHexStringLower(sm3Bytes));
    }

    public void Dispose() => sha256.Dispose();
}
