using System.Text.RegularExpressions;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Publicity.Decisions;
using Longshan.Publicity.Officers;

namespace Longshan.Publicity.ServiceWindows;

/// <summary>
/// 政务服务窗口岗位信息公示 (seed task T3(3) 政务服务窗口规范设置岗位信息公示牌): validation of the window RPCs' requests,
/// before anything is read or written. Pure: no I/O.
/// </summary>
public static partial class ServiceWindowRequests
{
    public const int MaxNumberLength = 16;
    public const int MaxNameLength = 100;
    public const int MaxPlaceLength = 200;
    public const int MaxMatters = 100;
    public const int MaxMatterLength = 200;
    public const int MaxPhoneLength = 40;
    public const int MaxStaff = 50;
    public const int MaxPersonLength = 50;

    const string PersonalNumber = "不得填写身份证号、手机号等个人号码 / must not hold an ID, telephone or bank number of a person";

    public static FieldViolations Validate(RegisterServiceWindowRequest request)
    {
        var violations = Agency(new FieldViolations().RequestId(request.RequestId), request.AgencyCode)
            .Required("number", request.Number).MaxLength("number", request.Number.Trim(), MaxNumberLength)
            .Required("name", request.Name).MaxLength("name", request.Name.Trim(), MaxNameLength)
            .Required("hall", request.Hall).MaxLength("hall", request.Hall.Trim(), MaxPlaceLength)
            .MaxLength("floor", request.Floor.Trim(), MaxPlaceLength)
            .Required("opening_hours", request.OpeningHours).MaxLength("opening_hours", request.OpeningHours.Trim(), MaxPlaceLength)
            .Required("supervision_phone", request.SupervisionPhone);
        if (request.WindowId.Length > 0 && !Guid.TryParse(request.WindowId, out _)) violations.Add("window_id", "须为窗口编号 (UUID) 或留空 / must be a window id or empty");
        if (request.Number.Trim() is { Length: > 0 } number && !NumberPattern().IsMatch(number))
            violations.Add("number", "窗口编号只能包含字母、数字和连字符 / letters, digits and '-' only");
        if (request.SupervisionPhone.Trim() is { Length: > 0 } phone && (phone.Length > MaxPhoneLength || !PhonePattern().IsMatch(phone)))
            violations.Add("supervision_phone", "须为电话号码，如 0743-6221234 / must be a telephone number, e.g. 0743-6221234");
        if (request.Matters.Count is 0 or > MaxMatters) violations.Add("matters", $"须列出 1–{MaxMatters} 项办理事项 / list 1–{MaxMatters} matters");
        for (var i = 0; i < Math.Min(request.Matters.Count, MaxMatters); i++)
            violations.Required($"matters[{i}]", request.Matters[i]).MaxLength($"matters[{i}]", request.Matters[i].Trim(), MaxMatterLength);
        return violations;
    }

    public static FieldViolations Validate(SetWindowDutyRequest request)
    {
        var violations = WindowId(Agency(new FieldViolations().RequestId(request.RequestId), request.AgencyCode), request.WindowId);
        if (request.Staff.Count > MaxStaff) return violations.Add("staff", $"每块公示牌至多 {MaxStaff} 人 / at most {MaxStaff} people per board");
        for (var i = 0; i < request.Staff.Count; i++) Staff(violations, $"staff[{i}]", request.Staff[i]);
        Duplicates(violations, request.Staff, s => s.StaffNumber, "staff_number");
        Duplicates(violations, request.Staff, s => s.CertificateNumber, "certificate_number");
        return violations;
    }

    public static FieldViolations WindowId(FieldViolations violations, string windowId) =>
        Guid.TryParse(windowId, out _) ? violations : violations.Add("window_id", "须为窗口编号 (UUID) / must be a window id");

    public static FieldViolations Agency(FieldViolations violations, string agencyCode) =>
        UnifiedSocialCreditCode.Validate(UnifiedSocialCreditCode.Normalize(agencyCode)) is { } error ? violations.Add("agency_code", error) : violations;

    static void Staff(FieldViolations violations, string field, WindowStaff staff)
    {
        violations.Required($"{field}.name", staff.Name).MaxLength($"{field}.name", staff.Name.Trim(), MaxPersonLength)
            .Required($"{field}.post", staff.Post).MaxLength($"{field}.post", staff.Post.Trim(), MaxPersonLength)
            .MaxLength($"{field}.staff_number", staff.StaffNumber.Trim(), MaxPersonLength)
            .MaxLength($"{field}.certificate_number", staff.CertificateNumber.Trim(), 64);
        if (staff.StaffNumber.Trim().Length == 0 && staff.CertificateNumber.Trim().Length == 0)
            violations.Add($"{field}.staff_number", "须填写工号或执法证号 / a staff number or a certificate number is required");
        // T3(3) shows the post, not the person's private data: no ID or phone number may slip in through a text field.
        foreach (var (name, value) in new[] { ("name", staff.Name), ("post", staff.Post), ("staff_number", staff.StaffNumber) })
            if (PersonalDataMasks.MaskNumbers(value) != value) violations.Add($"{field}.{name}", PersonalNumber);
        var from = CountyTime.ParseDate(staff.OnDutyFrom);
        if (from is null) violations.Add($"{field}.on_duty_from", "须为 YYYY-MM-DD 日期 / must be a date YYYY-MM-DD");
        if (staff.OnDutyTo.Trim().Length == 0) return;
        if (CountyTime.ParseDate(staff.OnDutyTo) is not { } to) violations.Add($"{field}.on_duty_to", "须为 YYYY-MM-DD 日期或留空 / must be a date YYYY-MM-DD or empty");
        else if (from is { } start && to < start) violations.Add($"{field}.on_duty_to", "不得早于上岗日期 / must not be before on_duty_from");
    }

    static void Duplicates(FieldViolations violations, IReadOnlyList<WindowStaff> staff, Func<WindowStaff, string> key, string name)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < staff.Count; i++)
            if (key(staff[i]).Trim() is { Length: > 0 } value && !seen.Add(value))
                violations.Add($"staff[{i}].{name}", "同一公示牌上重复 / appears twice on the board");
    }

    /// <summary>
    /// The window number as compared and sorted: upper case; a number of digits only loses its leading zeros ("03" is
    /// window 3) and is left-padded, so windows sort 1, 2, 10.
    /// </summary>
    public static string NumberKey(string number)
    {
        var key = number.Trim().ToUpperInvariant();
        if (key.Length > 0 && key.All(char.IsAsciiDigit)) key = key.TrimStart('0') is { Length: > 0 } digits ? digits : "0";
        return key.PadLeft(MaxNumberLength, '0');
    }

    /// <summary>The request as stored: trimmed, the certificate number in its normal form, an open end as "".</summary>
    public static WindowStaff Normalize(WindowStaff staff) => new()
    {
        Name = staff.Name.Trim(),
        Post = staff.Post.Trim(),
        StaffNumber = staff.StaffNumber.Trim(),
        CertificateNumber = CertificateNumberFormat.Normalize(staff.CertificateNumber),
        OnDutyFrom = CountyTime.Format(CountyTime.Date(staff.OnDutyFrom)),
        OnDutyTo = staff.OnDutyTo.Trim().Length == 0 ? "" : CountyTime.Format(CountyTime.Date(staff.OnDutyTo)),
    };

    [GeneratedRegex(@"^[0-9A-Za-z\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[0-9+()（）\- 转]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
