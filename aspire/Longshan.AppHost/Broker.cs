using System.Diagnostics;
using System.Security.Cryptography;
using Longshan.Contracts.Events;
using Longshan.LocalBroker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Longshan.AppHost;

/// <summary>
/// Finds the RabbitMQ broker, in this order: a configured connection string (ConnectionStrings:rabbitmq);
/// a container, only when a container runtime really answers (a container resource without an engine stops
/// the whole application); the local rabbitmq-server binary as an executable resource; otherwise a clear error.
/// </summary>
public static class Broker
{
    public const string Name = "rabbitmq";

    /// <summary>The broker, whether services wait for it, and each service's own connection string where the AppHost made its users.</summary>
    public sealed record Choice(IResourceBuilder<IResourceWithConnectionString> Resource, bool WaitFor, Func<string, string?> ConnectionStringOf);

    public static Choice AddBroker(this IDistributedApplicationBuilder builder, string dataFolder)
    {
        // A configured broker or a container: the services share the configured user (production brokers load
        // deploy/rabbitmq/definitions.json, which has one user per service, and configure each service's address).
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(Name)))
            return new Choice(builder.AddConnectionString(Name), false, _ => null);

        if (ContainerRuntimeAnswers(builder.Configuration["Longshan:ContainerRuntime"] ?? "docker"))
        {
            var container = builder.AddRabbitMQ(Name).WithManagementPlugin().WithDataVolume();
            return new Choice(builder.CreateResourceBuilder<IResourceWithConnectionString>(container.Resource), true, _ => null);
        }

        if (LocalRabbitMq.IsInstalled)
        {
            // The local node loads the platform's definitions at boot: its topology and one user per service with a
            // password made for this run (only publicity may publish publicity's events, and so on).
            var node = LocalRabbitMq.For(Path.Combine(dataFolder, "rabbitmq"));
            var passwords = EventSubscriptions.Services.ToDictionary(s => s, _ => (string?)Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
            return new Choice(builder.AddLocalRabbitMq(node, passwords), true, service => node.ConnectionStringAs(service, passwords[service]!));
        }

        throw new DistributedApplicationException(
            "No RabbitMQ broker. Install one with `sudo apt-get install -y rabbitmq-server` (it is started for you), " +
            "or set ConnectionStrings:rabbitmq=amqp://user:password@host:5672 for an existing broker, or start Docker.");
    }

    static IResourceBuilder<IResourceWithConnectionString> AddLocalRabbitMq(this IDistributedApplicationBuilder builder, LocalRabbitMq node,
        IReadOnlyDictionary<string, string?> servicePasswords)
    {
        var healthCheck = $"{Name}-amqp";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async ct =>
            await LocalRabbitMq.AnswersAmqpAsync(node.AmqpPort, ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("AMQP port does not answer"));

        var resource = builder.AddResource(new LocalRabbitMqResource(Name, node))
            .WithEndpoint(name: "amqp", scheme: "tcp", port: node.AmqpPort, targetPort: node.AmqpPort, isProxied: false)
            .WithHttpEndpoint(name: "management", port: node.ManagementPort, targetPort: node.ManagementPort, isProxied: false)
            .WithHealthCheck(healthCheck);
        foreach (var (key, value) in node.PrepareEnvironment(servicePasswords)) resource.WithEnvironment(key, value);
        return builder.CreateResourceBuilder<IResourceWithConnectionString>(resource.Resource);
    }

    /// <summary>A container runtime is usable only if <c>docker info</c> (or podman) succeeds; the binary alone is not enough.</summary>
    static bool ContainerRuntimeAnswers(string runtime)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
            if (process is null) return false;
            if (!process.WaitForExit(TimeSpan.FromSeconds(10))) { process.Kill(entireProcessTree: true); return false; }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no such binary
        }
    }
}

/// <summary>The local rabbitmq-server process, exposing its AMQP address as the <c>rabbitmq</c> connection string.</summary>
public sealed class LocalRabbitMqResource(string name, LocalRabbitMq node)
    : ExecutableResource(name, LocalRabbitMq.ServerBinary, node.DataFolder), IResourceWithConnectionString
{
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{node.ConnectionString}");
}
