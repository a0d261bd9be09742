using Longshan.Contracts.Publicity.V1;
using Event = Longshan.Contracts.Events.Publicity;

namespace Longshan.Publicity.PowerList;

/// <summary>The integration events of the power list, from a stored version. Pure: no I/O.</summary>
public static class PowerItemEvents
{
    public static Event.PowerItemPublished Published(PowerItem item, Guid eventId) => new()
    {
        EventId = eventId,
        OccurredAt = item.EffectiveFrom.ToDateTimeOffset(),
        AgencyCode = item.AgencyCode,
        ItemCode = item.Content.ItemCode,
        Version = item.Version,
        Name = item.Content.Name,
        Category = CategoryName(item),
        LegalBases = item.Content.LegalBases.Select(b => new Event.PowerItemLegalBasis(b.Law, b.Article)).ToList(),
        Steps = item.Content.Steps
            .Select(s => new Event.PowerItemStep(s.Name, s.Responsible, s.HasTimeLimitWorkingDays ? s.TimeLimitWorkingDays : null))
            .ToList(),
        TimeLimitWorkingDays = item.Content.TimeLimitWorkingDays,
        ChangeReason = PowerItemNames.ReasonName(item.ChangeReason)!,
        ChangeNote = item.ChangeNote,
        EffectiveFrom = item.EffectiveFrom.ToDateTimeOffset(),
    };

    public static Event.PowerItemWithdrawn Withdrawn(PowerItem item, Guid eventId) => new()
    {
        EventId = eventId,
        OccurredAt = item.EffectiveFrom.ToDateTimeOffset(),
        AgencyCode = item.AgencyCode,
        ItemCode = item.Content.ItemCode,
        Version = item.Version,
        Name = item.Content.Name,
        Category = CategoryName(item),
        Reason = PowerItemNames.ReasonName(item.ChangeReason)!,
        Note = item.ChangeNote,
    };

    static string CategoryName(PowerItem item) => PowerItemNames.Name(PowerItemNames.ToDomain(item.Content.Category)!.Value);
}
