using Longshan.Contracts.Events;
using Longshan.Statistics.Journal;

namespace Longshan.Statistics.Tests;

/// <summary>Statistics journals every event of the platform: a new event type must be given a line in JournalTable.</summary>
public sealed class JournalTableTests
{
    [Fact]
    public void Every_event_type_in_the_catalog_has_a_projection_or_is_journal_only()
    {
        var listed = JournalTable.Entries.Select(e => e.EventType).ToHashSet();
        var missing = EventCatalog.All.Where(t => !listed.Contains(t)).Select(t => t.FullName).Order().ToList();

        Assert.True(EventCatalog.All.Count() >= 15, "is the catalog still finding the events?");
        Assert.True(missing.Count == 0,
            "Add a line to services/Statistics/Journal/JournalTable.cs (Project<T>(...) or JournalOnly<T>()) for: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_table_lists_only_catalog_events_each_once_with_a_distinct_consumer_name()
    {
        var catalog = EventCatalog.All.ToHashSet();
        Assert.Empty(JournalTable.Entries.Where(e => !catalog.Contains(e.EventType)).Select(e => e.EventType.Name));
        Assert.Equal(JournalTable.Entries.Count, JournalTable.Entries.Select(e => e.EventType).Distinct().Count());
        Assert.Equal(JournalTable.Entries.Count, JournalTable.Entries.Select(e => e.ConsumerName).Distinct().Count());
    }

    [Fact]
    public void Version_1_keeps_the_queue_name_of_the_agency_counter_and_later_versions_get_a_suffix()
    {
        Assert.Equal("agency-registered", JournalTable.ConsumerNameOf(typeof(Contracts.Events.Publicity.AgencyRegistered)));
        Assert.Equal("decision-registered", JournalTable.ConsumerNameOf(typeof(Contracts.Events.Publicity.DecisionRegistered)));
        Assert.Contains(JournalTable.Entries, e => e.Projection is null);
        Assert.Contains(JournalTable.Entries, e => e.Projection is not null);
    }
}
