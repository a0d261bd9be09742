using Google.Protobuf.WellKnownTypes;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Grpc;

namespace Longshan.Publicity.PowerList;

/// <summary>The head of an item: its current version and whether it is in force.</summary>
public sealed record PowerItemHead(int CurrentVersion, string Status)
{
    public bool IsWithdrawn => Status == PowerItemNames.Withdrawn;
}

/// <summary>
/// 权责清单动态调整 — versions of an item. The list is updated when laws or mandates change (国办发〔2018〕118号; T2):
/// each change is a new immutable version with its reason, the previous one stays visible as history; a withdrawal
/// (废止) is a last version with status withdrawn. Pure: no I/O.
/// </summary>
public static class PowerItemVersioning
{
    /// <summary>The rule named in FailedPrecondition when a withdrawn item is changed.</summary>
    public const string WithdrawnRule = "118号: 已废止的事项只保留为历史 / a withdrawn item stays history";

    /// <summary>Why no version may be added now; null when one may.</summary>
    public static string? Refusal(PowerItemHead? head) =>
        head is { IsWithdrawn: true }
            ? $"事项已于第 {head.CurrentVersion} 版废止，不能再变更，请以新的事项编码公布 / item withdrawn in version {head.CurrentVersion}; publish it under a new code"
            : null;

    /// <summary>A new version of an existing item must say why it changed (法律修订, 机构改革, …); a first one need not.</summary>
    public static FieldViolations ValidateChange(PowerItemHead? head, PowerItemChangeReason reason, string note)
    {
        var violations = new FieldViolations();
        if (head is null) return violations;
        if (reason is PowerItemChangeReason.Unspecified or PowerItemChangeReason.Initial)
            violations.Add("change_reason", "新版本须说明变更原因 / a new version needs a change reason");
        return violations.Required("change_note", note);
    }

    public static PowerItem NewVersion(
        string agencyCode, PowerItemContent content, PowerItemHead? head, PowerItemChangeReason reason, string note, DateTimeOffset now) => new()
    {
        AgencyCode = agencyCode,
        Version = (head?.CurrentVersion ?? 0) + 1,
        Status = PowerItemStatus.InForce,
        Content = Normalize(content),
        EffectiveFrom = Timestamp.FromDateTimeOffset(now),
        ChangeReason = reason == PowerItemChangeReason.Unspecified ? PowerItemChangeReason.Initial : reason,
        ChangeNote = note.Trim(),
    };

    /// <summary>The withdrawn version: the last content, marked withdrawn, with the reason.</summary>
    public static PowerItem Withdrawal(PowerItem current, PowerItemChangeReason reason, string note, DateTimeOffset now) => new()
    {
        AgencyCode = current.AgencyCode,
        Version = current.Version + 1,
        Status = PowerItemStatus.Withdrawn,
        Content = current.Content.Clone(),
        EffectiveFrom = Timestamp.FromDateTimeOffset(now),
        ChangeReason = reason,
        ChangeNote = note.Trim(),
    };

    /// <summary>The content as stored: every text trimmed.</summary>
    public static PowerItemContent Normalize(PowerItemContent content)
    {
        var normal = content.Clone();
        normal.ItemCode = normal.ItemCode.Trim();
        normal.Name = normal.Name.Trim();
        foreach (var basis in normal.LegalBases) { basis.Law = basis.Law.Trim(); basis.Article = basis.Article.Trim(); }
        foreach (var step in normal.Steps) { step.Name = step.Name.Trim(); step.Responsible = step.Responsible.Trim(); }
        foreach (var channel in normal.RemedyChannels) { channel.Body = channel.Body.Trim(); channel.Contact = channel.Contact.Trim(); }
        if (normal.ServiceGuide is { } guide)
        {
            guide.AcceptingBody = guide.AcceptingBody.Trim();
            guide.ApprovingBody = guide.ApprovingBody.Trim();
            guide.Conditions = guide.Conditions.Trim();
            guide.FeeBasis = guide.FeeBasis.Trim();
            guide.Contact = guide.Contact.Trim();
            foreach (var material in guide.Materials) { material.Name = material.Name.Trim(); material.Note = material.Note.Trim(); }
        }
        return normal;
    }
}
