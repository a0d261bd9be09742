using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Publicity.Officers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Longshan.Publicity.Portal.Pages.Officers;

/// <summary>事中公示 (T3): anyone checks an officer's certificate number on the spot — same query as the public gRPC call.</summary>
public sealed class VerifyModel(CertificateVerification verification, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "number")]
    public string? Number { get; set; }

    public VerifyCertificateResponse? Result { get; private set; }

    public bool Unknown { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var number = CertificateNumberFormat.Normalize(Number);
        if (number.Length is 0 or > 64) return;
        Result = await verification.VerifyAsync(number, CountyTime.Today(time), cancellationToken);
        Unknown = Result is null;
    }
}
