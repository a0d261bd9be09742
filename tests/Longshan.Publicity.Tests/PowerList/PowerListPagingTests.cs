using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.PowerList.PowerItems;

namespace Longshan.Publicity.Tests.PowerList;

/// <summary>The public list of an agency's items: paging, category filter, other agencies' items kept apart.</summary>
public sealed class PowerListPagingTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly PowerListService.PowerListServiceClient client = new(app.Channel);

    async Task<string> AgencyWithItemsAsync()
    {
        var agency = await RegisterAgencyAsync(app);
        // Published out of order on purpose: the list is in item-code order.
        foreach (var (code, category) in new[]
                 {
                     ("CF-004", PowerCategory.Penalty), ("XK-001", PowerCategory.Permit), ("CF-001", PowerCategory.Penalty),
                     ("QZ-001", PowerCategory.Coercion), ("CF-003", PowerCategory.Penalty), ("CF-002", PowerCategory.Penalty),
                 })
            await client.PublishItemAsync(Publish(agency, Content(code, category)), TestTokens.Bearer(agency));
        await client.PublishItemAsync(NewVersion(agency, Content("CF-002")), TestTokens.Bearer(agency));
        return agency;
    }

    async Task<List<List<string>>> PagesAsync(ListPowerItemsRequest request)
    {
        var pages = new List<List<string>>();
        do
        {
            var response = await client.ListItemsAsync(request); // anonymous: the list is public
            pages.Add(response.Items.Select(i => $"{i.Content.ItemCode}@{i.Version}").ToList());
            request.PageToken = response.NextPageToken;
        } while (request.PageToken != "" && pages.Count < 10);
        return pages;
    }

    [Fact]
    public async Task Pages_walk_the_current_versions_in_code_order_without_gaps_or_repeats()
    {
        var agency = await AgencyWithItemsAsync();
        await RegisterAgencyWithOneItemAsync(); // another agency's item never shows

        var pages = await PagesAsync(new ListPowerItemsRequest { AgencyCode = agency, PageSize = 4 });

        Assert.Equal([["CF-001@1", "CF-002@2", "CF-003@1", "CF-004@1"], ["QZ-001@1", "XK-001@1"]], pages);
    }

    [Fact]
    public async Task An_exact_last_page_has_no_next_token_and_the_default_size_takes_everything_here()
    {
        var agency = await AgencyWithItemsAsync();

        var bySix = await PagesAsync(new ListPowerItemsRequest { AgencyCode = agency, PageSize = 6 });
        var byDefault = await PagesAsync(new ListPowerItemsRequest { AgencyCode = agency });

        Assert.Single(bySix);
        Assert.Equal(6, bySix[0].Count);
        Assert.Equal(bySix, byDefault);
    }

    [Fact]
    public async Task A_category_filter_pages_within_the_category()
    {
        var agency = await AgencyWithItemsAsync();

        var penalties = await PagesAsync(new ListPowerItemsRequest { AgencyCode = agency, Category = PowerCategory.Penalty, PageSize = 3 });
        var permits = await PagesAsync(new ListPowerItemsRequest { AgencyCode = agency, Category = PowerCategory.Permit });
        var awards = await PagesAsync(new ListPowerItemsRequest { AgencyCode = agency, Category = PowerCategory.Award });

        Assert.Equal([["CF-001@1", "CF-002@2", "CF-003@1"], ["CF-004@1"]], penalties);
        Assert.Equal([["XK-001@1"]], permits);
        Assert.Equal([[]], awards);
    }

    [Theory]
    [InlineData(201, "", 0, "page_size")]
    [InlineData(-1, "", 0, "page_size")]
    [InlineData(10, "not-a-token!", 0, "page_token")]
    [InlineData(10, "YWZ0ZXI6IGJhZCBjb2Rl", 0, "page_token")] // base64url of "after: bad code"
    [InlineData(10, "", 99, "category")]
    public async Task Bad_paging_or_category_is_invalid_argument(int pageSize, string token, int category, string field)
    {
        var request = new ListPowerItemsRequest { AgencyCode = CreditCodes.New(), PageSize = pageSize, PageToken = token, Category = (PowerCategory)category };

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ListItemsAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal([field], error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    async Task RegisterAgencyWithOneItemAsync()
    {
        var other = await RegisterAgencyAsync(app);
        await client.PublishItemAsync(Publish(other, Content("CF-0025")), TestTokens.Bearer(other));
    }
}
