using Google.Rpc;
using Grpc.Core;
using Longshan.Platform.Grpc;
using Longshan.Publicity.Decisions;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.UnitTests.Publicity;

public sealed class DecisionSearchTests
{
    [Fact]
    public void A_cursor_survives_its_token_and_garbage_is_refused()
    {
        var cursor = new DecisionSearchCursor(new DateOnly(2026, 11, 27), Guid.NewGuid());

        Assert.Equal(cursor, Search(cursor.Encode(), out var violations).After);
        Assert.True(violations.IsEmpty);
        foreach (var garbage in new[] { "%%%", "bm90LWEtY3Vyc29y" /* "not-a-cursor" */, Paging.Token("officers", ["2026-11-27", Guid.NewGuid().ToString("N")]) })
        {
            Assert.Null(Search(garbage, out violations).After);
            Assert.Equal(Paging.TokenError, Assert.Single(violations.Descriptions).Split(": ", 2)[1]);
        }
    }

    static DecisionSearch Search(string token, out Longshan.Platform.Grpc.FieldViolations violations) =>
        DecisionSearch.FromRequest(new V1.SearchPublicDecisionsRequest { PageToken = token }, out violations);

    [Fact]
    public void The_keyword_is_a_literal_substring()
    {
        Assert.Equal(@"%100\%\_a\\b%", new DecisionSearch { Keyword = @"100%_a\b" }.LikePattern());
        Assert.Equal("%", new DecisionSearch().LikePattern());
    }

    [Fact]
    public void A_request_becomes_a_search_with_defaults()
    {
        var code = "11433130000000001" + Longshan.Platform.Identifiers.UnifiedSocialCreditCode.CheckCharacter("11433130000000001");
        var search = DecisionSearch.FromRequest(new V1.SearchPublicDecisionsRequest
        {
            AgencyCode = $" {code.ToLowerInvariant()} ", Category = V1.DecisionCategory.Permit, DecidedFrom = "2026-01-01", Keyword = "  食品 ",
        }, out var violations);

        Assert.True(violations.IsEmpty);
        Assert.Equal(code, search.AgencyCode);
        Assert.Equal("permit", search.Category);
        Assert.Equal(new DateOnly(2026, 1, 1), search.DecidedFrom);
        Assert.Null(search.DecidedTo);
        Assert.Equal("食品", search.Keyword);
        Assert.Equal(Paging.DefaultSize, search.PageSize);
    }

    [Fact]
    public void Bad_search_fields_are_violations()
    {
        DecisionSearch.FromRequest(new V1.SearchPublicDecisionsRequest
        {
            AgencyCode = "123", Category = (V1.DecisionCategory)77, DecidedFrom = "2026-02-01", DecidedTo = "2026-01-01", PageSize = Paging.MaxSize + 1,
        }, out var violations);

        var error = Record.Exception(violations.ThrowIfAny) as RpcException;
        var fields = error!.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field);
        Assert.Equal(["agency_code", "category", "decided_to", "page_size"], fields);
    }
}
