using Longshan.Statistics.Benchmarks;

// dotnet run -c Release --project tests/Longshan.Statistics.Benchmarks -- [replay|lag|all] [--rows N] [--seconds S] [--rate R]
var what = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
if (what is not ("replay" or "lag" or "all"))
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Longshan.Statistics.Benchmarks -- [replay|lag|all] [--rows N] [--seconds S] [--rate R]");
    return 2;
}

await FeedBenchmark.RunAsync(what, args);
return 0;
