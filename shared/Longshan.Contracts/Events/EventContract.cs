namespace Longshan.Contracts.Events;

/// <summary>
/// Declares an event's stable name, schema version and RabbitMQ exchange
/// (<c>longshan.&lt;service&gt;.&lt;event&gt;.v&lt;version&gt;</c>, fanout, durable).
/// The exchange name is part of the public contract: never rename it; a breaking change is a new version.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventContractAttribute(string service, string type, int version) : Attribute
{
    public EventContract Contract { get; } = new(service, type, version);
}

public sealed record EventContract(string Service, string Type, int Version)
{
    public string Exchange => $"longshan.{Service}.{KebabCase(Type)}.v{Version}";

    static string KebabCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
