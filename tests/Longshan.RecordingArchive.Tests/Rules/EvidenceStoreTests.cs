using System.Security.Cryptography;
using System.Text;
using Longshan.RecordingArchive.EvidenceFiles;
using Longshan.RecordingArchive.Log;

namespace Longshan.RecordingArchive.Tests.Rules;

public sealed class EvidenceStoreTests : IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), "longshan-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    /// <summary>GB/T 32905-2016 appendix A examples.</summary>
    [Theory]
    [InlineData("abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")]
    [InlineData("abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd", "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")]
    public void The_hasher_computes_sm3_as_the_standard_and_sha256_beside_it(string text, string sm3)
    {
        using var hasher = new ContentHasher();
        var bytes = Encoding.ASCII.GetBytes(text);
        hasher.Append(bytes.AsSpan(0, 1));
        hasher.Append(bytes.AsSpan(1));

        var (sha256, actualSm3) = hasher.Finish();

        Assert.Equal(sm3, actualSm3);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), sha256);
    }

    [Fact]
    public async Task Committed_content_is_stored_once_under_its_hash_and_a_second_commit_of_it_drops_its_bytes()
    {
        var store = new LocalEvidenceStore(root);
        var bytes = Encoding.UTF8.GetBytes("询问笔录");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        foreach (var key in new[] { "a/1", "b/2" })
            await using (var partial = store.OpenPartialForAppend(key, 0)) await partial.WriteAsync(bytes);

        var first = await store.CommitAsync("a/1", sha, CancellationToken.None);
        var second = await store.CommitAsync("b/2", sha, CancellationToken.None);

        Assert.Equal((true, false), (first, second));
        Assert.True(store.Contains(sha));
        Assert.Equal((0L, 0L), (store.PartialLength("a/1"), store.PartialLength("b/2")));
        await using var read = store.OpenRead(sha);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Appending_at_an_offset_cuts_what_lay_beyond_it_and_upload_keys_never_name_a_path()
    {
        var store = new LocalEvidenceStore(root);
        const string key = "../../etc/passwd";
        await using (var partial = store.OpenPartialForAppend(key, 0)) await partial.WriteAsync(new byte[100]);
        await using (var partial = store.OpenPartialForAppend(key, 40)) await partial.WriteAsync(new byte[10]);

        Assert.Equal(50, store.PartialLength(key));
        Assert.All(Directory.GetFiles(root, "*", SearchOption.AllDirectories), f => Assert.StartsWith(Path.Combine(root, "partial"), f));
        Assert.Throws<ArgumentException>(() => store.Contains("../x"));
    }
}
