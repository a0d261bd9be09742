namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// 执法人员培训已登记 — a training of an officer (岗前培训 or 在岗培训) was recorded, with its hours (T24(2)).
/// Exchange <c>longshan.publicity.officer-training-recorded.v1</c>. No personal data beyond the officer's name.
/// </summary>
[EventContract("publicity", "OfficerTrainingRecorded", 1)]
public sealed record OfficerTrainingRecorded : IntegrationEvent
{
    public required Guid OfficerId { get; init; }

    public required Guid RecordId { get; init; }

    public required string Name { get; init; }

    /// <summary><c>pre-service</c> (岗前) or <c>on-the-job</c> (在岗).</summary>
    public required string TrainingKind { get; init; }

    public required string Course { get; init; }

    public required int Hours { get; init; }

    public required DateOnly CompletedOn { get; init; }

    /// <summary>The officer's totals after this record.</summary>
    public required int PreServiceHours { get; init; }

    public required int OnTheJobHours { get; init; }
}
