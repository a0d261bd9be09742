using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Identity;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Officers.OfficerTestData;
using static Longshan.Publicity.Tests.ServiceWindows.ServiceWindowTestData;

namespace Longshan.Publicity.Tests.ServiceWindows;

/// <summary>
/// 政务服务窗口岗位信息公示牌 (seed task T3(3)) over real gRPC: windows of an agency, boards replaced with history kept,
/// the public seeing only today's staff, and the rules of the write (window numbers, certificates, owners).
/// </summary>
public sealed class ServiceWindowTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly ServiceWindowService.ServiceWindowServiceClient client = new(app.Channel);

    static async Task<RpcException> FailsAsync(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);

    static string RuleOf(RpcException error) => error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type;

    static IEnumerable<string> FieldsOf(RpcException error) => error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field);

    [Fact]
    public async Task A_window_and_its_board_round_trip_to_the_public_calls_and_a_retry_stores_one()
    {
        var agency = await RegisterAgencyAsync(app);
        var officer = await IssueAsync(app, agency, "李四");
        var register = Window(agency);
        var window = (await client.RegisterServiceWindowAsync(register, TestTokens.Bearer(agency))).Window;
        var retried = (await client.RegisterServiceWindowAsync(register, TestTokens.Bearer(agency))).Window;
        var duty = Duty(agency, window.WindowId,
            Staff(app, "张三", "受理岗", staffNumber: "LS-0012"), Staff(app, "李四", "首席代表", certificate: officer.Certificate.Number.ToLowerInvariant()));

        var set = await client.SetWindowDutyAsync(duty, TestTokens.Bearer(agency));
        var listed = await client.ListServiceWindowsAsync(new ListServiceWindowsRequest { AgencyCode = agency }, Public);
        var got = await client.GetServiceWindowAsync(new GetServiceWindowRequest { WindowId = window.WindowId }, Public);

        Assert.Equal(window, retried);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM service_windows WHERE agency_code = @agency", new { agency }));
        Assert.Equal((1, 1), (window.Version, set.Board.Version));
        var shown = Assert.Single(listed.Windows);
        Assert.Equal(got.Window, shown);
        Assert.Equal(["企业设立登记", "食品经营许可"], shown.Window.Matters);
        Assert.Equal("0743-6221234", shown.Window.SupervisionPhone);
        Assert.Equal([("张三", "受理岗", "LS-0012", ""), ("李四", "首席代表", "", officer.Certificate.Number)],
            shown.OnDuty.Select(s => (s.Name, s.Post, s.StaffNumber, s.CertificateNumber)));
        Assert.Equal(Date(Today(app)), listed.CheckedOn);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'ServiceWindowService/SetWindowDuty' AND target = @id", new { id = window.WindowId }));
    }

    [Fact]
    public async Task Replacing_a_board_keeps_the_old_one_as_history_and_the_public_sees_only_the_new_staff()
    {
        var agency = await RegisterAgencyAsync(app);
        var window = await RegisterAsync(app, agency);
        var token = TestTokens.Bearer(agency);
        await client.SetWindowDutyAsync(Duty(agency, window.WindowId, Staff(app, "张三", "受理岗", "LS-01"), Staff(app, "王五", "审核岗", "LS-02")), token);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await client.SetWindowDutyAsync(Duty(agency, window.WindowId, Staff(app, "赵六", "受理岗", "LS-03", fromDays: 0)), token);

        var history = await client.ListWindowDutyHistoryAsync(new ListWindowDutyHistoryRequest { WindowId = window.WindowId, PageSize = 1 }, token);
        var older = await client.ListWindowDutyHistoryAsync(new ListWindowDutyHistoryRequest { WindowId = window.WindowId, PageToken = history.NextPageToken }, token);
        var shown = (await client.GetServiceWindowAsync(new GetServiceWindowRequest { WindowId = window.WindowId }, Public)).Window;

        var current = Assert.Single(history.Boards);
        var first = Assert.Single(older.Boards);
        Assert.Equal((2, null), (current.Version, current.ReplacedAt));
        Assert.Equal(1, first.Version);
        Assert.Equal(current.SetAt, first.ReplacedAt);
        Assert.Equal(["张三", "王五"], first.Staff.Select(s => s.Name));
        Assert.Equal("", older.NextPageToken);
        Assert.Equal(["赵六"], shown.OnDuty.Select(s => s.Name));
    }

    [Fact]
    public async Task The_public_sees_only_staff_whose_period_holds_today_and_an_empty_board_takes_everyone_off_duty()
    {
        var agency = await RegisterAgencyAsync(app);
        var window = await RegisterAsync(app, agency);
        var token = TestTokens.Bearer(agency);
        await client.SetWindowDutyAsync(Duty(agency, window.WindowId,
            Staff(app, "张三", "受理岗", "LS-01", fromDays: -10, toDays: 0),
            Staff(app, "钱七", "受理岗", "LS-02", fromDays: -60, toDays: -1),
            Staff(app, "孙八", "审核岗", "LS-03", fromDays: 1)), token);

        var shown = (await client.GetServiceWindowAsync(new GetServiceWindowRequest { WindowId = window.WindowId }, Public)).Window;
        await client.SetWindowDutyAsync(Duty(agency, window.WindowId), token);
        var emptied = (await client.GetServiceWindowAsync(new GetServiceWindowRequest { WindowId = window.WindowId }, Public)).Window;

        Assert.Equal(["张三"], shown.OnDuty.Select(s => s.Name));
        Assert.Empty(emptied.OnDuty);
    }

    [Fact]
    public async Task No_id_or_telephone_number_of_a_person_is_taken_or_shown()
    {
        var agency = await RegisterAgencyAsync(app);
        var window = await RegisterAsync(app, agency);
        var token = TestTokens.Bearer(agency);

        var idNumber = await FailsAsync(() => client.SetWindowDutyAsync(Duty(agency, window.WindowId,
            Staff(app, "张三", "受理岗", staffNumber: "11010519491231002X"), Staff(app, "李四 13812345678", "审核岗", "LS-09")), token).ResponseAsync);
        // The public messages have no field where a person's ID or phone number could travel: only the window's supervision line.
        var fields = WindowStaff.Descriptor.Fields.InDeclarationOrder().Select(f => f.Name).ToList();

        Assert.Equal(StatusCode.InvalidArgument, idNumber.StatusCode);
        Assert.Equal(["staff[0].staff_number", "staff[1].name"], FieldsOf(idNumber));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM service_window_boards WHERE window_id = @id", new { id = window.WindowId }));
        Assert.Equal(["name", "post", "staff_number", "certificate_number", "on_duty_from", "on_duty_to"], fields);
        Assert.DoesNotContain(PublicServiceWindow.Descriptor.Fields.InDeclarationOrder(), f => f.Name.Contains("phone") || f.Name.Contains("id_number"));
    }

    [Fact]
    public async Task Bad_fields_are_reported_together()
    {
        var agency = await RegisterAgencyAsync(app);
        var window = await RegisterAsync(app, agency);
        var noName = Window(agency);
        noName.Name = " ";
        noName.Matters.Clear();
        var badDates = Staff(app, "张三", "", "LS-01");
        badDates.OnDutyFrom = "2026-13-01";
        var backwards = Staff(app, "李四", "审核岗", "LS-02", fromDays: 0, toDays: -1);

        var register = await FailsAsync(() => client.RegisterServiceWindowAsync(noName, TestTokens.Bearer(agency)).ResponseAsync);
        var duty = await FailsAsync(() => client.SetWindowDutyAsync(Duty(agency, window.WindowId, badDates, backwards), TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal(["name", "matters"], FieldsOf(register));
        Assert.Equal(["staff[0].post", "staff[0].on_duty_from", "staff[1].on_duty_to"], FieldsOf(duty));
    }

    [Fact]
    public async Task A_window_number_is_unique_within_the_agency_and_a_change_keeps_it()
    {
        var agency = await RegisterAgencyAsync(app);
        var other = await RegisterAgencyAsync(app, "龙山县交通运输局");
        var window = await RegisterAsync(app, agency, "3");
        var five = await RegisterAsync(app, agency, "5", "综合受理窗口");

        var twice = await FailsAsync(() => client.RegisterServiceWindowAsync(Window(agency, "03"), TestTokens.Bearer(agency)).ResponseAsync);
        var renumbered = Window(agency, "3", "综合受理窗口");
        renumbered.WindowId = five.WindowId;
        var onto = await FailsAsync(() => client.RegisterServiceWindowAsync(renumbered, TestTokens.Bearer(agency)).ResponseAsync);
        var change = Window(agency, "3", "市场主体登记与食品许可窗口");
        change.WindowId = window.WindowId;
        var changed = (await client.RegisterServiceWindowAsync(change, TestTokens.Bearer(agency))).Window;
        var elsewhere = await RegisterAsync(app, other, "3");
        var ten = await RegisterAsync(app, agency, "10", "不动产登记窗口");
        var order = (await client.ListServiceWindowsAsync(new ListServiceWindowsRequest { AgencyCode = agency }, Public)).Windows.Select(w => w.Window.Number);

        Assert.Equal(("service-window-exists", "service-window-exists"), (RuleOf(twice), RuleOf(onto)));
        Assert.Equal((window.WindowId, 2, "市场主体登记与食品许可窗口"), (changed.WindowId, changed.Version, changed.Name));
        Assert.NotEqual(window.WindowId, elsewhere.WindowId);
        Assert.Equal(["3", "5", "10"], order);
        Assert.NotNull(ten);
    }

    [Fact]
    public async Task A_certificate_on_the_board_must_be_a_valid_one_of_the_same_agency_held_by_the_person_named()
    {
        var agency = await RegisterAgencyAsync(app);
        var other = await RegisterAgencyAsync(app, "龙山县交通运输局");
        var window = await RegisterAsync(app, agency);
        var own = await IssueAsync(app, agency, "李四");
        var foreign = await IssueAsync(app, other, "周九");
        var suspended = await IssueAsync(app, agency, "吴十");
        await new OfficerService.OfficerServiceClient(app.Channel).SuspendCertificateAsync(new SuspendCertificateRequest
        {
            RequestId = Guid.NewGuid().ToString(), CertificateNumber = suspended.Certificate.Number, Reason = "违规执法",
        }, TestTokens.Bearer(agency));
        var token = TestTokens.Bearer(agency);

        async Task<string> RefusedAsync(WindowStaff staff) =>
            RuleOf(await FailsAsync(() => client.SetWindowDutyAsync(Duty(agency, window.WindowId, staff), token).ResponseAsync));

        Assert.Equal("window-staff-certificate-invalid", await RefusedAsync(Staff(app, "周九", "首席代表", certificate: foreign.Certificate.Number)));
        Assert.Equal("window-staff-certificate-invalid", await RefusedAsync(Staff(app, "吴十", "首席代表", certificate: suspended.Certificate.Number)));
        Assert.Equal("window-staff-certificate-invalid", await RefusedAsync(Staff(app, "张三", "首席代表", certificate: own.Certificate.Number)));
        Assert.Equal("window-staff-certificate-invalid", await RefusedAsync(Staff(app, "李四", "首席代表", certificate: NewCertificateNumber())));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM service_window_boards WHERE window_id = @id", new { id = window.WindowId }));
        var accepted = await client.SetWindowDutyAsync(Duty(agency, window.WindowId, Staff(app, "李四", "首席代表", certificate: own.Certificate.Number)), token);
        Assert.Equal(own.Certificate.Number, Assert.Single(accepted.Window.OnDuty).CertificateNumber);
    }

    [Fact]
    public async Task An_agency_cannot_write_another_agencys_windows_but_the_county_administrator_can()
    {
        var agencyA = await RegisterAgencyAsync(app);
        var agencyB = await RegisterAgencyAsync(app, "龙山县交通运输局");
        var windowB = await RegisterAsync(app, agencyB);
        var tokenA = TestTokens.Bearer(agencyA);
        var before = await app.TableCountsAsync();

        var register = await FailsAsync(() => client.RegisterServiceWindowAsync(Window(agencyB, "9"), tokenA).ResponseAsync);
        var duty = await FailsAsync(() => client.SetWindowDutyAsync(Duty(agencyB, windowB.WindowId, Staff(app, "张三", "受理岗", "LS-1")), tokenA).ResponseAsync);
        // Naming its own agency does not reach B's window either: it is not found among A's windows.
        var disguised = await FailsAsync(() => client.SetWindowDutyAsync(Duty(agencyA, windowB.WindowId, Staff(app, "张三", "受理岗", "LS-1")), tokenA).ResponseAsync);
        var change = Window(agencyA, "3");
        change.WindowId = windowB.WindowId;
        var hijack = await FailsAsync(() => client.RegisterServiceWindowAsync(change, tokenA).ResponseAsync);
        var after = await app.TableCountsAsync();
        var byCounty = await client.SetWindowDutyAsync(Duty(agencyB, windowB.WindowId, Staff(app, "张三", "受理岗", "LS-1")), TestTokens.Bearer(agencyA, Roles.CountyAdmin));

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (register.StatusCode, duty.StatusCode));
        Assert.Equal((StatusCode.NotFound, StatusCode.NotFound), (disguised.StatusCode, hijack.StatusCode));
        Assert.Equal(before, after);
        Assert.Single(byCounty.Window.OnDuty);
    }

    [Fact]
    public async Task The_history_needs_a_login_and_the_public_calls_check_their_input()
    {
        var history = await FailsAsync(() => client.ListWindowDutyHistoryAsync(new ListWindowDutyHistoryRequest { WindowId = Guid.NewGuid().ToString() }, Public).ResponseAsync);
        var unknown = await FailsAsync(() => client.GetServiceWindowAsync(new GetServiceWindowRequest { WindowId = Guid.NewGuid().ToString() }, Public).ResponseAsync);
        var badCode = await FailsAsync(() => client.ListServiceWindowsAsync(new ListServiceWindowsRequest { AgencyCode = "123" }, Public).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, history.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(["agency_code"], FieldsOf(badCode));
    }
}
