using Longshan.Contracts.Events.Publicity;
using Longshan.Platform.Calendar;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace Longshan.RecordingArchive.Tests.Support;

/// <summary>Where one archive keeps its state: the SQLite file and the evidence folder. A restarted app reuses them.</summary>
public sealed record ArchivePaths(string Database, string Storage)
{
    public static ArchivePaths New()
    {
        var id = Guid.NewGuid().ToString("N");
        return new ArchivePaths(Path.Combine(Path.GetTempPath(), $"longshan-archive-{id}.db"), Path.Combine(Path.GetTempPath(), $"longshan-archive-{id}.evidence"));
    }

    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Database + suffix);
        if (Directory.Exists(Storage)) Directory.Delete(Storage, recursive: true);
    }
}

/// <summary>
/// The RecordingArchive service in-process on <see cref="Paths"/> (its own unless given: a second app on the same paths is
/// the service restarted). Deletes the paths when disposed only when it created them.
/// </summary>
public class ArchiveApp : ServiceApp<Program>
{
    readonly bool ownsPaths;

    public ArchiveApp() : this(ArchivePaths.New(), ownsPaths: true) { }

    protected ArchiveApp(ArchivePaths paths, bool ownsPaths) : base("archive")
    {
        Paths = paths;
        this.ownsPaths = ownsPaths;
    }

    public ArchivePaths Paths { get; }

    /// <summary>Further settings (e.g. an agency's archive rules), applied after the defaults.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Evidence:StorageDirectory", Paths.Storage);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>The SQLite file of <see cref="Paths"/>: counts, direct writes and the guard rails' snapshots read it.</summary>
    public override string DatabasePath => Paths.Database;

    protected override bool OwnsDatabase => ownsPaths;

    public DateOnly Today => CountyTime.Today(Clock);

    /// <summary>Registers an agency the way the archive learns of one: Publicity's AgencyRegistered through the broker.</summary>
    public async Task<string> RegisterAgencyAsync(string name = "龙山县市场监督管理局", string? code = null)
    {
        code ??= CreditCodes.New();
        await PublishAsAsync("publicity", new AgencyRegistered
        {
            EventId = Guid.NewGuid(), OccurredAt = Clock.GetUtcNow(), AgencyCode = code, Name = name, Kind = "county-department",
            RemedyChannels = [new RemedyChannel("reconsideration", "龙山县人民政府", "")],
        });
        await Eventually.HoldsAsync(async () => await CountAsync("SELECT COUNT(*) FROM known_agencies WHERE credit_code = @code", new { code }) == 1,
            "the agency is known");
        return code;
    }

    /// <summary>Certifies an officer the way the archive learns of one: Publicity's OfficerCertified through the broker.</summary>
    public async Task<(Guid OfficerId, string Certificate)> CertifyOfficerAsync(string agency, DateOnly validFrom, DateOnly validTo, string name = "张三")
    {
        var officerId = Guid.NewGuid();
        var certificate = "43" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await PublishAsAsync("publicity", new OfficerCertified
        {
            EventId = Guid.NewGuid(), OccurredAt = Clock.GetUtcNow(), AgencyCode = agency, OfficerId = officerId, Version = 1, Name = name,
            CertificateNumber = certificate, CertificateKind = "enforcement", IssuingBody = "湖南省人民政府", ValidFrom = validFrom, ValidTo = validTo,
            Areas = ["龙山县"], Status = "valid",
        });
        await Eventually.HoldsAsync(async () => await CountAsync("SELECT COUNT(*) FROM certificate_versions WHERE officer_id = @officerId", new { officerId }) == 1,
            "the officer is known");
        return (officerId, certificate);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (ownsPaths) Paths.Delete();
    }
}

/// <summary>An archive on given paths, kept when it is disposed: a second one on the same paths is the service restarted.</summary>
public sealed class ArchiveAppOn(ArchivePaths paths) : ArchiveApp(paths, ownsPaths: false);
