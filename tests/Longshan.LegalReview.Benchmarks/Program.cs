using Longshan.LegalReview.Benchmarks;

// dotnet run -c Release --project tests/Longshan.LegalReview.Benchmarks -- classify [--callers 16] [--seconds 10] [--warmup 3] [--rounds 2]
if (args.Length == 0 || args[0] != "classify")
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Longshan.LegalReview.Benchmarks -- classify [--callers 16] [--seconds 10] [--warmup 3] [--rounds 2]");
    return 2;
}

await ClassifyDecisionBenchmark.RunAsync(args[1..]);
return 0;
