using Longshan.RecordingArchive.Officers;

namespace Longshan.RecordingArchive.Tests.Rules;

public sealed class CertificateValidityTests
{
    static readonly DateOnly From = new(2025, 1, 1);
    static readonly DateOnly To = new(2026, 12, 31);
    static readonly CertificateVersion Issued = new(1, "active", From, To, new DateOnly(2025, 3, 1));

    [Theory]
    [InlineData("2024-12-31", false)] // the day before validity starts
    [InlineData("2025-01-01", true)]  // its first day (before the platform learned of it: the first version's dates apply)
    [InlineData("2026-12-31", true)]  // its last day
    [InlineData("2027-01-01", false)] // the day after
    public void A_certificate_is_valid_from_its_first_to_its_last_day(string day, bool valid) =>
        Assert.Equal(valid, CertificateValidity.IsValidOn([Issued], DateOnly.Parse(day)));

    [Fact]
    public void A_suspension_counts_from_its_day_and_a_reinstatement_from_its_own()
    {
        CertificateVersion[] versions =
        [
            Issued,
            new(3, "active", From, To, new DateOnly(2026, 6, 10)),     // reinstated (arrived before the suspension: order does not matter)
            new(2, "suspended", From, To, new DateOnly(2026, 6, 1)),
        ];

        Assert.True(CertificateValidity.IsValidOn(versions, new DateOnly(2026, 5, 31)));
        Assert.False(CertificateValidity.IsValidOn(versions, new DateOnly(2026, 6, 1)));
        Assert.False(CertificateValidity.IsValidOn(versions, new DateOnly(2026, 6, 9)));
        Assert.True(CertificateValidity.IsValidOn(versions, new DateOnly(2026, 6, 10)));
    }

    [Fact]
    public void A_revoked_certificate_is_invalid_from_the_revocation_and_a_renewal_extends_the_dates_from_its_day()
    {
        CertificateVersion[] revoked = [Issued, new(2, "revoked", From, To, new DateOnly(2026, 2, 1))];
        CertificateVersion[] renewed = [Issued, new(2, "active", From, new DateOnly(2029, 12, 31), new DateOnly(2026, 11, 1))];

        Assert.True(CertificateValidity.IsValidOn(revoked, new DateOnly(2026, 1, 31)));
        Assert.False(CertificateValidity.IsValidOn(revoked, new DateOnly(2026, 2, 1)));
        Assert.True(CertificateValidity.IsValidOn(renewed, new DateOnly(2027, 6, 1)));
        Assert.False(CertificateValidity.IsValidOn([], new DateOnly(2026, 1, 1)));
    }

    [Theory]
    [InlineData("suspended", "suspended")]
    [InlineData("revoked", "revoked")]
    [InlineData("reinstated", "active")]
    [InlineData("renewed", "active")]
    public void A_change_names_the_state_after_it(string change, string state) => Assert.Equal(state, CertificateValidity.StateAfter(change));
}
