namespace Longshan.LegalReview.Staffing;

/// <summary>
/// Configuration section <c>LegalReview:Staffing</c>. 国办发〔2018〕118号: legal reviewers in principle not fewer than 5% of
/// the agency's enforcement officers (T11).
/// </summary>
public sealed class StaffingOptions
{
    public const string Section = "LegalReview:Staffing";

    public int MinimumPercent { get; set; } = 5;
}

/// <summary>The reviewer ratio rule. Pure.</summary>
public static class StaffingRatio
{
    /// <summary>
    /// Below the minimum when the agency has officers and reviewers / officers &lt; minimum% (exactly the minimum is
    /// enough). Integer arithmetic: reviewers × 100 &lt; minimum × officers.
    /// </summary>
    public static bool Below(int reviewers, int officers, int minimumPercent) =>
        officers > 0 && (long)reviewers * 100 < (long)minimumPercent * officers;

    /// <summary>The ratio in basis points (1/10,000); 0 without officers.</summary>
    public static int BasisPoints(int reviewers, int officers) => officers == 0 ? 0 : (int)((long)reviewers * 10_000 / officers);
}
