using Longshan.LegalReview.Tests.Support;
using Xunit.Abstractions;

namespace Longshan.LegalReview.Tests.Guards;

/// <summary>Every LegalReview RPC, discovered from the service: the authorization matrix over the writes, and fuzzing of all (Longshan.Testing.GuardRails).</summary>
public sealed class GuardRailTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_write_refuses_every_caller_that_may_not_write_and_writes_nothing()
    {
        using var app = new LegalReviewApp();
        var (report, escapes) = await GuardRails.AuthorizationMatrixAsync(app, typeof(Program).Assembly);
        foreach (var line in report) output.WriteLine(line);
        Assert.Empty(escapes);
    }

    [Fact]
    public async Task Malformed_requests_to_every_rpc_get_a_clear_error_and_change_nothing()
    {
        using var app = new LegalReviewApp();
        var (report, escapes) = await GuardRails.FuzzAsync(app, typeof(Program).Assembly);
        foreach (var line in report) output.WriteLine(line);
        Assert.Empty(escapes);
    }
}
