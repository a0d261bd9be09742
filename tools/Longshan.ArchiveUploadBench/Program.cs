using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Net.Client;
using Longshan.Contracts.Archive.V1;
using Longshan.Testing;
using Org.BouncyCastle.Crypto.Digests;

// Evidence upload over gRPC vs the disk-and-hash floor, same file, same disk, same run. Figures are printed, never asserted.
var mib = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1024;
var size = (long)mib << 20;
const int Chunk = 1 << 20;
var repo = FindRepository();
var serviceDll = Path.Combine(repo, "services/RecordingArchive/bin/Release/net10.0/Longshan.RecordingArchive.dll");
if (!File.Exists(serviceDll)) throw new InvalidOperationException($"build the service first: dotnet build services/RecordingArchive -c Release ({serviceDll})");
var work = Directory.CreateTempSubdirectory("longshan-bench-archive-").FullName;
Console.WriteLine($"archive-upload: {mib} MiB, chunks of 1 MiB, work folder {work}");

try
{
    var source = Path.Combine(work, "source.bin");
    WriteRandomFile(source, size);

    // Reference: sha256sum (SHA-256 only, no write).
    var sha256sum = Stopwatch.StartNew();
    var sum = Process.Start(new ProcessStartInfo("sha256sum", source) { RedirectStandardOutput = true })!;
    var sumLine = await sum.StandardOutput.ReadToEndAsync();
    await sum.WaitForExitAsync();
    sha256sum.Stop();
    var expected = sumLine.Split(' ')[0];

    // Baseline: read once, SHA-256 + SM3 in one pass, write to the same disk, fsync.
    var baseline = Stopwatch.StartNew();
    var (baseSha, baseSm3) = CopyAndHash(source, Path.Combine(work, "baseline.bin"));
    baseline.Stop();
    File.Delete(Path.Combine(work, "baseline.bin"));
    if (baseSha != expected) throw new InvalidOperationException("baseline hash differs from sha256sum");

    await using var broker = new RabbitNode(Path.Combine(work, "broker"));
    await broker.StartAsync();
    var (httpPort, grpcPort) = (FreePort(), FreePort());
    var start = new ProcessStartInfo("dotnet", [serviceDll]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(serviceDll)! };
    start.Environment["HTTP_PORT"] = httpPort.ToString(CultureInfo.InvariantCulture);
    start.Environment["GRPC_PORT"] = grpcPort.ToString(CultureInfo.InvariantCulture);
    start.Environment["ConnectionStrings__archive-db"] = $"Data Source={Path.Combine(work, "archive.db")}";
    start.Environment["ConnectionStrings__rabbitmq"] = broker.ConnectionString;
    start.Environment["Identity__UseDevelopmentIssuer"] = "true";
    start.Environment["Evidence__StorageDirectory"] = Path.Combine(work, "evidence");
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    start.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = "";
    using var service = Process.Start(start)!;
    _ = service.StandardOutput.ReadToEndAsync();
    _ = service.StandardError.ReadToEndAsync();
    using var http = new HttpClient();
    var ready = Stopwatch.StartNew();
    while (true)
    {
        try { if ((await http.GetAsync($"http://127.0.0.1:{httpPort}/alive")).IsSuccessStatusCode) break; }
        catch (HttpRequestException) { }
        if (service.HasExited || ready.Elapsed > TimeSpan.FromSeconds(120)) throw new InvalidOperationException("the service did not start");
        await Task.Delay(200);
    }

    var agency = CreditCodes.New();
    var headers = TestTokens.Bearer(agency);
    using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}", new GrpcChannelOptions { MaxSendMessageSize = 8 << 20 });
    var client = new EvidenceService.EvidenceServiceClient(channel);
    // Warm-up: a small upload, so JIT and connections are not in the figure.
    var warmup = WriteSmall(work);
    await UploadAsync(client, headers, agency, "warmup", warmup, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(warmup))), CancellationToken.None);
    var rssBefore = Status(service.Id, "VmRSS:");

    var peak = 0L;
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested) { peak = Math.Max(peak, Status(service.Id, "VmRSS:")); await Task.Delay(50); }
    });
    var upload = Stopwatch.StartNew();
    var evidence = await UploadAsync(client, headers, agency, "bench", source, expected, CancellationToken.None);
    upload.Stop();
    await sampling.CancelAsync();
    await sampler;
    if (evidence.Sha256 != expected || evidence.Sm3 != baseSm3) throw new InvalidOperationException("the service's hashes differ from the baseline's");

    double Rate(Stopwatch s) => mib / s.Elapsed.TotalSeconds;
    Console.WriteLine($"  sha256sum (hash only, reference) : {sha256sum.Elapsed.TotalSeconds,7:F2} s  {Rate(sha256sum),7:F0} MiB/s");
    Console.WriteLine($"  baseline read+SHA-256+SM3+write+fsync: {baseline.Elapsed.TotalSeconds,7:F2} s  {Rate(baseline),7:F0} MiB/s");
    Console.WriteLine($"  gRPC upload (client streaming)   : {upload.Elapsed.TotalSeconds,7:F2} s  {Rate(upload),7:F0} MiB/s");
    Console.WriteLine($"  ratio upload / baseline throughput: {baseline.Elapsed.TotalSeconds / upload.Elapsed.TotalSeconds:F2}");
    Console.WriteLine($"  service RSS before upload {rssBefore / 1024} MiB, peak during upload {peak / 1024} MiB (sampled every 50 ms), VmHWM {Status(service.Id, "VmHWM:") / 1024} MiB");
    Console.WriteLine($"  sha256 {evidence.Sha256}  sm3 {evidence.Sm3}");
    service.Kill(entireProcessTree: true);
    await service.WaitForExitAsync();
}
finally
{
    Directory.Delete(work, recursive: true);
}

// The declared hash is computed by the caller beforehand (an agency's system knows its file's hash), outside the timing.
static async Task<Evidence> UploadAsync(EvidenceService.EvidenceServiceClient client, Grpc.Core.Metadata headers, string agency, string requestId, string path, string sha, CancellationToken cancellationToken)
{
    using var call = client.UploadEvidence(headers, cancellationToken: cancellationToken);
    await call.RequestStream.WriteAsync(new UploadEvidenceRequest
    {
        Metadata = new UploadMetadata { RequestId = requestId, AgencyCode = agency, FileName = Path.GetFileName(path), MediaType = "video/mp4", Size = new FileInfo(path).Length, Sha256 = sha },
    }, cancellationToken);
    await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
    var buffer = new byte[Chunk];
    int read;
    while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        await call.RequestStream.WriteAsync(new UploadEvidenceRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) }, cancellationToken);
    await call.RequestStream.CompleteAsync();
    return (await call).Evidence;
}

static (string Sha256, string Sm3) CopyAndHash(string from, string to)
{
    using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    var sm3 = new SM3Digest();
    var buffer = new byte[Chunk];
    using (var input = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan))
    using (var output = new FileStream(to, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0))
    {
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            sm3.BlockUpdate(buffer, 0, read);
            output.Write(buffer, 0, read);
        }
        output.Flush(flushToDisk: true);
    }
    var sm3Bytes = new byte[32];
    sm3.DoFinal(sm3Bytes, 0);
    return (Convert.ToHexStringLower(sha.GetHashAndReset()), Convert.ToHexStringLower(sm3Bytes));
}

static void WriteRandomFile(string path, long size)
{
    var buffer = new byte[Chunk];
    using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0);
    for (var left = size; left > 0; left -= buffer.Length)
    {
        Random.Shared.NextBytes(buffer);
        file.Write(buffer, 0, (int)Math.Min(buffer.Length, left));
    }
    file.Flush(flushToDisk: true);
}

static string WriteSmall(string work)
{
    var path = Path.Combine(work, "warmup.bin");
    var bytes = new byte[4 << 20];
    Random.Shared.NextBytes(bytes);
    File.WriteAllBytes(path, bytes);
    return path;
}

// A /proc/<pid>/status value in KiB (VmRSS, VmHWM).
static long Status(int pid, string key)
{
    foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        if (line.StartsWith(key, StringComparison.Ordinal))
            return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    return 0;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindRepository()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        if (File.Exists(Path.Combine(folder.FullName, "Longshan.Aspire.sln"))) return folder.FullName;
    throw new InvalidOperationException("run from inside the repository");
}
