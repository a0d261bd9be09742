using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Contracts.Rules;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Longshan.Publicity.Agencies;
using Longshan.Publicity.Officers;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.Publicity.ServiceWindows;

/// <summary>
/// gRPC <c>longshan.publicity.v1.ServiceWindowService</c>: service windows and their duty boards (seed task T3(3)
/// 政务服务窗口规范设置岗位信息公示牌). Writes by the window's agency or the county administrator; the boards are public.
/// </summary>
public sealed class ServiceWindowEndpoint(
    ReadSession reads, ServiceWindowStore windows, WindowBoardStore boards, AgencyStore agencies, OfficerStore officers,
    WriteTransaction writes, TimeProvider time)
    : ServiceWindowService.ServiceWindowServiceBase
{
    [Authorize(Policy = Policies.Write)]
    public override async Task<RegisterServiceWindowResponse> RegisterServiceWindow(RegisterServiceWindowRequest request, ServerCallContext context)
    {
        ServiceWindowRequests.Validate(request).ThrowIfAny();
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        var caller = Caller.From(context);
        caller.EnsureMayWriteFor(agencyCode);

        return await writes.RunAsync(context, request, RegisterServiceWindowResponse.Parser, async session =>
        {
            await agencies.RegisteredAsync(session, agencyCode);
            var existing = request.WindowId.Length == 0 ? null : await OwnWindowAsync(session, request.WindowId, agencyCode);
            var window = WindowBoards.ToWindow(request, existing is null ? Guid.NewGuid() : Guid.Parse(existing.Window.WindowId), (existing?.Window.Version ?? 0) + 1);
            // T3(3): one board per window number — a second "3号窗口" of the same agency would confuse the public.
            if (await windows.FindByNumberAsync(session, agencyCode, window.Number) is { } holder && holder.Window.WindowId != window.WindowId)
                throw RpcErrors.FailedPrecondition(RuleCatalog.ServiceWindowExists, window.Number);
            var now = time.GetUtcNow();
            if (existing is null) await windows.InsertAsync(session, window, now, caller.Subject);
            else if (!await windows.UpdateAsync(session, window, now, caller.Subject)) throw RpcErrors.Aborted(window.WindowId);
            return new WriteResult<RegisterServiceWindowResponse>(new RegisterServiceWindowResponse { Window = window }, window.WindowId);
        });
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<SetWindowDutyResponse> SetWindowDuty(SetWindowDutyRequest request, ServerCallContext context)
    {
        ServiceWindowRequests.Validate(request).ThrowIfAny();
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        var caller = Caller.From(context);
        caller.EnsureMayWriteFor(agencyCode);
        var staff = request.Staff.Select(ServiceWindowRequests.Normalize).ToList();
        var today = CountyTime.Today(time);

        return await writes.RunAsync(context, request, SetWindowDutyResponse.Parser, async session =>
        {
            var window = (await OwnWindowAsync(session, request.WindowId, agencyCode)).Window;
            foreach (var person in staff.Where(s => s.CertificateNumber.Length > 0))
                if (WindowBoards.CertificateProblem(person, await officers.FindAsync(session, person.CertificateNumber), agencyCode, today) is { } problem)
                    throw RpcErrors.FailedPrecondition(RuleCatalog.WindowStaffCertificateInvalid, person.CertificateNumber, problem);
            var board = await boards.ReplaceAsync(session, window, staff, time.GetUtcNow(), caller.Subject);
            return new WriteResult<SetWindowDutyResponse>(new SetWindowDutyResponse
            {
                Window = WindowBoards.Public(window, staff, today), Board = board, CheckedOn = CountyTime.Format(today),
            }, window.WindowId);
        });
    }

    /// <summary>岗位信息公示 (T3(3)): public, no login; each window with the staff on duty today, never a person's ID or phone number.</summary>
    [AllowAnonymous]
    public override async Task<ListServiceWindowsResponse> ListServiceWindows(ListServiceWindowsRequest request, ServerCallContext context)
    {
        var violations = ServiceWindowRequests.Agency(new FieldViolations(), request.AgencyCode);
        var paging = Paging.Read(violations, "service-windows", request.PageSize, request.PageToken);
        violations.ThrowIfAny();
        var today = CountyTime.Today(time);
        var session = await reads.GetAsync(context.CancellationToken);
        var rows = await windows.PageAsync(session, UnifiedSocialCreditCode.Normalize(request.AgencyCode), paging.AfterKey ?? "", paging.Fetch);
        var page = paging.Cut(rows, w => w.NumberKey);
        return new ListServiceWindowsResponse
        {
            Windows = { page.Items.Select(w => WindowBoards.Public(w.Window, w.CurrentBoard, today)) },
            NextPageToken = page.NextToken,
            CheckedOn = CountyTime.Format(today),
        };
    }

    [AllowAnonymous]
    public override async Task<GetServiceWindowResponse> GetServiceWindow(GetServiceWindowRequest request, ServerCallContext context)
    {
        ServiceWindowRequests.WindowId(new FieldViolations(), request.WindowId).ThrowIfAny();
        var today = CountyTime.Today(time);
        var session = await reads.GetAsync(context.CancellationToken);
        var window = await windows.FindAsync(session, Guid.Parse(request.WindowId)) ?? throw NoSuchWindow(request.WindowId);
        return new GetServiceWindowResponse { Window = WindowBoards.Public(window.Window, window.CurrentBoard, today), CheckedOn = CountyTime.Format(today) };
    }

    /// <summary>Any authenticated caller: every board the window had (who was on duty when), newest first.</summary>
    [Authorize(Policy = Policies.Read)]
    public override async Task<ListWindowDutyHistoryResponse> ListWindowDutyHistory(ListWindowDutyHistoryRequest request, ServerCallContext context)
    {
        var violations = ServiceWindowRequests.WindowId(new FieldViolations(), request.WindowId);
        var paging = Paging.Read(violations, "window-duty-history", request.PageSize, request.PageToken, key => key.Count == 1 && Paging.IsNumber(key[0]));
        violations.ThrowIfAny();
        var session = await reads.GetAsync(context.CancellationToken);
        var windowId = Guid.Parse(request.WindowId);
        var window = await windows.FindAsync(session, windowId) ?? throw NoSuchWindow(request.WindowId);
        var page = paging.Cut(await boards.HistoryAsync(session, windowId, paging.BeforeSequence, paging.Fetch),
            b => b.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new ListWindowDutyHistoryResponse { Window = window.Window, Boards = { page.Items }, NextPageToken = page.NextToken };
    }

    /// <summary>The window, if it is one of <paramref name="agencyCode"/>'s; another agency's window is not found, not shown.</summary>
    async Task<StoredWindow> OwnWindowAsync(DbSession session, string windowId, string agencyCode) =>
        await windows.FindAsync(session, Guid.Parse(windowId)) is { } window && window.Window.AgencyCode == agencyCode
            ? window : throw NoSuchWindow(windowId);

    static RpcException NoSuchWindow(string windowId) => RpcErrors.NotFound($"窗口 {windowId} 不存在 / no such service window");
}
