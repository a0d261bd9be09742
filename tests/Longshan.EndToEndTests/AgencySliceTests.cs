using System.Diagnostics;
using Dapper;
using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Identity;
using Xunit.Abstractions;
using static Longshan.EndToEndTests.Support;
using Archive = Longshan.Contracts.Archive.V1;
using LegalReview = Longshan.Contracts.LegalReview.V1;
using Statistics = Longshan.Contracts.Statistics.V1;

namespace Longshan.EndToEndTests;

public sealed class PlatformFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    public Platform Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Platform = await Platform.StartAsync(Path.Combine(Path.GetTempPath(), "longshan-e2e-" + Guid.NewGuid().ToString("N")[..8]));
        diagnostics.OnMessage(new Xunit.Sdk.DiagnosticMessage($"AppHost started with every service healthy in {Platform.StartUpTime.TotalSeconds:F1} s"));
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        try { Directory.Delete(Platform.DataFolder, recursive: true); }
        catch (IOException) { /* a process may still hold a file for a moment; the temp folder is cleaned by the OS */ }
    }
}

/// <summary>Test classes that share one running platform (one AppHost start, ~20 s on 2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}

/// <summary>The foundation slice: an agency registered over gRPC reaches every other service through the outbox and RabbitMQ.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AgencySliceTests(PlatformFixture fixture)
{
    readonly Platform platform = fixture.Platform;

    AgencyService.AgencyServiceClient Agencies => new(platform.Channel("publicity"));

    [Fact]
    public async Task A_clean_start_logs_no_error_in_any_resource()
    {
        var logs = await platform.LogsAsync();
        Assert.True(logs.Count > 0, "no log lines read: are the resources' logs still reachable?");
        Assert.Empty(logs.Errors);
    }

    [Fact]
    public async Task Registered_agency_reaches_archive_legal_review_and_statistics()
    {
        var code = CreditCodes.New();
        var admin = TestTokens.Bearer(CreditCodes.New(), Roles.CountyAdmin);
        var before = await CountAsync();

        var response = await Agencies.RegisterAgencyAsync(Registration(code), admin);

        Assert.Equal(code, response.Agency.CreditCode);
        Assert.True(await Eventually.TrueAsync(async () => await CountAsync() == before + 1), "statistics never counted the agency");
        Assert.True(await Eventually.TrueAsync(() => KnownAsync("archive", code)), "archive never learned the agency");
        Assert.True(await Eventually.TrueAsync(() => KnownAsync("legalreview", code)), "legal review never learned the agency");
        var published = await Agencies.GetAgencyAsync(new GetAgencyRequest { CreditCode = code });
        Assert.Equal("龙山县市场监督管理局", published.Agency.Name);
        Assert.Equal(2, published.Agency.RemedyChannels.Count);
    }

    [Fact]
    public async Task An_agency_registers_itself_and_a_retry_with_the_same_request_id_returns_the_first_result()
    {
        var code = CreditCodes.New();
        var own = TestTokens.Bearer(code);
        var request = Registration(code);
        var before = await CountAsync();

        var first = await Agencies.RegisterAgencyAsync(request, own);
        var retry = await Agencies.RegisterAgencyAsync(request, own);

        Assert.Equal(first, retry);
        Assert.True(await Eventually.TrueAsync(async () => await CountAsync() == before + 1));
        var second = Registration(code);
        var duplicate = await Assert.ThrowsAsync<RpcException>(() => Agencies.RegisterAgencyAsync(second, own).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);
    }

    [Fact]
    public async Task Writing_for_another_agency_is_permission_denied_and_stores_nothing()
    {
        var target = CreditCodes.New();
        var other = TestTokens.Bearer(CreditCodes.New());

        var error = await Assert.ThrowsAsync<RpcException>(() => Agencies.RegisterAgencyAsync(Registration(target), other).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var lookup = await Assert.ThrowsAsync<RpcException>(() => Agencies.GetAgencyAsync(new GetAgencyRequest { CreditCode = target }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task A_write_without_a_token_is_unauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Agencies.RegisterAgencyAsync(Registration(CreditCodes.New())).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_invalid_argument_with_field_violations()
    {
        var code = CreditCodes.New();
        var wrongCheck = code[..17] + (code[17] == '0' ? '1' : '0');
        var request = Registration(wrongCheck);
        request.Name = "";
        request.Kind = AgencyKind.Unspecified;

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Agencies.RegisterAgencyAsync(request, TestTokens.Bearer(wrongCheck, Roles.CountyAdmin)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["name", "credit_code", "kind"], fields);
    }

    [Fact]
    public async Task One_trace_links_the_grpc_call_the_outbox_dispatch_and_every_consumer()
    {
        var code = CreditCodes.New();
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var headers = TestTokens.Bearer(code);
        headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        await Agencies.RegisterAgencyAsync(Registration(code), headers);

        Assert.True(await Eventually.TrueAsync(() => KnownAsync("archive", code)) && await Eventually.TrueAsync(() => KnownAsync("legalreview", code)));
        Assert.Equal(traceId, await platform.QueryAsync("publicity", c =>
            c.QuerySingleAsync<string>("SELECT trace_id FROM audit_log WHERE target = @code", new { code })));
        var traceParent = await platform.QueryAsync("publicity", c =>
            c.QuerySingleAsync<string>("SELECT trace_parent FROM outbox_messages WHERE agency_code = @code", new { code }));
        Assert.Equal(traceId, traceParent.Split('-')[1]);
        foreach (var consumer in new[] { "archive", "legalreview", "statistics" })
        {
            Assert.True(await Eventually.TrueAsync(async () => await InboxTraceAsync(consumer, code) is not null), $"{consumer} did not handle the event");
            Assert.Equal(traceId, await InboxTraceAsync(consumer, code));
        }
    }

    async Task<string?> InboxTraceAsync(string service, string agencyCode)
    {
        var eventId = await platform.QueryAsync("publicity", c =>
            c.QuerySingleAsync<string>("SELECT event_id FROM outbox_messages WHERE agency_code = @agencyCode", new { agencyCode }));
        // Statistics' journal is its inbox (one row per event id).
        var sql = service == "statistics"
            ? "SELECT trace_id FROM event_journal WHERE event_id = @eventId"
            : "SELECT trace_id FROM inbox_messages WHERE event_id = @eventId";
        return await platform.QueryAsync(service, c => c.QuerySingleOrDefaultAsync<string>(sql, new { eventId }));
    }

    async Task<long> CountAsync()
    {
        var client = new Statistics.StatisticsService.StatisticsServiceClient(platform.Channel("statistics"));
        var response = await client.CountAgenciesByKindAsync(new Statistics.CountAgenciesByKindRequest(),
            TestTokens.Bearer(CreditCodes.New(), Roles.DataCenter));
        return response.Total;
    }

    async Task<bool> KnownAsync(string service, string code)
    {
        var token = TestTokens.Bearer(CreditCodes.New(), Roles.DataCenter);
        try
        {
            if (service == "archive")
                await new Archive.ArchiveService.ArchiveServiceClient(platform.Channel(service))
                    .GetKnownAgencyAsync(new Archive.GetKnownAgencyRequest { CreditCode = code }, token);
            else
                await new LegalReview.LegalReviewService.LegalReviewServiceClient(platform.Channel(service))
                    .GetKnownAgencyAsync(new LegalReview.GetKnownAgencyRequest { CreditCode = code }, token);
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }
}
