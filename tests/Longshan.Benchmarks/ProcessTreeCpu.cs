using System.Globalization;

namespace Longshan.Benchmarks;

/// <summary>
/// CPU time used so far by a process and all its descendants (Linux <c>/proc/*/stat</c>, user plus system), so a
/// benchmark can count the broker's share of a call next to its own process's.
/// </summary>
static class ProcessTreeCpu
{
    /// <summary>Clock ticks per second of <c>/proc</c>'s times (USER_HZ, 100 on Linux).</summary>
    const double TicksPerSecond = 100;

    /// <summary>The tree's CPU time, or zero where <c>/proc</c> is not there.</summary>
    public static TimeSpan Of(int? root)
    {
        if (root is null || !Directory.Exists("/proc")) return TimeSpan.Zero;
        var processes = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid)) continue;
            try { processes[pid] = Parse(File.ReadAllText(Path.Combine(folder, "stat"))); }
            catch (IOException) { } // exited meanwhile
            catch (UnauthorizedAccessException) { }
        }

        long ticks = 0;
        foreach (var (pid, (_, own)) in processes)
            if (Descends(pid, root.Value, processes)) ticks += own;
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    static bool Descends(int pid, int root, Dictionary<int, (int Parent, long Ticks)> processes)
    {
        for (var hops = 0; hops < 64; hops++)
        {
            if (pid == root) return true;
            if (!processes.TryGetValue(pid, out var entry) || entry.Parent <= 1) return false;
            pid = entry.Parent;
        }
        return false;
    }

    /// <summary>Fields after the command (which is in parentheses and may hold spaces): 4 ppid … 14 utime, 15 stime.</summary>
    static (int Parent, long Ticks) Parse(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return ((int)Field(4), Field(14) + Field(15));
    }
}
