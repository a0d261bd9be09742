using System.Collections.Frozen;
using System.Reflection;

namespace Longshan.Contracts.Events;

/// <summary>Every integration event type of the platform, found by its <see cref="EventContractAttribute"/>.</summary>
public static class EventCatalog
{
    static readonly FrozenDictionary<Type, EventContract> ByClrType = typeof(EventCatalog).Assembly.GetTypes()
        .Select(t => (Type: t, Attribute: t.GetCustomAttribute<EventContractAttribute>()))
        .Where(x => x.Attribute is not null)
        .ToFrozenDictionary(x => x.Type, x => x.Attribute!.Contract);

    static readonly FrozenDictionary<string, Type> ByName = ByClrType.ToFrozenDictionary(x => x.Value.Type, x => x.Key);

    public static IEnumerable<Type> All => ByClrType.Keys;

    public static EventContract ContractOf(Type eventType) =>
        ByClrType.TryGetValue(eventType, out var contract)
            ? contract
            : throw new InvalidOperationException($"{eventType.Name} has no [EventContract] attribute.");

    public static bool TryContractOf(Type eventType, out EventContract? contract) => ByClrType.TryGetValue(eventType, out contract);

    public static Type TypeOf(string eventType) =>
        ByName.TryGetValue(eventType, out var type)
            ? type
            : throw new InvalidOperationException($"Unknown event type '{eventType}'.");
}
