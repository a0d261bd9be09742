using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Decisions.DecisionData;

namespace Longshan.Publicity.Tests.Decisions;

/// <summary>The display period ([local] Hebei rule: 2 years for natural persons, 5 otherwise). Moves its app's clock.</summary>
public sealed class DisplayPeriodTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly DecisionService.DecisionServiceClient client = new(app.Channel);

    static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task Public_queries_hide_decisions_past_their_display_period()
    {
        var agency = await NewAgencyAsync(app);
        var person = await PublishedAsync(Penalty(agency));   // published 2026-11-27
        var company = await PublishedAsync(Permit(agency));

        app.Clock.SetUtcNow(new DateTimeOffset(2028, 11, 26, 23, 0, 0, Beijing));
        var lastDayForPerson = await VisibleAsync(agency);

        app.Clock.SetUtcNow(new DateTimeOffset(2028, 11, 27, 0, 30, 0, Beijing));
        var afterTwoYears = await VisibleAsync(agency);
        var personGone = await FailsAsync(client.GetPublicDecisionAsync(new GetPublicDecisionRequest { DecisionId = person }));

        app.Clock.SetUtcNow(new DateTimeOffset(2031, 11, 27, 0, 30, 0, Beijing));
        var afterFiveYears = await VisibleAsync(agency);

        Assert.Equal(new[] { person, company }.Order(), lastDayForPerson.Order());
        Assert.Equal([company], afterTwoYears);
        Assert.Equal(StatusCode.NotFound, personGone.StatusCode);
        Assert.Empty(afterFiveYears);
        // Offline, not deleted.
        Assert.Equal(2, await app.CountAsync("SELECT COUNT(*) FROM public_decisions WHERE agency_code = @agency", new { agency }));
    }

    async Task<List<string>> VisibleAsync(string agency)
    {
        var found = await client.SearchPublicDecisionsAsync(new SearchPublicDecisionsRequest { AgencyCode = agency });
        return found.Decisions.Select(d => d.DecisionId).ToList();
    }

    async Task<string> PublishedAsync(RegisterDecisionRequest request)
    {
        var id = (await client.RegisterDecisionAsync(request, TestTokens.Bearer(request.AgencyCode))).Decision.DecisionId;
        await client.PublishDecisionAsync(Publish(id), TestTokens.Bearer(request.AgencyCode));
        return id;
    }
}
