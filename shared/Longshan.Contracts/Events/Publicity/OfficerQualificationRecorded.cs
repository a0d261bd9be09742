namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// 执法人员资格已登记 — an officer's exam result (执法资格考试) or national legal professional qualification (国家统一法律职业资格,
/// which exempts from the exam) was recorded (T2(1), T24(3)). LegalReview's reviewer roster takes the legal professional
/// qualification from it (《行政处罚法》第五十八条第二款). Exchange <c>longshan.publicity.officer-qualification-recorded.v1</c>.
/// </summary>
[EventContract("publicity", "OfficerQualificationRecorded", 1)]
public sealed record OfficerQualificationRecorded : IntegrationEvent
{
    public required Guid OfficerId { get; init; }

    public required Guid RecordId { get; init; }

    public required string Name { get; init; }

    /// <summary><c>exam</c> or <c>legal-professional</c>.</summary>
    public required string QualificationKind { get; init; }

    /// <summary>Exam day, or the day the qualification was granted.</summary>
    public required DateOnly ObtainedOn { get; init; }

    /// <summary>Exam only: passed; true for a legal professional qualification.</summary>
    public required bool Passed { get; init; }

    /// <summary>法律职业资格证书编号; null for an exam.</summary>
    public string? LegalCertificateNumber { get; init; }

    /// <summary>The officer's standing after this record: <c>not-met</c>, <c>passed</c> or <c>exempt</c>.</summary>
    public required string ExamStanding { get; init; }
}
