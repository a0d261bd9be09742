using Longshan.Platform.Identifiers;

namespace Longshan.UnitTests.Publicity;

public sealed class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 3, 4);

    /// <summary>
    /// Independent implementation of GB 11643-1999 / ISO 7064 MOD 11-2 for the tests: weight of
    /// position i (1-based, from the left) is 2^(18−i) mod 11; check value a = (12 − Σ mod 11) mod 11, 10 → X.
    /// </summary>
    private static string WithCheck(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = (int)(Math.Pow(2, 17 - i) % 11);
            sum += (first17[i] - '0') * weight;
        }

        var a = (12 - (sum % 11)) % 11;
        return first17 + (a == 10 ? "X" : a.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("11010519491231002X")] // GB 11643-1999 example
    [InlineData("440524188001010014")] // GB 11643-1999 example
    public void Published_samples_are_valid(string id)
    {
        Assert.True(ResidentIdNumber.Validate(id, Today).IsValid);
        Assert.Equal(id[17], ResidentIdNumber.ComputeCheckCharacter(id.AsSpan(0, 17)));
    }

    [Theory]
    [InlineData("43312719900307123")]
    [InlineData("43312720080229456")]
    [InlineData("11010519491231002")]
    [InlineData("50010320100101001")]
    public void Computed_check_characters_validate(string first17)
    {
        var id = WithCheck(first17);
        Assert.True(ResidentIdNumber.TryValidate(id, Today, out var error), error);
        Assert.Null(error);
    }

    [Fact]
    public void Lowercase_x_is_accepted_and_normalised()
    {
        Assert.True(ResidentIdNumber.TryParse("11010519491231002x", Today, out var id, out _));
        Assert.Equal("11010519491231002X", id.Value);
    }

    [Fact]
    public void Wrong_check_character_is_reported()
    {
        var valid = WithCheck("43312719900307123");
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var result = ResidentIdNumber.Validate(wrong, Today);
        Assert.Equal(ResidentIdProblem.CheckCharacter, result.Problem);
        Assert.Contains("check character", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("43312719900230123")] // 30 February
    [InlineData("43312719901301123")] // month 13
    [InlineData("43312720230229123")] // 2023 is not a leap year
    public void Impossible_birth_date_is_reported(string first17)
    {
        Assert.Equal(ResidentIdProblem.BirthDate, ResidentIdNumber.Validate(WithCheck(first17), Today).Problem);
    }

    [Fact]
    public void Future_birth_date_is_reported()
    {
        Assert.Equal(ResidentIdProblem.BirthDateInFuture, ResidentIdNumber.Validate(WithCheck("43312720260305123"), Today).Problem);
        Assert.True(ResidentIdNumber.Validate(WithCheck("43312720260304123"), Today).IsValid);
    }

    [Theory]
    [InlineData("", ResidentIdProblem.Missing)]
    [InlineData(null, ResidentIdProblem.Missing)]
    [InlineData("11010519491231002", ResidentIdProblem.Length)]
    [InlineData("11010519491231002X1", ResidentIdProblem.Length)]
    [InlineData("430102800229123", ResidentIdProblem.Length)] // old 15-digit number
    [InlineData("1101051949123100AX", ResidentIdProblem.Characters)]
    [InlineData("11010519491231002Y", ResidentIdProblem.Characters)]
    public void Malformed_numbers_are_reported(string? value, ResidentIdProblem problem)
    {
        var result = ResidentIdNumber.Validate(value, Today);
        Assert.Equal(problem, result.Problem);
        Assert.False(string.IsNullOrEmpty(result.Message));
    }

    [Fact]
    public void Minor_status_follows_the_day_after_the_18th_birthday()
    {
        var id = ResidentIdNumber.Parse(WithCheck("43312720080304123"), Today); // born 2008-03-04
        Assert.Equal(new DateOnly(2008, 3, 4), id.BirthDate);
        Assert.True(id.IsMinorOn(new DateOnly(2026, 3, 3)));
        Assert.True(id.IsMinorOn(new DateOnly(2026, 3, 4))); // 18th birthday: still 17 (法释〔2006〕1号 第二条)
        Assert.False(id.IsMinorOn(new DateOnly(2026, 3, 5)));
        Assert.Equal(18, id.AgeOn(new DateOnly(2026, 3, 5)));
    }

    [Fact]
    public void Leap_day_birth_comes_of_age_on_1_March()
    {
        var id = ResidentIdNumber.Parse(WithCheck("43312720080229123"), new DateOnly(2026, 12, 31));
        Assert.True(id.IsMinorOn(new DateOnly(2026, 2, 28)));
        Assert.False(id.IsMinorOn(new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void Sex_and_address_code_are_exposed()
    {
        var id = ResidentIdNumber.Parse("11010519491231002X", Today);
        Assert.False(id.IsMale); // sequence 002: even
        Assert.Equal("110105", id.AddressCode);
    }

    [Fact]
    public void Parse_rejects_invalid_numbers()
    {
        Assert.Throws<FormatException>(() => ResidentIdNumber.Parse("110105194912310021", Today));
    }
}
