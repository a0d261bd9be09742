using System.Text.RegularExpressions;

namespace Longshan.Publicity.Officers;

/// <summary>
/// Configuration section <c>Officers</c>. The certificate number (执法证号) is issued by the province, so its
/// format is configuration (DOMAIN.md, Identifiers: "format configurable").
/// </summary>
public sealed class OfficerOptions
{
    public const string Section = "Officers";

    /// <summary>
    /// Regular expression a certificate number must match after trimming and upper-casing. Default: a province
    /// prefix of one or two upper-case letters or digits, then digits; 6–20 characters in all (e.g. <c>HN43013012345</c>).
    /// </summary>
    public string CertificateNumberPattern { get; set; } = "^(?=.{6,20}$)[0-9A-Z]{1,2}[0-9]+$";
}

/// <summary>The configured certificate number format, compiled once.</summary>
public sealed class CertificateNumberFormat(OfficerOptions options)
{
    readonly Regex pattern = new(options.CertificateNumberPattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    /// <summary>Numbers are kept upper-case, without surrounding spaces.</summary>
    public static string Normalize(string? number) => (number ?? "").Trim().ToUpperInvariant();

    /// <summary>Null when <paramref name="normalized"/> has the province's format; otherwise the problem.</summary>
    public string? Validate(string normalized) =>
        normalized.Length == 0 ? "必填 / required"
        : pattern.IsMatch(normalized) ? null
        : $"执法证号格式不符 / certificate number does not match the format {options.CertificateNumberPattern}";
}
