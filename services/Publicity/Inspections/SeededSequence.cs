using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Longshan.Publicity.Inspections;

/// <summary>
/// Deterministic random sequence defined from a published seed, re-implementable in any language:
/// block_k = SHA-256(UTF-8(seed) ‖ k as 8-byte big-endian), k = 0, 1, 2, …; the stream is
/// block_0 ‖ block_1 ‖ … read as consecutive unsigned 64-bit big-endian integers (4 per block).
/// Not System.Random, whose algorithm is not a published specification.
/// </summary>
public sealed class SeededSequence
{
    private readonly byte[] _input;
    private readonly byte[] _block = new byte[32];
    private ulong _counter;
    private int _offset = 32;

    /// <summary>Starts the stream for <paramref name="seed"/>.</summary>
    public SeededSequence(string seed)
    {
        ArgumentException.ThrowIfNullOrEmpty(seed);
        var seedBytes = Encoding.UTF8.GetBytes(seed);
        _input = new byte[seedBytes.Length + 8];
        seedBytes.CopyTo(_input, 0);
    }

    /// <summary>The next unsigned 64-bit integer of the stream.</summary>
    public ulong NextUInt64()
    {
        if (_offset == 32)
        {
            BinaryPrimitives.WriteUInt64BigEndian(_input.AsSpan(_input.Length - 8), _counter++);
            SHA256.HashData(_input, _block);
            _offset = 0;
        }

        var value = BinaryPrimitives.ReadUInt64BigEndian(_block.AsSpan(_offset, 8));
        _offset += 8;
        return value;
    }

    /// <summary>
    /// Uniform integer in [0, <paramref name="n"/>) by rejection sampling: limit = 2^64 − (2^64 mod n);
    /// take the next u; while u ≥ limit take the next; return u mod n.
    /// </summary>
    public int NextBelow(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var bound = (ulong)n;
        var limit = ulong.MaxValue - ((ulong.MaxValue % bound) + 1) % bound; // = 2^64 − (2^64 mod n) − 1, inclusive
        ulong u;
        do
        {
            u = NextUInt64();
        }
        while (u > limit);

        return (int)(u % bound);
    }
}
