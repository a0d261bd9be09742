namespace Longshan.Platform.Data;

/// <summary>
/// The read session of one HTTP request or gRPC call (a scoped service): opened on first use, closed with the request.
/// Page models and read endpoints take it and hand <see cref="GetAsync"/>'s session to stores, so they never open
/// connections themselves.
/// </summary>
public sealed class ReadSession(Database database) : IAsyncDisposable
{
    DbSession? session;

    public async ValueTask<DbSession> GetAsync(CancellationToken cancellationToken) =>
        session ??= await database.ReadAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (session is not null) await session.DisposeAsync();
    }
}
