using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Longshan.Contracts.LegalReview.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;

namespace Longshan.LegalReview.Reviews;

/// <summary>Builds the <see cref="Review"/> a caller sees: the row with its versions, findings and steps.</summary>
public sealed class ReviewView(ReviewStore store, ReviewTimeLimitOptions options)
{
    public async Task<Review> BuildAsync(DbSession session, ReviewRow row, DateOnly today)
    {
        var review = new Review
        {
            ReviewId = row.ReviewId,
            AgencyCode = row.AgencyCode,
            CaseNumber = row.CaseNumber,
            Status = ReviewNames.ToProto(row.State),
            Version = row.Version,
            MaterialsVersion = row.MaterialsVersion,
            CaseOpenedOn = CountyTime.Format(row.CaseOpenedOn),
            CaseDeadline = CountyTime.Format(row.CaseDeadline),
            CaseDeadlineNear = ReviewTimeLimits.CaseDeadlineNear(row.CaseDeadline, today, options),
            ComplexCase = row.ComplexCase,
            AcceptedOn = row.AcceptedOn is { } accepted ? CountyTime.Format(accepted) : "",
            ReviewDueOn = row.ReviewDueOn is { } due ? CountyTime.Format(due) : "",
            Extended = row.Extended,
            Overdue = row.OverdueAt is not null,
            ReviewerId = row.ReviewerId ?? "",
            ReviewerName = row.ReviewerName ?? "",
            Opinion = row.Opinion is { } opinion ? ReviewNames.ToProto(ReviewNames.Opinion(opinion)) : Contracts.LegalReview.V1.ReviewOpinion.Unspecified,
            OpinionReasons = row.OpinionReasons ?? "",
            ApprovedDigest = row.ApprovedDigest ?? "",
            AgencyHead = row.AgencyHead,
            MissingMaterials = { Strings(row.MissingMaterials) },
            CollectiveParticipants = { Strings(row.CollectiveParticipants) },
            CollectiveOutcome = row.CollectiveOutcome ?? "",
        };
        foreach (var v in await store.VersionsAsync(session, row.ReviewId))
            review.Versions.Add(new MaterialsVersion
            {
                Version = v.Version, Materials = v.ToMaterials(), SubmittedAt = Timestamp.FromDateTimeOffset(v.SubmittedAt), SubmittedBy = v.SubmittedBy,
                Note = v.Note,
            });
        foreach (var f in await store.FindingsAsync(session, row.ReviewId))
            review.Findings.Add(new Finding
            {
                Check = ReviewNames.ToProto(ReviewNames.Check(f.CheckName)), Result = ReviewNames.FindingResult(f.Result), Note = f.Note,
                Version = f.Version, RecordedBy = f.RecordedBy, RecordedAt = Timestamp.FromDateTimeOffset(f.RecordedAt),
            });
        foreach (var s in await store.StepsAsync(session, row.ReviewId))
            review.Steps.Add(new Contracts.LegalReview.V1.ReviewStep
            {
                Step = s.Step, PersonId = s.PersonId, PersonName = s.PersonName, Role = s.Role, At = Timestamp.FromDateTimeOffset(s.At), Note = s.Note,
            });
        return review;
    }

    public static string Json(IEnumerable<string> items) => JsonSerializer.Serialize(items.Select(i => i.Trim()).ToList());

    static List<string> Strings(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
