using Longshan.Platform.Identifiers;

namespace Longshan.UnitTests.Platform;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("914403001922038216")] // a published code of a Shenzhen company
    [InlineData("91350100M000100Y43")] // the worked example circulated with GB 32100-2015
    public void Published_codes_are_valid(string code) => Assert.Null(UnifiedSocialCreditCode.Validate(code));

    [Fact]
    public void The_check_character_follows_the_weights_of_the_standard()
    {
        // Σ Ci·Wi for 11431300000000001: 1·1 + 1·3 + 4·9 + 3·27 + 1·19 + 3·26 + 1·28 = 246; 246 mod 31 = 29; 31 − 29 = 2.
        Assert.Equal('2', UnifiedSocialCreditCode.CheckCharacter("11431300000000001"));
        Assert.Null(UnifiedSocialCreditCode.Validate("114313000000000012"));
    }

    [Fact]
    public void Lower_case_and_surrounding_spaces_are_normalised() =>
        Assert.Null(UnifiedSocialCreditCode.Validate(" 91350100m000100y43 "));

    [Theory]
    [InlineData("", "18")]
    [InlineData("91350100M000100Y4", "18")]
    [InlineData("91350100M000100Y433", "18")]
    [InlineData("91350100M00010OY43", "'O'")] // O is not a code character
    [InlineData("91350100I000100Y43", "'I'")]
    [InlineData("913501Z0M000100Y43", "'Z'")]
    [InlineData("9135A100M000100Y43", "positions 3–8")]
    [InlineData("91350100M000100Y44", "expected '3'")]
    public void Wrong_codes_say_what_is_wrong(string code, string expected)
    {
        var error = UnifiedSocialCreditCode.Validate(code);
        Assert.NotNull(error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Every_single_character_change_of_a_valid_code_is_caught()
    {
        const string valid = "91350100M000100Y43";
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (var position = 0; position < 18; position++)
        foreach (var replacement in alphabet.Where(c => c != valid[position]))
        {
            var changed = valid[..position] + replacement + valid[(position + 1)..];
            Assert.False(UnifiedSocialCreditCode.IsValid(changed), changed);
        }
    }
}
