using System.Diagnostics;
using Grpc.Core;

namespace Longshan.Testing.Load;

/// <summary>One measured run of concurrent callers: calls per second, latency percentiles and refused calls.</summary>
public sealed record LoadRun(double CallsPerSecond, long Calls, long Errors, double P50Ms, double P99Ms)
{
    /// <summary>
    /// <paramref name="callers"/> loops calling until <paramref name="duration"/> has passed (or <paramref name="maxCalls"/>
    /// calls were made); each caller has its own seeded <see cref="Random"/>; an <see cref="RpcException"/> counts as an error.
    /// </summary>
    public static async Task<LoadRun> MeasureAsync(Func<Random, Task> call, int callers, TimeSpan duration, long maxCalls = long.MaxValue)
    {
        long calls = 0, errors = 0;
        var latencies = new List<long>[callers];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            var mine = latencies[c] = new List<long>(1 << 16);
            while (clock.Elapsed < duration && Interlocked.Read(ref calls) < maxCalls)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await call(random);
                    mine.Add(Stopwatch.GetTimestamp() - start);
                    Interlocked.Increment(ref calls);
                }
                catch (RpcException) { Interlocked.Increment(ref errors); }
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var sorted = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, p * sorted.Length)] * 1000.0 / Stopwatch.Frequency;
        return new LoadRun(calls / elapsed, calls, errors, Percentile(0.50), Percentile(0.99));
    }

    /// <summary>Prints the run under <paramref name="name"/> and returns it.</summary>
    public LoadRun Report(string name, int width = 34)
    {
        Console.WriteLine($"  {name.PadRight(width)} {CallsPerSecond,9:F0} calls/s  ({Calls} calls, p50 {P50Ms:F2} ms, p99 {P99Ms:F2} ms, errors {Errors})");
        return this;
    }

    /// <summary>The machine's load average (1, 5, 15 minutes), printed beside figures measured on a shared machine.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
