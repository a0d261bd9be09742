using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Longshan.Testing;

/// <summary>
/// Malformed requests for any RPC, generated from its request descriptor with a fixed seed: empty messages, 1 MB
/// strings, unknown enum numbers, negative and huge numbers, impossible dates, long repeated fields, injection strings
/// (SQL, HTML, control characters, RTL marks), out-of-range timestamps, nested messages.
/// </summary>
public sealed class RpcFuzzer(int seed)
{
    readonly Random random = new(seed);

    static readonly string OneMegabyte = new('x', 1 << 20);

    static readonly string[] HostileStrings =
    [
        "", " ", "\t\n", "2024-02-30", "0000-01-01", "9999-12-31", "2026-13-01", "-1", "99999999999999999999999",
        "' OR '1'='1' --", "'; DROP TABLE decisions; --", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
        "\u0000\u0001\u0007\u001b[31m", "\u202Egnp.exe", "\u200B\u200F\u2066", "龙山县\u0000市场", "../../etc/passwd", "%s%n%x",
        "null", "NaN", "{{7*7}}", "${jndi:ldap://x}", "11433130MB1234567Q", "11433130MB123456", "ａｂｃ１２３", "〔2026〕",
        "e\u0301\u0301\u0301\u0301", "\uD800", new string('字', 5000), "LS-FZSH-" + new string('9', 300),
    ];

    static readonly long[] HostileNumbers = [0, -1, 1, int.MinValue, int.MaxValue, long.MinValue, long.MaxValue, 1_000_000_000_000];

    /// <summary><paramref name="count"/> requests for the descriptor; the first is empty, one in ten carries a 1 MB string.</summary>
    public IEnumerable<IMessage> Requests(MessageDescriptor descriptor, int count)
    {
        yield return (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        for (var i = 1; i < count; i++) yield return Message(descriptor, depth: 0, huge: i % 10 == 5);
    }

    IMessage Message(MessageDescriptor descriptor, int depth, bool huge)
    {
        var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        if (descriptor.ClrType == typeof(Timestamp)) return new Timestamp { Seconds = Pick(HostileNumbers), Nanos = (int)Pick(HostileNumbers) };
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (random.Next(4) == 0) continue; // leave some fields unset
            if (field.IsMap) continue;
            if (field.IsRepeated)
            {
                var list = (System.Collections.IList)field.Accessor.GetValue(message);
                var length = random.Next(5) == 0 ? 1000 : random.Next(3);
                for (var i = 0; i < length; i++) list.Add(Value(field, depth, huge: false));
            }
            else if (field.RealContainingOneof is null || random.Next(2) == 0)
            {
                field.Accessor.SetValue(message, Value(field, depth, huge && field.FieldType == FieldType.String));
            }
        }
        return message;
    }

    object Value(FieldDescriptor field, int depth, bool huge) => field.FieldType switch
    {
        FieldType.String => huge ? OneMegabyte : Pick(HostileStrings),
        FieldType.Bytes => ByteString.CopyFrom(RandomBytes(huge ? 1 << 20 : random.Next(64))),
        FieldType.Bool => random.Next(2) == 0,
        FieldType.Enum => random.Next(3) == 0 ? 0 : random.Next(2) == 0 ? 999 : -7,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => (int)Math.Clamp(Pick(HostileNumbers), int.MinValue, int.MaxValue),
        FieldType.UInt32 or FieldType.Fixed32 => (uint)Math.Clamp(Pick(HostileNumbers), 0, uint.MaxValue),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Pick(HostileNumbers),
        FieldType.UInt64 or FieldType.Fixed64 => (ulong)Math.Max(0, Pick(HostileNumbers)),
        FieldType.Double => Pick([double.NaN, double.PositiveInfinity, -1e308, -0.01, 1e308]),
        FieldType.Float => Pick([float.NaN, float.NegativeInfinity, -1f, 3.4e38f]),
        FieldType.Message or FieldType.Group => depth < 3
            ? Message(field.MessageType, depth + 1, huge)
            : (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!,
        _ => throw new NotSupportedException(field.FieldType.ToString()),
    };

    T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];

    byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
