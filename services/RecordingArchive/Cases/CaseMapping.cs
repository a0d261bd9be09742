using System.Text.Json;
using Longshan.Contracts.Archive.V1;
using Longshan.Platform.Calendar;

namespace Longshan.RecordingArchive.Cases;

/// <summary>Case rows ↔ proto, and the canonical form of a case or record that the archive log hashes.</summary>
public static class CaseMapping
{
    public static CaseFile ToProto(CaseRow row, IEnumerable<RecordRow>? records = null) => new()
    {
        CaseId = row.CaseId.ToString(), AgencyCode = row.AgencyCode, CaseNumber = row.CaseNumber, Category = row.Category,
        PartyKind = row.PartyKind, PartyName = row.PartyName, Stage = row.Stage, OpenedOn = CountyTime.Format(row.OpenedOn),
        ClosedOn = row.ClosedOn is { } closed ? CountyTime.Format(closed) : "", OfficerCertificates = { row.OfficerList }, IsMajor = row.IsMajor,
        Activities = { row.ActivityList }, Status = row.Status, Retention = row.Retention, ArchivedAt = row.ArchivedAt?.ToString("O") ?? "",
        Records = { (records ?? []).Select(ToProto) },
    };

    public static CaseRecord ToProto(RecordRow row)
    {
        var details = row.DetailsValue;
        var record = new CaseRecord
        {
            RecordId = row.RecordId.ToString(), CaseId = row.CaseId.ToString(), Kind = row.Kind, Title = row.Title,
            OccurredOn = CountyTime.Format(row.OccurredOn), EvidenceId = row.EvidenceId?.ToString() ?? "", EvidenceSha256 = row.EvidenceSha256 ?? "",
            Author = row.Author, AuthorName = row.AuthorName, RecordedAt = row.RecordedAt.ToString("O"), OfficerCertificates = { details.Officers },
            CorrectsRecordId = row.CorrectsRecordId?.ToString() ?? "", CertificatesShown = { details.CertificatesShown },
            RightsExplained = { details.RightsExplained },
        };
        if (details.AudioVideo is { } av)
            record.AudioVideo = new AudioVideo
            {
                DeviceId = av.DeviceId, Activity = av.Activity, StartedAt = av.StartedAt, EndedAt = av.EndedAt, Place = av.Place,
                Interruptions = { av.Interruptions.Select(i => new Interruption { At = i.At, ResumedAt = i.ResumedAt, Reason = i.Reason }) },
            };
        return record;
    }

    public static AudioVideoDetails? ToDetails(AudioVideo? av) => av is null
        ? null
        : new AudioVideoDetails(av.DeviceId.Trim(), av.Activity, av.StartedAt, av.EndedAt, av.Place.Trim(),
            av.Interruptions.Select(i => new InterruptionDetails(i.At, i.ResumedAt, i.Reason.Trim())).ToList());

    /// <summary>The bytes the archive log hashes for a case (its columns) or a record (with its file's SHA-256).</summary>
    public static byte[] Canonical(object value) => JsonSerializer.SerializeToUtf8Bytes(value, CaseStore.Json);
}
