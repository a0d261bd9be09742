using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Contracts.Rules;
using Longshan.Platform.Calendar;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Longshan.Publicity.Officers;
using Event = Longshan.Contracts.Events.Publicity;

namespace Longshan.Publicity.Inspections;

/// <summary>
/// Runs a draw (双随机) in one transaction: reads the item and the agency's officers, freezes the inputs, draws with
/// <see cref="RandomDraw"/>, stores the draw with its inputs, and writes its event, audit row and request log.
/// </summary>
public sealed class DrawRunner(
    InspectionItemStore items, DrawStore draws, OfficerStore officers, WriteTransaction writes, TimeProvider time)
{
    const string Rpc = "RunDraw";

    public async Task<InspectionDraw> RunAsync(RunDrawRequest request, ServerCallContext context)
    {
        DrawInputs.Validate(request).ThrowIfAny();
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        var caller = Caller.From(context);
        caller.EnsureMayWriteFor(agencyCode);

        return await writes.RunAsync(context, request, InspectionDraw.Parser, async session =>
        {
            var item = await items.FindAsync(session, Guid.Parse(request.ItemId));
            if (item is null || item.AgencyCode != agencyCode)
                throw RpcErrors.NotFound($"本机关无抽查事项 {request.ItemId} / no such inspection item of agency {agencyCode}");
            var agencyOfficers = await officers.ListByAgencyAsync(session, agencyCode);
            DrawInputs.ValidateConflictOfficers(request, agencyOfficers.Select(o => o.OfficerId.ToString("D")).ToHashSet()).ThrowIfAny();

            var drawDate = CountyTime.Today(time);
            var inputs = DrawInputs.Freeze(request, item, agencyOfficers, Guid.NewGuid(), drawDate);
            var draw = DrawInputs.WithAssignments(inputs, Draw(inputs));

            var now = time.GetUtcNow();
            await draws.InsertAsync(session, draw, now, caller.Subject);
            return new WriteResult<InspectionDraw>(draw, draw.DrawId, ToEvent(draw, Guid.NewGuid(), now));
        });
    }

    /// <summary>《行政处罚法》第四十二条: each target needs at least two eligible, non-conflicted officers, or nothing is drawn.</summary>
    static DrawResult Draw(InspectionDraw inputs)
    {
        try
        {
            return RandomDraw.Draw(DrawInputs.ToDrawRequest(inputs));
        }
        catch (InsufficientOfficersException e)
        {
            throw RpcErrors.FailedPrecondition(RuleCatalog.TooFewOfficers,
                string.Join(",", e.Shortfalls.Select(s => s.TargetId)),
                $"有效执法证且无需回避的执法人员不足（《行政处罚法》第四十二条）/ not enough eligible officers: {e.Message}");
        }
    }

    static Event.InspectionDrawCompleted ToEvent(InspectionDraw draw, Guid eventId, DateTimeOffset occurredAt) => new()
    {
        EventId = eventId,
        OccurredAt = occurredAt,
        AgencyCode = draw.AgencyCode,
        DrawId = Guid.Parse(draw.DrawId),
        ItemId = Guid.Parse(draw.ItemId),
        Seed = draw.Seed,
        Algorithm = draw.Algorithm,
        DrawDate = CountyTime.Date(draw.DrawDate),
        PoolSize = draw.Targets.Count,
        EligibleOfficers = draw.Officers.Count,
        Assignments = draw.Assignments.Select(a => new Event.InspectionAssignment(a.TargetId, a.OfficerIds.Select(Guid.Parse).ToList())).ToList(),
    };
}
