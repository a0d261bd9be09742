using System.Collections.Frozen;
using Longshan.Contracts.Events;
using Longshan.Contracts.Events.Archive;
using Longshan.Contracts.Events.LegalReview;
using Longshan.Contracts.Events.Publicity;
using Longshan.Platform.Data;
using Longshan.Platform.Messaging;
using Longshan.Statistics.Agencies;
using Longshan.Statistics.Decisions;
using Longshan.Statistics.Officers;
using Longshan.Statistics.Reviews;

namespace Longshan.Statistics.Journal;

/// <summary>One event type Statistics journals: its consumer's stable name and its projection (none: journal only).</summary>
public sealed record JournalEntry(Type EventType, string ConsumerName, Func<IntegrationEvent, DbSession, Task>? Projection, Action<IHostApplicationBuilder> Register)
{
    public Task ProjectAsync(IntegrationEvent @event, DbSession session) => Projection is null ? Task.CompletedTask : Projection(@event, session);
}

/// <summary>
/// Every event of the platform (<see cref="EventCatalog"/>) and what Statistics does with it: one line per event type,
/// either <c>Project&lt;T&gt;(projection)</c> or <c>JournalOnly&lt;T&gt;()</c>. A test fails while an event type of the
/// catalog is missing here, so a new event is journalled (and reaches the feed) from the day it exists.
/// A second schema version of an event is one more line (usually the same projection).
/// </summary>
public static class JournalTable
{
    public static IReadOnlyList<JournalEntry> Entries { get; } =
    [
        // Publicity (行政执法公示)
        Project<AgencyRegistered>((e, s) => AgencyKindCountStore.IncrementAsync(s, e.Kind)),
        Project<OfficerCertified>(OfficerRoster.CertifiedAsync),
        Project<OfficerCertificateChanged>(OfficerRoster.ChangedAsync),
        Project<DecisionRegistered>(DecisionCounts.RegisteredAsync),
        Project<DecisionPublished>(DecisionCounts.PublishedAsync),
        Project<PublicationOverdue>(DecisionCounts.PublicationOverdueAsync),
        Project<WithdrawalOverdue>(DecisionCounts.WithdrawalOverdueAsync),
        JournalOnly<DecisionUpdated>(),
        JournalOnly<DecisionRevoked>(),
        JournalOnly<PowerItemPublished>(),
        JournalOnly<PowerItemWithdrawn>(),
        JournalOnly<InspectionItemPublished>(),
        JournalOnly<InspectionDrawCompleted>(),
        JournalOnly<InspectionResultPublished>(),
        // LegalReview (法制审核)
        Project<ReviewCompleted>(ReviewCounts.CompletedAsync),
        JournalOnly<ReviewOverdue>(),
        JournalOnly<ReviewEscalated>(),
        JournalOnly<ReviewerRatioBelowMinimum>(),
        JournalOnly<MajorDecisionCatalogPublished>(),
        JournalOnly<DiscretionBenchmarkPublished>(),
        // RecordingArchive (执法全过程记录)
        JournalOnly<CaseArchived>(),
        JournalOnly<RecordRetrieved>(),
        // Publicity (issue 9): major decisions registered without a valid legal-review clearance
        Project<MajorDecisionWithoutClearance>(UnclearedMajorDecisionCounts.FlaggedAsync),
        // Publicity, issue 12
        JournalOnly<InspectionResultOverdue>(),
        JournalOnly<OfficerTrainingRecorded>(),
        JournalOnly<OfficerQualificationRecorded>(),
    ];

    static readonly FrozenDictionary<Type, JournalEntry> ByType = Entries.ToFrozenDictionary(e => e.EventType);

    public static JournalEntry For(Type eventType) =>
        ByType.TryGetValue(eventType, out var entry) ? entry : throw new InvalidOperationException($"{eventType.Name} is not in the JournalTable.");

    /// <summary>The consumer's name (its queue is <c>longshan.statistics.&lt;name&gt;</c>; see <see cref="EventSubscriptions.JournalNameOf"/>).</summary>
    public static string ConsumerNameOf(Type eventType) => EventSubscriptions.JournalNameOf(eventType);

    static JournalEntry Project<T>(Func<T, DbSession, Task> projection) where T : IntegrationEvent =>
        Entry<T>((e, session) => projection((T)e, session));

    static JournalEntry JournalOnly<T>() where T : IntegrationEvent => Entry<T>(null);

    static JournalEntry Entry<T>(Func<IntegrationEvent, DbSession, Task>? projection) where T : IntegrationEvent
    {
        var name = ConsumerNameOf(typeof(T));
        return new JournalEntry(typeof(T), name, projection, builder => builder.AddConsumer<JournalConsumer<T>>(name));
    }
}
