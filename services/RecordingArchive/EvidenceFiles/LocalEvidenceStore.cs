using System.Security.Cryptography;
using System.Text;

namespace Longshan.RecordingArchive.EvidenceFiles;

/// <summary>
/// Evidence in a local folder: <c>partial/&lt;key&gt;</c> for unfinished uploads and <c>sha256/ab/&lt;hash&gt;</c> for
/// stored content. A file reaches its content address only by a rename after it was flushed to disk, so a stored file
/// is always whole; the same bytes are stored once.
/// </summary>
public sealed class LocalEvidenceStore : IEvidenceStore
{
    readonly string partials;
    readonly string contents;

    public LocalEvidenceStore(string root)
    {
        Root = Path.GetFullPath(root);
        partials = Path.Combine(Root, "partial");
        contents = Path.Combine(Root, "sha256");
        Directory.CreateDirectory(partials);
        Directory.CreateDirectory(contents);
    }

    public string Root { get; }

    /// <summary>An upload key is hashed into the file name, so no key can name a path outside the folder.</summary>
    string PartialPath(string uploadKey) =>
        Path.Combine(partials, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(uploadKey))) + ".part");

    string ContentPath(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit)) throw new ArgumentException("not a SHA-256 in hex", nameof(sha256));
        var hash = sha256.ToLowerInvariant();
        return Path.Combine(contents, hash[..2], hash);
    }

    public long PartialLength(string uploadKey)
    {
        var file = new FileInfo(PartialPath(uploadKey));
        return file.Exists ? file.Length : 0;
    }

    public Stream OpenPartialForAppend(string uploadKey, long offset)
    {
        // bufferSize 0: chunks go straight to the file, no second copy in a FileStream buffer.
        var stream = new FileStream(PartialPath(uploadKey), FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, bufferSize: 0,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        if (stream.Length != offset) stream.SetLength(Math.Min(stream.Length, offset));
        stream.Seek(0, SeekOrigin.End);
        return stream;
    }

    public Stream OpenPartialForRead(string uploadKey) =>
        new FileStream(PartialPath(uploadKey), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);

    public Task<bool> CommitAsync(string uploadKey, string sha256, CancellationToken cancellationToken)
    {
        var partial = PartialPath(uploadKey);
        var target = ContentPath(sha256);
        if (!File.Exists(partial))
        {
            // An empty upload never created its partial file.
            using var created = new FileStream(partial, FileMode.CreateNew, FileAccess.Write);
        }

        if (File.Exists(target))
        {
            File.Delete(partial);
            return Task.FromResult(false);
        }

        // fsync before the rename: the content address must never name a file whose bytes are still in the page cache.
        using (var file = new FileStream(partial, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            file.Flush(flushToDisk: true);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(partial, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            // The same content was committed by a parallel upload meanwhile.
            File.Delete(partial);
            return Task.FromResult(false);
        }

        return Task.FromResult(true);
    }

    public void Discard(string uploadKey) => File.Delete(PartialPath(uploadKey));

    public bool Contains(string sha256) => File.Exists(ContentPath(sha256));

    public Stream OpenRead(string sha256) =>
        new FileStream(ContentPath(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
