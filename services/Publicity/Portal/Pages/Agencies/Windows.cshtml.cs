using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Publicity.Agencies;
using Longshan.Publicity.ServiceWindows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Longshan.Publicity.Portal.Pages.Agencies;

/// <summary>
/// 政务服务窗口岗位信息公示牌 (seed task T3(3)): an agency's windows, each as its board — matters, hours, supervision
/// phone, and the staff on duty today (name, post, staff number or certificate number; never an ID or phone number).
/// The same store and rules as the public <c>ListServiceWindows</c> call.
/// </summary>
public sealed class WindowsModel(ReadSession reads, AgencyStore agencies, ServiceWindowStore windows, TimeProvider time) : PageModel
{
    public Agency Agency { get; private set; } = new();

    public IReadOnlyList<PublicServiceWindow> Windows { get; private set; } = [];

    public string? NextPage { get; private set; }

    public string CheckedOn { get; private set; } = "";

    [BindProperty(SupportsGet = true, Name = "after")]
    public string? PageToken { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        code = UnifiedSocialCreditCode.Normalize(code);
        if (!UnifiedSocialCreditCode.IsValid(code)) return NotFound();
        var violations = new FieldViolations();
        var paging = Paging.Read(violations, "service-windows", Paging.DefaultSize, PageToken);
        if (!violations.IsEmpty) return BadRequest();
        var session = await reads.GetAsync(cancellationToken);
        if (await agencies.FindAsync(session, code) is not { } agency) return NotFound();
        Agency = agency;
        var today = CountyTime.Today(time);
        var page = paging.Cut(await windows.PageAsync(session, code, paging.AfterKey ?? "", paging.Fetch), w => w.NumberKey);
        Windows = [.. page.Items.Select(w => WindowBoards.Public(w.Window, w.CurrentBoard, today))];
        NextPage = page.NextToken.Length > 0 ? page.NextToken : null;
        CheckedOn = CountyTime.Format(today);
        return Page();
    }

    /// <summary>"3号窗口" for a number of digits, "A03窗口" otherwise.</summary>
    public static string Title(ServiceWindow window)
    {
        if (!window.Number.All(char.IsAsciiDigit)) return $"{window.Number}窗口";
        var digits = window.Number.TrimStart('0');
        return $"{(digits.Length > 0 ? digits : "0")}号窗口";
    }
}
