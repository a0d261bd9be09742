using Longshan.Contracts.Archive.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Legal;

namespace Longshan.RecordingArchive.Cases;

/// <summary>Field checks of the case RPCs, pure: every problem at once.</summary>
public static class CaseRequests
{
    const string DateError = "须为 YYYY-MM-DD / must be YYYY-MM-DD";
    const string UuidError = "须为 UUID / must be a UUID";

    static string OneOf(IEnumerable<string> words) => "须为其中之一 / must be one of: " + string.Join(", ", words.Order(StringComparer.Ordinal));

    public static FieldViolations Validate(OpenCaseRequest request)
    {
        var violations = new FieldViolations().RequestId(request.RequestId);
        if (UnifiedSocialCreditCode.Validate(UnifiedSocialCreditCode.Normalize(request.AgencyCode)) is { } error) violations.Add("agency_code", error);
        var number = CaseNumbers.Normalize(request.CaseNumber);
        violations.Required("case_number", number).MaxLength("case_number", number, 100);
        if (!CaseVocabulary.Categories.Contains(request.Category)) violations.Add("category", OneOf(CaseVocabulary.Categories));
        if (!CaseVocabulary.PartyKinds.Contains(request.PartyKind)) violations.Add("party_kind", OneOf(CaseVocabulary.PartyKinds));
        violations.Required("party_name", request.PartyName).MaxLength("party_name", request.PartyName, 200);
        if (CountyTime.ParseDate(request.OpenedOn) is null) violations.Add("opened_on", DateError);
        Certificates(violations, "officer_certificates", request.OfficerCertificates, required: false);
        for (var i = 0; i < request.Activities.Count; i++)
            if (!CaseVocabulary.Activities.Contains(request.Activities[i])) violations.Add($"activities[{i}]", OneOf(CaseVocabulary.Activities));
        return violations;
    }

    public static FieldViolations Validate(AdvanceStageRequest request)
    {
        var violations = new FieldViolations().RequestId(request.RequestId);
        if (!Guid.TryParse(request.CaseId, out _)) violations.Add("case_id", UuidError);
        if (!CaseVocabulary.Stages.Contains(request.Stage)) violations.Add("stage", OneOf(CaseVocabulary.Stages));
        if (CountyTime.ParseDate(request.OnDate) is null) violations.Add("on_date", DateError);
        return violations;
    }

    public static FieldViolations Validate(AddRecordRequest request)
    {
        var violations = new FieldViolations().RequestId(request.RequestId);
        if (!Guid.TryParse(request.CaseId, out _)) violations.Add("case_id", UuidError);
        if (!CaseVocabulary.RecordKinds.Contains(request.Kind)) violations.Add("kind", OneOf(CaseVocabulary.RecordKinds));
        violations.Required("title", request.Title).MaxLength("title", request.Title, 200);
        if (CountyTime.ParseDate(request.OccurredOn) is null) violations.Add("occurred_on", DateError);
        if (!Guid.TryParse(request.EvidenceId, out _)) violations.Add("evidence_id", "记录内容须为已上传的文件 / the content is an uploaded file: " + UuidError);
        var isCorrection = request.Kind == CaseVocabulary.Kinds.Correction;
        if (isCorrection && !Guid.TryParse(request.CorrectsRecordId, out _)) violations.Add("corrects_record_id", "更正须引用原记录 / a correction names the record it corrects");
        if (!isCorrection && request.CorrectsRecordId.Length > 0) violations.Add("corrects_record_id", "仅用于更正记录 / only for a correction");
        Certificates(violations, "officer_certificates", request.OfficerCertificates, required: false);
        if (request.Kind == CaseVocabulary.Kinds.AudioVideo) AudioVideo(violations, request.AudioVideo);
        else if (request.AudioVideo is not null) violations.Add("audio_video", "仅用于音像记录 / only for an audio-video record");
        return violations;
    }

    static void AudioVideo(FieldViolations violations, AudioVideo? av)
    {
        if (av is null)
        {
            violations.Add("audio_video", "音像记录须注明设备、活动、起止时间和地点 / an audio-video record names device, activity, start, end and place");
            return;
        }

        violations.Required("audio_video.device_id", av.DeviceId).MaxLength("audio_video.device_id", av.DeviceId, 64);
        if (!CaseVocabulary.Activities.Contains(av.Activity)) violations.Add("audio_video.activity", OneOf(CaseVocabulary.Activities));
        violations.Required("audio_video.place", av.Place).MaxLength("audio_video.place", av.Place, 200);
        var started = Instant(av.StartedAt);
        var ended = Instant(av.EndedAt);
        if (started is null) violations.Add("audio_video.started_at", "须为 RFC 3339 时间 / must be an RFC 3339 instant");
        if (ended is null) violations.Add("audio_video.ended_at", "须为 RFC 3339 时间 / must be an RFC 3339 instant");
        if (started > ended) violations.Add("audio_video.ended_at", "不得早于开始时间 / must not be before the start");
        for (var i = 0; i < av.Interruptions.Count; i++)
        {
            var interruption = av.Interruptions[i];
            // 国办发〔2018〕118号: an interruption is explained when recording resumes.
            violations.Required($"audio_video.interruptions[{i}].reason", interruption.Reason)
                .MaxLength($"audio_video.interruptions[{i}].reason", interruption.Reason, 500);
            if (Instant(interruption.At) is null) violations.Add($"audio_video.interruptions[{i}].at", "须为 RFC 3339 时间 / must be an RFC 3339 instant");
            if (Instant(interruption.ResumedAt) is null) violations.Add($"audio_video.interruptions[{i}].resumed_at", "须为 RFC 3339 时间 / must be an RFC 3339 instant");
        }
    }

    public static FieldViolations Validate(RecordInProcessRequest request)
    {
        var violations = new FieldViolations().RequestId(request.RequestId);
        if (!Guid.TryParse(request.CaseId, out _)) violations.Add("case_id", UuidError);
        if (CountyTime.ParseDate(request.OccurredOn) is null) violations.Add("occurred_on", DateError);
        Certificates(violations, "certificates_shown", request.CertificatesShown, required: true);
        for (var i = 0; i < request.RightsExplained.Count; i++)
            violations.Required($"rights_explained[{i}]", request.RightsExplained[i]).MaxLength($"rights_explained[{i}]", request.RightsExplained[i], 200);
        if (request.RightsExplained.Count == 0) violations.Add("rights_explained", "须记录告知的权利义务 / the rights and duties explained are required");
        if (request.EvidenceId.Length > 0 && !Guid.TryParse(request.EvidenceId, out _)) violations.Add("evidence_id", UuidError);
        return violations;
    }

    public static FieldViolations Validate(ArchiveCaseRequest request)
    {
        var violations = new FieldViolations().RequestId(request.RequestId);
        if (!Guid.TryParse(request.CaseId, out _)) violations.Add("case_id", UuidError);
        if (CountyTime.ParseDate(request.ClosedOn) is null) violations.Add("closed_on", DateError);
        if (request.Retention.Length > 0 && !CaseVocabulary.RetentionClasses.Contains(request.Retention))
            violations.Add("retention", OneOf(CaseVocabulary.RetentionClasses));
        return violations;
    }

    static void Certificates(FieldViolations violations, string field, IReadOnlyList<string> numbers, bool required)
    {
        if (required && numbers.Count == 0) violations.Add(field, "必填 / required");
        for (var i = 0; i < numbers.Count; i++)
            violations.Required($"{field}[{i}]", numbers[i]).MaxLength($"{field}[{i}]", numbers[i], 40);
    }

    public static DateTimeOffset? Instant(string? text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var value) ? value : null;
}
