using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Identifiers;

namespace Longshan.EndToEndTests;

static class Support
{
    static int counter = Random.Shared.Next(1_000_000);

    /// <summary>A new, valid credit code of a government organ (11 = 机构编制, 431300 = a Hunan division).</summary>
    public static string NewCreditCode()
    {
        var first17 = $"11431300{Interlocked.Increment(ref counter):D9}";
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    public static RegisterAgencyRequest Registration(string creditCode, string name = "龙山县市场监督管理局") => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        CreditCode = creditCode,
        Name = name,
        Kind = AgencyKind.CountyDepartment,
        RemedyChannels =
        {
            new RemedyChannel { Kind = RemedyKind.Reconsideration, Body = "龙山县人民政府", Contact = "0743-6221234" },
            new RemedyChannel { Kind = RemedyKind.Litigation, Body = "龙山县人民法院", Contact = "湖南省龙山县华塘街道" },
        },
    };

    public static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    /// <summary>Polls until <paramref name="condition"/> holds or the time is up (events travel asynchronously).</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(250);
        }
        return await condition();
    }
}
