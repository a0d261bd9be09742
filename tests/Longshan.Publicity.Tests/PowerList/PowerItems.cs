using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Support;

namespace Longshan.Publicity.Tests.PowerList;

/// <summary>Valid requests for the power-list tests, and a registered agency to publish them for.</summary>
static class PowerItems
{
    public static Task<string> RegisterAgencyAsync(PublicityApp app) => app.RegisterAgencyAsync("龙山县自然资源局");

    /// <summary>A penalty item with a three-step flowchart, or a permit item with its service guide.</summary>
    public static PowerItemContent Content(string itemCode, PowerCategory category = PowerCategory.Penalty)
    {
        var content = new PowerItemContent
        {
            ItemCode = itemCode,
            Name = category == PowerCategory.Permit ? "乡村建设规划许可" : "对未经批准非法占用土地的行政处罚",
            Category = category,
            LegalBases = { new PowerItemLegalBasis { Law = "《中华人民共和国土地管理法》", Article = "第七十七条第一款" } },
            Steps =
            {
                new PowerItemStep { Name = "立案", Responsible = "执法监察大队", TimeLimitWorkingDays = 5 },
                new PowerItemStep { Name = "调查取证", Responsible = "执法监察大队" },
                new PowerItemStep { Name = "决定", Responsible = "局长办公会", TimeLimitWorkingDays = 10 },
            },
            TimeLimitWorkingDays = 60,
            RemedyChannels =
            {
                new RemedyChannel { Kind = RemedyKind.Reconsideration, Body = "龙山县人民政府", Contact = "0743-6221000" },
                new RemedyChannel { Kind = RemedyKind.Litigation, Body = "龙山县人民法院" },
            },
        };
        if (category == PowerCategory.Permit)
            content.ServiceGuide = new PowerItemServiceGuide
            {
                AcceptingBody = "龙山县政务服务中心自然资源窗口", ApprovingBody = "龙山县自然资源局",
                Conditions = "符合村庄规划，用地已取得合法权属", TimeLimitWorkingDays = 20,
                Materials = { new PowerItemMaterial { Name = "申请表", Note = "原件1份" }, new PowerItemMaterial { Name = "身份证明" } },
            };
        return content;
    }

    public static PublishPowerItemRequest Publish(string agencyCode, PowerItemContent content) =>
        new() { RequestId = Guid.NewGuid().ToString(), AgencyCode = agencyCode, Content = content };

    public static PublishPowerItemRequest NewVersion(string agencyCode, PowerItemContent content, string note = "《土地管理法》2019年修正") =>
        new()
        {
            RequestId = Guid.NewGuid().ToString(), AgencyCode = agencyCode, Content = content,
            ChangeReason = PowerItemChangeReason.LawAmended, ChangeNote = note,
        };

    public static WithdrawPowerItemRequest Withdraw(string agencyCode, string itemCode) => new()
    {
        RequestId = Guid.NewGuid().ToString(), AgencyCode = agencyCode, ItemCode = itemCode,
        Reason = PowerItemChangeReason.MandateChanged, Note = "机构改革，职责划入县综合行政执法局",
    };

}
