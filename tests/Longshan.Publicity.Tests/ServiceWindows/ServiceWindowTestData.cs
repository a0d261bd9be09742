using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Officers.OfficerTestData;

namespace Longshan.Publicity.Tests.ServiceWindows;

/// <summary>Windows and duty boards for the service-window tests (T3(3) 岗位信息公示牌).</summary>
public static class ServiceWindowTestData
{
    public static RegisterServiceWindowRequest Window(string agency, string number = "3", string name = "市场主体登记窗口") => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        AgencyCode = agency,
        Number = number,
        Name = name,
        Hall = "龙山县政务服务中心",
        Floor = "二楼东侧",
        Matters = { "企业设立登记", "食品经营许可" },
        OpeningHours = "周一至周五 9:00-12:00 14:30-17:30",
        SupervisionPhone = "0743-6221234",
    };

    public static WindowStaff Staff(PublicityApp app, string name, string post, string staffNumber = "", string certificate = "",
        int fromDays = -30, int? toDays = null) => new()
    {
        Name = name, Post = post, StaffNumber = staffNumber, CertificateNumber = certificate,
        OnDutyFrom = Date(Today(app).AddDays(fromDays)), OnDutyTo = toDays is { } to ? Date(Today(app).AddDays(to)) : "",
    };

    public static SetWindowDutyRequest Duty(string agency, string windowId, params WindowStaff[] staff) => new()
    {
        RequestId = Guid.NewGuid().ToString(), AgencyCode = agency, WindowId = windowId, Staff = { staff },
    };

    public static async Task<ServiceWindow> RegisterAsync(PublicityApp app, string agency, string number = "3", string name = "市场主体登记窗口") =>
        (await new ServiceWindowService.ServiceWindowServiceClient(app.Channel).RegisterServiceWindowAsync(Window(agency, number, name), TestTokens.Bearer(agency))).Window;

    public static Metadata Public => Anonymous;
}
