using System.Diagnostics.CodeAnalysis;

namespace Longshan.Platform.Identifiers;

/// <summary>What is wrong with a resident ID number (居民身份证号码).</summary>
public enum ResidentIdProblem
{
    /// <summary>Nothing: the number is valid.</summary>
    None,

    /// <summary>Missing or blank.</summary>
    Missing,

    /// <summary>Not 18 characters.</summary>
    Length,

    /// <summary>A character other than a digit in positions 1–17, or other than a digit or X in position 18.</summary>
    Characters,

    /// <summary>Positions 7–14 are not a real calendar date (YYYYMMDD).</summary>
    BirthDate,

    /// <summary>The birth date is after the reference day.</summary>
    BirthDateInFuture,

    /// <summary>Position 18 does not match the ISO 7064 MOD 11-2 check character.</summary>
    CheckCharacter,
}

/// <summary>Outcome of validating a resident ID number; <see cref="Message"/> is suitable for a gRPC field violation.</summary>
/// <param name="Problem">What is wrong, or <see cref="ResidentIdProblem.None"/>.</param>
/// <param name="Message">English description of the problem; null when valid.</param>
public sealed record ResidentIdValidation(ResidentIdProblem Problem, string? Message)
{
    /// <summary>True when the number is valid.</summary>
    public bool IsValid => Problem == ResidentIdProblem.None;
}

/// <summary>
/// A validated 18-character citizen identification number, GB 11643-1999 《公民身份号码》:
/// 6-digit address code, 8-digit birth date YYYYMMDD, 3-digit sequence (odd = male, even = female),
/// check character computed by ISO 7064 MOD 11-2 (weights 2^(17−i) mod 11 = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2;
/// check = (12 − Σ mod 11) mod 11, with 10 written as 'X').
/// A lowercase 'x' is accepted on input and normalised to 'X'. The address code is not checked against
/// GB/T 2260 (codes change over time); the old 15-digit number is not accepted.
/// </summary>
public sealed class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The normalised 18-character number (uppercase X).</summary>
    public string Value { get; }

    /// <summary>Birth date encoded in positions 7–14.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>Administrative-division code of registration (positions 1–6).</summary>
    public string AddressCode => Value[..6];

    /// <summary>Sex from the sequence code's last digit (position 17): odd male, even female.</summary>
    public bool IsMale => (Value[16] - '0') % 2 == 1;

    /// <summary>Validates <paramref name="value"/> as of <paramref name="today"/> (the birth date must not be later).</summary>
    public static ResidentIdValidation Validate(string? value, DateOnly today) => Inspect(value, today, out _);

    /// <summary>Validates and, when valid, returns the parsed number; <paramref name="validation"/> describes the first problem.</summary>
    public static bool TryParse(string? value, DateOnly today, [NotNullWhen(true)] out ResidentIdNumber? id, out ResidentIdValidation validation)
    {
        validation = Inspect(value, today, out id);
        return validation.IsValid;
    }

    /// <summary><c>TryValidate</c> style: true when valid, otherwise <paramref name="error"/> says what is wrong.</summary>
    public static bool TryValidate(string? value, DateOnly today, [NotNullWhen(false)] out string? error)
    {
        var validation = Inspect(value, today, out _);
        error = validation.Message;
        return validation.IsValid;
    }

    /// <summary>Parses a number known to be valid.</summary>
    /// <exception cref="FormatException">The number is invalid.</exception>
    public static ResidentIdNumber Parse(string value, DateOnly today) =>
        TryParse(value, today, out var id, out var validation) ? id : throw new FormatException(validation.Message);

    /// <summary>The MOD 11-2 check character for the first 17 digits.</summary>
    /// <exception cref="ArgumentException">Not exactly 17 ASCII digits.</exception>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17Digits)
    {
        if (first17Digits.Length != 17)
        {
            throw new ArgumentException("Exactly 17 digits are required.", nameof(first17Digits));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var c = first17Digits[i];
            if (!char.IsAsciiDigit(c))
            {
                throw new ArgumentException("Exactly 17 digits are required.", nameof(first17Digits));
            }

            sum += (c - '0') * Weights[i];
        }

        // GB 11643-1999 §5.3 / ISO 7064 MOD 11-2.
        return CheckCharacters[sum % 11];
    }

    /// <summary>Age in completed years (周岁) on <paramref name="date"/>.</summary>
    /// <remarks>
    /// A person reaches an age the day after the birthday (最高人民法院 法释〔2006〕1号 第二条:
    /// 周岁…从第二天起算), so on the 18th birthday itself the holder is still 17. For 29 February births the
    /// birthday in a common year is taken as 28 February.
    /// </remarks>
    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        if (age > 0 && date <= BirthDate.AddYears(age))
        {
            age--;
        }

        return Math.Max(age, 0);
    }

    /// <summary>Whether the holder is a minor (未成年人, under 18 — 《民法典》第十七条) on <paramref name="date"/>.</summary>
    public bool IsMinorOn(DateOnly date) => AgeOn(date) < 18;

    /// <inheritdoc />
    public override string ToString() => Value;

    private static ResidentIdValidation Inspect(string? raw, DateOnly today, out ResidentIdNumber? id)
    {
        id = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new(ResidentIdProblem.Missing, "resident ID number is required");
        }

        var value = raw.Trim();
        if (value.Length != 18)
        {
            return new(ResidentIdProblem.Length, $"resident ID number must be 18 characters, got {value.Length}");
        }

        value = value.ToUpperInvariant();
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return new(ResidentIdProblem.Characters, $"resident ID number character {i + 1} must be a digit");
            }
        }

        if (!char.IsAsciiDigit(value[17]) && value[17] != 'X')
        {
            return new(ResidentIdProblem.Characters, "resident ID number character 18 must be a digit or X");
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var birth))
        {
            return new(ResidentIdProblem.BirthDate, $"resident ID number birth date '{value.Substring(6, 8)}' is not a valid date");
        }

        if (birth > today)
        {
            return new(ResidentIdProblem.BirthDateInFuture, $"resident ID number birth date {birth:yyyy-MM-dd} is in the future");
        }

        var expected = ComputeCheckCharacter(value.AsSpan(0, 17));
        if (value[17] != expected)
        {
            return new(ResidentIdProblem.CheckCharacter, $"resident ID number check character is '{value[17]}', expected '{expected}'");
        }

        id = new ResidentIdNumber(value, birth);
        return new(ResidentIdProblem.None, null);
    }
}
