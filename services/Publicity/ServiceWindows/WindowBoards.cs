using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Publicity.Officers;

namespace Longshan.Publicity.ServiceWindows;

/// <summary>
/// 岗位信息公示牌 (seed task T3(3)): who a board shows on a day, and whether a person named with a certificate number may
/// stand on it. Pure: no I/O.
/// </summary>
public static class WindowBoards
{
    /// <summary>The people of the current board on duty on <paramref name="day"/> (their period holds that day).</summary>
    public static IEnumerable<WindowStaff> OnDuty(IEnumerable<WindowStaff> board, DateOnly day) =>
        board.Where(s => CountyTime.Date(s.OnDutyFrom) <= day && (s.OnDutyTo.Length == 0 || day <= CountyTime.Date(s.OnDutyTo)));

    /// <summary>
    /// Why the certificate cannot be shown for <paramref name="staff"/>; null when it can. 《行政处罚法》第五十五条 and
    /// T3(3): the number on the board is what citizens check, so it must be a certificate of the window's own agency, held
    /// by the person named, valid on the first day the person is on duty from now on.
    /// </summary>
    public static string? CertificateProblem(WindowStaff staff, OfficerRecord? officer, string agencyCode, DateOnly today)
    {
        if (officer is null) return $"执法证号 {staff.CertificateNumber} 不存在 / no such certificate";
        if (officer.AgencyCode != agencyCode) return $"执法证 {staff.CertificateNumber} 属于其他执法主体 / the certificate belongs to another agency";
        if (officer.Name != staff.Name) return $"执法证 {staff.CertificateNumber} 的持证人不是 {staff.Name} / the certificate is held by someone else";
        var day = CountyTime.Date(staff.OnDutyFrom) is var from && from > today ? from : today;
        return officer.StatusOn(day) == CertificateStatus.Valid ? null
            : $"执法证 {staff.CertificateNumber} 在 {CountyTime.Format(day)} 无效 / the certificate is not valid on {CountyTime.Format(day)}";
    }

    public static ServiceWindow ToWindow(RegisterServiceWindowRequest request, Guid windowId, int version) => new()
    {
        WindowId = windowId.ToString(),
        AgencyCode = Platform.Identifiers.UnifiedSocialCreditCode.Normalize(request.AgencyCode),
        Number = request.Number.Trim().ToUpperInvariant(),
        Name = request.Name.Trim(),
        Hall = request.Hall.Trim(),
        Floor = request.Floor.Trim(),
        Matters = { request.Matters.Select(m => m.Trim()) },
        OpeningHours = request.OpeningHours.Trim(),
        SupervisionPhone = request.SupervisionPhone.Trim(),
        Version = version,
    };

    public static PublicServiceWindow Public(ServiceWindow window, IEnumerable<WindowStaff> currentBoard, DateOnly today) =>
        new() { Window = window, OnDuty = { OnDuty(currentBoard, today) } };
}
