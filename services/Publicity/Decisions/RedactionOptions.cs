namespace Longshan.Publicity.Decisions;

/// <summary>
/// Local redaction settings (handbook: redaction is [local], configuration with defaults).
/// </summary>
public sealed record RedactionOptions
{
    /// <summary>The defaults.</summary>
    public static RedactionOptions Default { get; } = new();

    /// <summary>
    /// Health-information terms (健康信息, a kind of sensitive personal information under
    /// 《个人信息保护法》第二十八条) masked wherever they occur. Matching is literal, longest term first,
    /// case-insensitive for Latin letters; each occurrence becomes <see cref="Mask"/>. Only the term is
    /// masked, not its sentence, so the facts stay readable — list whole phrases (e.g. 乙型肝炎病毒携带者)
    /// when the surrounding words would still reveal the condition.
    /// </summary>
    public IReadOnlyList<string> HealthTerms { get; init; } =
    [
        "艾滋病", "HIV", "梅毒", "性病", "淋病", "乙型肝炎病毒携带者", "乙型肝炎", "乙肝", "丙型肝炎", "丙肝",
        "肺结核", "结核病", "传染病", "精神分裂症", "精神病", "精神障碍", "抑郁症", "双相情感障碍", "癫痫",
        "癌症", "恶性肿瘤", "白血病", "残疾", "怀孕", "妊娠", "流产", "吸毒成瘾", "药物依赖",
    ];

    /// <summary>Replacement for free-form values (addresses, health terms); fixed length so the original length is not revealed.</summary>
    public string Mask { get; init; } = "***";
}
