using System.Text.Json.Serialization;

namespace Longshan.Contracts.Events;

/// <summary>
/// The fields every integration event carries, first in its JSON body (camelCase):
/// <c>eventId</c>, <c>eventType</c>, <c>schemaVersion</c>, <c>occurredAt</c> (UTC) and <c>agencyCode</c>
/// (the 统一社会信用代码 of the agency the fact is about). The event's own fields follow.
/// Events are facts in past tense; subscribers must treat <c>eventId</c> as the deduplication key.
/// </summary>
public abstract record IntegrationEvent
{
    [JsonPropertyOrder(-5)]
    public required Guid EventId { get; init; }

    [JsonPropertyOrder(-2)]
    public required DateTimeOffset OccurredAt { get; init; }

    [JsonPropertyOrder(-1)]
    public required string AgencyCode { get; init; }

    [JsonPropertyOrder(-4)]
    public string EventType => Contract.Type;

    [JsonPropertyOrder(-3)]
    public int SchemaVersion => Contract.Version;

    EventContract Contract => EventCatalog.ContractOf(GetType());
}
