using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Publicity.Officers;
using Microsoft.Extensions.Time.Testing;

namespace Longshan.UnitTests.Publicity;

public sealed class CertificateLifecycleTests
{
    static readonly DateOnly From = new(2025, 1, 1);
    static readonly DateOnly To = new(2026, 12, 31);

    [Theory]
    [InlineData(CertificateState.Active, "2026-12-31", CertificateStatus.Valid)]
    [InlineData(CertificateState.Active, "2027-01-01", CertificateStatus.Expired)]
    [InlineData(CertificateState.Active, "2024-12-31", CertificateStatus.NotYetValid)]
    [InlineData(CertificateState.Suspended, "2026-06-01", CertificateStatus.Suspended)]
    [InlineData(CertificateState.Suspended, "2027-01-01", CertificateStatus.Expired)]
    [InlineData(CertificateState.Revoked, "2026-06-01", CertificateStatus.Revoked)]
    [InlineData(CertificateState.Revoked, "2027-01-01", CertificateStatus.Revoked)]
    public void Status_follows_the_state_and_the_date(CertificateState state, string day, CertificateStatus expected) =>
        Assert.Equal(expected, CertificateLifecycle.StatusOn(state, From, To, DateOnly.Parse(day)));

    [Theory]
    [InlineData(CertificateState.Revoked, CertificateChange.Renewed, "certificate-revocation-is-final")]
    [InlineData(CertificateState.Revoked, CertificateChange.Reinstated, "certificate-revocation-is-final")]
    [InlineData(CertificateState.Revoked, CertificateChange.Suspended, "certificate-revocation-is-final")]
    [InlineData(CertificateState.Revoked, CertificateChange.Revoked, "certificate-revocation-is-final")]
    [InlineData(CertificateState.Suspended, CertificateChange.Suspended, "certificate-already-suspended")]
    [InlineData(CertificateState.Active, CertificateChange.Reinstated, "certificate-not-suspended")]
    [InlineData(CertificateState.Active, CertificateChange.Renewed, null)]
    [InlineData(CertificateState.Suspended, CertificateChange.Renewed, null)]
    [InlineData(CertificateState.Suspended, CertificateChange.Revoked, null)]
    [InlineData(CertificateState.Active, CertificateChange.Suspended, null)]
    public void Refusals_name_their_rule(CertificateState state, CertificateChange change, string? rule) =>
        Assert.Equal(rule, CertificateLifecycle.Refuse(state, change)?.Rule.Id);

    [Fact]
    public void Renewing_a_suspended_certificate_keeps_the_suspension()
    {
        var officer = new OfficerRecord(Guid.NewGuid(), "A", "张三", "HN123456", CertificateKind.Enforcement, "湖南省人民政府",
            From, To, ["龙山县"], CertificateState.Suspended, "暂扣", 3);

        var renewed = CertificateLifecycle.Apply(officer, CertificateChange.Renewed, "", new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31));

        Assert.Equal((CertificateState.Suspended, "暂扣", new DateOnly(2030, 12, 31)), (renewed.State, renewed.StateReason, renewed.ValidTo));
        Assert.Equal(CertificateState.Active, CertificateLifecycle.Apply(officer, CertificateChange.Reinstated, "").State);
    }

    [Theory]
    [InlineData("HN43013012345", true)]
    [InlineData(" hn430130 ", true)]
    [InlineData("4312345678", true)]
    [InlineData("HN123", false)]
    [InlineData("HNX12345", false)]
    [InlineData("HN-1234567", false)]
    [InlineData("H123456789012345678901", false)]
    public void The_default_certificate_number_format_is_a_province_prefix_and_digits(string number, bool valid) =>
        Assert.Equal(valid, new CertificateNumberFormat(new OfficerOptions()).Validate(CertificateNumberFormat.Normalize(number)) is null);

    [Fact]
    public void The_certificate_number_format_is_configuration()
    {
        var format = new CertificateNumberFormat(new OfficerOptions { CertificateNumberPattern = "^[A-Z]{3}[0-9]{3}$" });
        Assert.Null(format.Validate("ABC123"));
        Assert.NotNull(format.Validate("HN43013012345"));
    }

    [Fact]
    public void Today_is_the_county_date_in_Beijing_time()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2027, 1, 1), CountyTime.Today(clock));
    }
}
