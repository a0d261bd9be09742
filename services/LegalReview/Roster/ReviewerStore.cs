using Longshan.Platform.Data;

namespace Longshan.LegalReview.Roster;

/// <summary>审核人员名册 — one roster entry: who may review an agency's decisions.</summary>
public sealed record ReviewerRow
{
    public string AgencyCode { get; init; } = "";
    public string PersonId { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary><c>agency-staff</c>, <c>legal-adviser</c> or <c>public-sector-lawyer</c>.</summary>
    public string Kind { get; init; } = "";
    /// <summary>初次从事法制审核.</summary>
    public bool FirstTime { get; init; }
    public string? QualificationNumber { get; init; }

    /// <summary>The reviewer's officer id in Publicity, when the reviewer is also an enforcement officer.</summary>
    public Guid? OfficerId { get; init; }

    /// <summary>法律职业资格证书编号 learned from Publicity's OfficerQualificationRecorded for <see cref="OfficerId"/>.</summary>
    public string? LearnedQualificationNumber { get; init; }

    /// <summary>
    /// 《行政处罚法》第五十八条第二款: 初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格 —
    /// entered on the roster, or recorded for the reviewer's officer in Publicity.
    /// </summary>
    public bool Qualified => !FirstTime || !string.IsNullOrWhiteSpace(QualificationNumber) || !string.IsNullOrWhiteSpace(LearnedQualificationNumber);

    /// <summary>Where the legal professional qualification is known from: <c>roster</c>, <c>publicity</c>, or empty.</summary>
    public string QualificationSource =>
        !string.IsNullOrWhiteSpace(QualificationNumber) ? "roster" : !string.IsNullOrWhiteSpace(LearnedQualificationNumber) ? "publicity" : "";
}

/// <summary>The <c>reviewers</c> table.</summary>
public sealed class ReviewerStore
{
    const string Columns =
        "r.agency_code, r.person_id, r.name, r.kind, r.first_time, r.qualification_number, r.officer_id, q.qualification_number AS learned_qualification_number";

    /// <summary>The roster joined with the qualifications learned from Publicity (by officer id).</summary>
    const string From = "reviewers r LEFT JOIN officer_qualifications q ON q.officer_id = r.officer_id";

    static readonly SqlStatement Upsert = new(
        """
        INSERT INTO reviewers (agency_code, person_id, name, kind, first_time, qualification_number, officer_id, added_at, added_by)
        VALUES (@AgencyCode, @PersonId, @Name, @Kind, @FirstTime, @QualificationNumber, @OfficerId, @at, @by)
        ON CONFLICT (agency_code, person_id) DO UPDATE SET name = excluded.name, kind = excluded.kind, first_time = excluded.first_time,
            qualification_number = excluded.qualification_number, officer_id = excluded.officer_id
        """,
        """
        MERGE dbo.reviewers WITH (HOLDLOCK) AS target
        USING (SELECT @AgencyCode AS agency_code, @PersonId AS person_id) AS source
            ON target.agency_code = source.agency_code AND target.person_id = source.person_id
        WHEN MATCHED THEN UPDATE SET name = @Name, kind = @Kind, first_time = @FirstTime, qualification_number = @QualificationNumber,
            officer_id = @OfficerId
        WHEN NOT MATCHED THEN INSERT (agency_code, person_id, name, kind, first_time, qualification_number, officer_id, added_at, added_by)
            VALUES (@AgencyCode, @PersonId, @Name, @Kind, @FirstTime, @QualificationNumber, @OfficerId, @at, @by);
        """);

    static readonly SqlStatement SelectOne = SqlStatement.Portable(
        $"SELECT {Columns} FROM {From} WHERE r.agency_code = @agencyCode AND r.person_id = @personId");

    static readonly SqlStatement SelectPage = new(
        $"SELECT {Columns} FROM {From} WHERE r.agency_code = @agencyCode AND r.person_id > @after ORDER BY r.person_id LIMIT @take",
        $"SELECT TOP (@take) {Columns} FROM {From} WHERE r.agency_code = @agencyCode AND r.person_id > @after ORDER BY r.person_id");

    public Task UpsertAsync(DbSession session, ReviewerRow reviewer, DateTimeOffset at, string by) =>
        session.ExecuteAsync(Upsert, new
        {
            reviewer.AgencyCode, reviewer.PersonId, reviewer.Name, reviewer.Kind, reviewer.FirstTime, reviewer.QualificationNumber, reviewer.OfficerId, at, by,
        });

    public Task<ReviewerRow?> FindAsync(DbSession session, string agencyCode, string personId) =>
        session.SingleOrDefaultAsync<ReviewerRow>(SelectOne, new { agencyCode, personId });

    public Task<IReadOnlyList<ReviewerRow>> PageAsync(DbSession session, string agencyCode, string after, int take) =>
        session.ListAsync<ReviewerRow>(SelectPage, new { agencyCode, after, take });
}
