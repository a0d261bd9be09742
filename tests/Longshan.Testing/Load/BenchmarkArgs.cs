using System.Globalization;

namespace Longshan.Testing.Load;

/// <summary>Command-line options of the benchmarks: <c>--name value</c>.</summary>
public static class BenchmarkArgs
{
    public static string Text(string[] args, string name) => args[Array.IndexOf(args, name) + 1];

    public static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
