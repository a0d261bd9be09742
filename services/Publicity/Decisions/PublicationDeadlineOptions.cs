namespace Longshan.Publicity.Decisions;

/// <summary>
/// Working-day counts for publication and withdrawal. The defaults are the legal defaults; they are
/// options (not constants) because the handbook requires legal periods to be configurable.
/// </summary>
public sealed record PublicationDeadlineOptions
{
    /// <summary>The legal defaults.</summary>
    public static PublicationDeadlineOptions Default { get; } = new();

    /// <summary>
    /// Permits (行政许可) and penalties (行政处罚): publish within 7 working days of the decision
    /// (国办发〔2018〕118号, 二、(三) 加强事后公开).
    /// </summary>
    public int PermitAndPenaltyWorkingDays { get; init; } = 7;

    /// <summary>Other decisions: publish within 20 working days of the decision (国办发〔2018〕118号).</summary>
    public int OtherDecisionWorkingDays { get; init; } = 20;

    /// <summary>
    /// A published decision that is revoked, changed, confirmed illegal or void is withdrawn, with
    /// the reason published, within 3 working days (《行政处罚法》第四十八条第二款).
    /// </summary>
    public int WithdrawalWorkingDays { get; init; } = 3;
}
