namespace Longshan.Publicity.Decisions;

/// <summary>
/// 处罚种类 — kind of administrative penalty (《行政处罚法》第九条), one per column of the annual statistics
/// (DOMAIN.md, Statistics), plus the legacy combined confiscation. Listed in the statistics' column order; the
/// numeric values mean nothing — the severity order is configuration (<c>Statistics:SeverityOrder</c>, see
/// <see cref="Longshan.Platform.Legal.PenaltySeverity"/>). Mapped to proto, names and Chinese text in
/// <see cref="PenaltyKinds"/> only.
/// </summary>
public enum PenaltyKind
{
    /// <summary>警告 — warning (art. 9(1)).</summary>
    Warning,

    /// <summary>通报批评 — public criticism (art. 9(1)).</summary>
    PublicCriticism,

    /// <summary>罚款 — fine (art. 9(2)).</summary>
    Fine,

    /// <summary>没收违法所得 — confiscation of illegal gains (art. 9(2)).</summary>
    ConfiscationOfIllegalGains,

    /// <summary>没收非法财物 — confiscation of illegal property (art. 9(2)).</summary>
    ConfiscationOfIllegalProperty,

    /// <summary>
    /// Legacy: 没收违法所得、没收非法财物 combined (art. 9(2)). Kept for decisions registered before the two had their
    /// own kinds; a new registration must name <see cref="ConfiscationOfIllegalGains"/> and/or
    /// <see cref="ConfiscationOfIllegalProperty"/>. Ranks as <see cref="ConfiscationOfIllegalProperty"/>.
    /// </summary>
    LegacyConfiscation,

    /// <summary>暂扣许可证件 — suspension of a permit (art. 9(3)).</summary>
    PermitSuspension,

    /// <summary>降低资质等级 — downgrade of a qualification (art. 9(3)).</summary>
    QualificationDowngrade,

    /// <summary>吊销许可证件 — revocation of a permit (art. 9(3)).</summary>
    PermitRevocation,

    /// <summary>限制开展生产经营活动 — restriction of production or business activities (art. 9(4)).</summary>
    BusinessRestriction,

    /// <summary>责令停产停业 — order to suspend production or business (art. 9(4)).</summary>
    SuspensionOrder,

    /// <summary>责令关闭 — closure order (art. 9(4)). Before <see cref="PracticeRestriction"/> existed this kind read "责令关闭、限制从业".</summary>
    ClosureOrder,

    /// <summary>限制从业 — restriction from practising (art. 9(4)).</summary>
    PracticeRestriction,

    /// <summary>行政拘留 — administrative detention (art. 9(5)).</summary>
    AdministrativeDetention,

    /// <summary>其他 — another penalty set by a law or an administrative regulation (art. 9(6)); any named kind is more severe.</summary>
    Other,
}
