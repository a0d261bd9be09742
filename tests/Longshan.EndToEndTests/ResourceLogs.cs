using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Longshan.EndToEndTests;

/// <summary>
/// The console log of each resource, as the dashboard shows it: a clean start has no error entries (<c>fail:</c> /
/// <c>crit:</c> from .NET's console logger, <c>[error]</c> from RabbitMQ).
/// </summary>
public static class ResourceLogs
{
    public sealed record Lines(int Count, IReadOnlyList<string> Errors);

    public static async Task<Lines> ReadAsync(DistributedApplication app, IEnumerable<string> names)
    {
        var logger = app.Services.GetRequiredService<ResourceLoggerService>();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var count = 0;
        var errors = new List<string>();
        foreach (var resource in model.Resources.Where(r => names.Contains(r.Name)))
            await foreach (var batch in logger.GetAllAsync(resource))
                foreach (var line in batch)
                {
                    count++;
                    if (IsError(line.Content)) errors.Add($"{resource.Name}: {line.Content[..Math.Min(line.Content.Length, 300)]}");
                }
        return new Lines(count, errors);
    }

    static bool IsError(string line) =>
        line.Contains("fail: ", StringComparison.Ordinal) || line.Contains("crit: ", StringComparison.Ordinal)
        || line.Contains("[error]", StringComparison.Ordinal);
}
