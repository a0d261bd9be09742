using Longshan.Benchmarks;

// Each benchmark measures the platform against a baseline in the same run and prints both, and their ratio.
var benchmarks = new Dictionary<string, Func<string[], Task>>
{
    ["outbox"] = OutboxBenchmark.RunAsync,
    ["certificates"] = CertificateVerificationBenchmark.RunAsync,
    ["portal-search"] = PortalSearchBenchmark.RunAsync,
    ["write-path"] = WritePathBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project tests/Longshan.Benchmarks -- <{string.Join("|", benchmarks.Keys)}> [options]");
    return 2;
}

await run(args[1..]);
return 0;
