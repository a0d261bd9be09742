namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// One penalty of a decision (《行政处罚法》第九条). <c>Kind</c> names one column of the annual statistics:
/// warning (警告), public-criticism (通报批评), fine (罚款), confiscation-of-illegal-gains (没收违法所得),
/// confiscation-of-illegal-property (没收非法财物), permit-suspension (暂扣许可证件), qualification-downgrade (降低资质等级),
/// permit-revocation (吊销许可证件), business-restriction (限制开展生产经营活动), suspension-order (责令停产停业),
/// closure-order (责令关闭), practice-restriction (限制从业), administrative-detention (行政拘留) or other (其他, art. 9(6));
/// or the legacy confiscation (没收违法所得、没收非法财物 combined), which only decisions registered before the two
/// confiscations had their own kinds carry. Before practice-restriction existed, closure-order stood for
/// 责令关闭、限制从业. Names are never renamed; new ones may be added within v1 (an additive change, EVENTS.md), so
/// subscribers accept names they do not know. The order of severity is configuration (<c>Statistics:SeverityOrder</c>),
/// not this list's. <c>AmountFen</c> is in fen (分), 0 when none is stated (only fines and confiscations state one).
/// </summary>
public sealed record DecisionPenalty(string Kind, long AmountFen);
