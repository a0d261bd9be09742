using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using static Longshan.Publicity.Tests.Decisions.DecisionData;
using static Longshan.Testing.TestTokens;

namespace Longshan.Publicity.Tests.Decisions;

/// <summary>
/// A publication deadline running into a year after the shipped data (2027) is pending. This class owns its app's clock
/// (it moves it to late December).
/// </summary>
public sealed class PendingDeadlineTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly DecisionService.DecisionServiceClient client = new(app.Channel);

    [Fact]
    public async Task A_decision_whose_deadline_falls_in_a_year_without_data_is_registered_with_a_pending_deadline()
    {
        var agency = await NewAgencyAsync(app);
        await MoveClockAndSweepAsync(app, LateDecember);

        // 2026-12-28 (Mon) + 7 working days: 12-29, 12-30, 12-31, then 2027 — no data shipped.
        var registered = (await client.RegisterDecisionAsync(Permit(agency, "2026-12-28"), Bearer(agency))).Decision;
        await MoveClockAndSweepAsync(app, LateDecember.AddHours(1));

        Assert.Equal("", registered.PublicationDeadline);
        Assert.Equal(DecisionStatus.Registered, registered.Status);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM decisions WHERE decision_id = @id AND publication_deadline IS NULL", new { id = registered.DecisionId }));
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'DecisionRegistered' AND body LIKE @id AND body LIKE '%\"publicationDeadline\":null%'",
            new { id = $"%{registered.DecisionId}%" }));

        var published = await client.PublishDecisionAsync(Publish(registered.DecisionId), Bearer(agency));
        Assert.True(published.OnTime);
    }

    internal static readonly DateTimeOffset LateDecember = new(2026, 12, 28, 10, 0, 0, TimeSpan.FromHours(8));
}

/// <summary>The Publicity service restarted with 2027 configured (<c>Calendar:Years</c>): the deadline watch fills the pending deadline.</summary>
public sealed class PendingDeadlineFillTests(PendingDeadlineFillTests.With2027 app) : IClassFixture<PendingDeadlineFillTests.With2027>
{
    readonly DecisionService.DecisionServiceClient client = new(app.Channel);

    [Fact]
    public async Task The_deadline_watch_computes_a_pending_deadline_once_its_year_is_configured()
    {
        var agency = await NewAgencyAsync(app);
        await MoveClockAndSweepAsync(app, PendingDeadlineTests.LateDecember);
        var id = (await client.RegisterDecisionAsync(Permit(agency, "2026-12-28"), Bearer(agency))).Decision.DecisionId;
        // As registered before 2027 was configured.
        Assert.Equal(1, await app.ExecuteAsync("UPDATE decisions SET publication_deadline = NULL WHERE decision_id = @id", new { id }));

        await MoveClockAndSweepAsync(app, PendingDeadlineTests.LateDecember.AddHours(1));

        // 12-29, 12-30, 12-31, [01-01…01-03 元旦], 01-04, 01-05, 01-06, 01-07.
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM decisions WHERE decision_id = @id AND publication_deadline = '2027-01-07'", new { id }));
    }

    public sealed class With2027 : PublicityApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Calendar:Years:0:Year", "2027");
            builder.UseSetting("Calendar:Years:0:Holidays:0:Name", "元旦");
            builder.UseSetting("Calendar:Years:0:Holidays:0:From", "2027-01-01");
            builder.UseSetting("Calendar:Years:0:Holidays:0:To", "2027-01-03");
        }
    }
}
