namespace Longshan.Publicity.Decisions;

/// <summary>
/// Category of an administrative enforcement decision (行政执法决定的执法类别), as listed in the
/// ex-post publicity guidance 国办发〔2018〕118号 and the handbook glossary.
/// </summary>
public enum DecisionCategory
{
    /// <summary>行政许可 — administrative permit.</summary>
    Permit,

    /// <summary>行政处罚 — administrative penalty.</summary>
    Penalty,

    /// <summary>行政强制 — administrative coercion.</summary>
    Coercion,

    /// <summary>行政征收 — levy.</summary>
    Levy,

    /// <summary>行政征用 — requisition.</summary>
    Requisition,

    /// <summary>行政检查 — inspection.</summary>
    Inspection,

    /// <summary>行政给付 — payment (benefits).</summary>
    Payment,

    /// <summary>行政确认 — confirmation.</summary>
    Confirmation,

    /// <summary>行政奖励 — award.</summary>
    Award,

    /// <summary>行政裁决 — ruling.</summary>
    Ruling,

    /// <summary>其他行政执法行为 — other.</summary>
    Other,
}
