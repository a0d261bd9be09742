namespace Longshan.RecordingArchive.EvidenceFiles;

/// <summary>
/// Where evidence bytes live: unfinished uploads as partial content under an upload key, finished files
/// content-addressed by their SHA-256. The local folder (<see cref="LocalEvidenceStore"/>) is the default; an
/// S3-compatible store implements the same (partial = a multipart upload, commit = complete it under the hash).
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Bytes of the unfinished upload kept so far (0 when none).</summary>
    long PartialLength(string uploadKey);

    /// <summary>
    /// A stream that appends to the unfinished upload from <paramref name="offset"/> (anything after it is cut off).
    /// </summary>
    Stream OpenPartialForAppend(string uploadKey, long offset);

    /// <summary>Reads the unfinished upload from its start (to restore the hashes when an upload resumes).</summary>
    Stream OpenPartialForRead(string uploadKey);

    /// <summary>
    /// Makes the unfinished upload durable (fsync) and stores it under <paramref name="sha256"/>; when that content is
    /// already stored, the upload's bytes are dropped. Returns whether new content was stored.
    /// </summary>
    Task<bool> CommitAsync(string uploadKey, string sha256, CancellationToken cancellationToken);

    /// <summary>Drops an unfinished upload (a refused one keeps nothing).</summary>
    void Discard(string uploadKey);

    bool Contains(string sha256);

    /// <summary>Reads stored content.</summary>
    Stream OpenRead(string sha256);
}
