using Longshan.Platform.Data;

namespace Longshan.RecordingArchive.Cases;

/// <summary><c>recording_devices</c>: 执法记录仪 per agency and unit (T7(1)).</summary>
public sealed class DeviceStore
{
    static readonly SqlStatement Insert = SqlStatement.Portable(
        "INSERT INTO recording_devices (agency_code, device_id, unit, registered_at) VALUES (@agencyCode, @deviceId, @unit, @registeredAt)");

    static readonly SqlStatement Exists = SqlStatement.Portable(
        "SELECT COUNT(*) FROM recording_devices WHERE agency_code = @agencyCode AND device_id = @deviceId");

    public Task InsertAsync(DbSession session, string agencyCode, string deviceId, string unit, DateTimeOffset registeredAt) =>
        session.ExecuteAsync(Insert, new { agencyCode, deviceId, unit, registeredAt });

    public async Task<bool> ExistsAsync(DbSession session, string agencyCode, string deviceId) =>
        await session.ScalarAsync<long>(Exists, new { agencyCode, deviceId }) > 0;
}
