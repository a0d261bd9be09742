namespace Longshan.LegalReview.Reviews;

/// <summary>One row of <c>review_requests</c>: the request's state, deadlines and opinion.</summary>
public sealed record ReviewRow
{
    public string ReviewId { get; init; } = "";
    public string AgencyCode { get; init; } = "";
    /// <summary>案号, normalised (<see cref="Longshan.Platform.Legal.CaseNumbers.Normalize"/>).</summary>
    public string CaseNumber { get; init; } = "";
    public DateOnly CaseOpenedOn { get; init; }
    /// <summary>《行政处罚法》第六十条: 90 calendar days from opening.</summary>
    public DateOnly CaseDeadline { get; init; }
    public bool ComplexCase { get; init; }
    public string AgencyHead { get; init; } = "";
    public string Status { get; init; } = "";
    public int Version { get; init; }
    public int MaterialsVersion { get; init; }
    public DateOnly? AcceptedOn { get; init; }
    /// <summary>The materials version the review (re)started on: an amendment after it is a newer version.</summary>
    public int? AcceptedMaterials { get; init; }
    public DateOnly? ReviewDueOn { get; init; }
    public bool Extended { get; init; }
    public DateTimeOffset? OverdueAt { get; init; }
    public string? ReviewerId { get; init; }
    public string? ReviewerName { get; init; }
    public string? Opinion { get; init; }
    public string? OpinionReasons { get; init; }
    public string? ApprovedDigest { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    /// <summary>JSON array of what a return listed as missing.</summary>
    public string MissingMaterials { get; init; } = "[]";
    /// <summary>JSON array of the collective discussion's participants.</summary>
    public string CollectiveParticipants { get; init; } = "[]";
    public string? CollectiveOutcome { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public ReviewStatus State => ReviewNames.Status(Status);

    public ReviewRow With(ReviewStatus status) => this with { Status = ReviewNames.Name(status) };
}

/// <summary>A step of the responsibility record (T15).</summary>
public sealed record ReviewStepRow(string Step, string PersonId, string PersonName, string Role, string Note);
