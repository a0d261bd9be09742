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
/// Runs a draw (双随机) of a frozen round in one transaction: reads the round and the agency's officers, generates the
/// seed (<see cref="DrawSeeds"/>), freezes the inputs, draws with <see cref="RandomDraw"/>, stores the draw with its
/// inputs, moves the round to it, and writes its event, audit row and request log. A round is drawn once; a redraw
/// needs a reason and is published as a redraw naming the draw it replaces (国发〔2015〕58号).
/// </summary>
public sealed class DrawRunner(
    InspectionItemStore items, DrawStore draws, DrawRoundStore rounds, OfficerStore officers, WriteTransaction writes, TimeProvider time)
{
    public async Task<InspectionDraw> RunAsync(RunDrawRequest request, ServerCallContext context)
    {
        DrawInputs.Validate(request).ThrowIfAny();
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        var caller = Caller.From(context);
        caller.EnsureMayWriteFor(agencyCode);

        return await writes.RunAsync(context, request, InspectionDraw.Parser, async session =>
        {
            var roundId = Guid.Parse(request.RoundId);
            var round = await rounds.FindAsync(session, roundId);
            if (round is null || round.AgencyCode != agencyCode || (request.ItemId.Length > 0 && Guid.Parse(request.ItemId) != Guid.Parse(round.ItemId)))
                throw RpcErrors.NotFound($"本机关无抽查批次 {request.RoundId} / no such draw round of agency {agencyCode}");
            InspectionDraw? replaced = null;
            if (round.DrawId.Length > 0)
            {
                if (request.RedrawReason.Trim().Length == 0)
                    throw RpcErrors.FailedPrecondition(RuleCatalog.DrawRoundAlreadyDrawn, round.RoundId,
                        $"批次已于抽取 {round.DrawId} 中抽取 / the round was drawn in {round.DrawId}; a redraw needs redraw_reason");
                replaced = await draws.FindAsync(session, Guid.Parse(round.DrawId));
            }
            var item = await items.FindAsync(session, Guid.Parse(round.ItemId))
                ?? throw RpcErrors.NotFound($"抽查事项 {round.ItemId} 不存在 / no such inspection item");
            var agencyOfficers = await officers.ListByAgencyAsync(session, agencyCode);

            var drawDate = CountyTime.Today(time);
            var drawId = Guid.NewGuid();
            var inputs = DrawInputs.Freeze(round, item, agencyOfficers, drawId, drawDate, DrawSeeds.Generate(), replaced, request.RedrawReason);
            var draw = DrawInputs.WithAssignments(inputs, Draw(inputs));

            var now = time.GetUtcNow();
            if (!await rounds.SetDrawAsync(session, roundId, replaced is null ? null : Guid.Parse(replaced.DrawId), drawId))
                throw RpcErrors.Aborted(round.RoundId, "批次同时被抽取 / the round was drawn meanwhile");
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
        RoundId = Guid.Parse(draw.RoundId),
        RedrawOf = draw.RedrawOf.Length > 0 ? Guid.Parse(draw.RedrawOf) : null,
        RedrawReason = draw.RedrawReason.Length > 0 ? draw.RedrawReason : null,
    };
}
