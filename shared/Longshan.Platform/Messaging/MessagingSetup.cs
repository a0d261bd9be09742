using Longshan.Contracts.Events;
using Longshan.Platform.Data;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Longshan.Platform.Messaging;

/// <summary>
/// MassTransit over RabbitMQ with the platform's conventions: events travel as raw JSON (camelCase, no
/// MassTransit envelope) to one durable fanout exchange per event, named by its <see cref="EventContractAttribute"/>;
/// every consumer has an explicit, service-prefixed queue; publisher confirms are on; the outbox dispatcher runs.
/// </summary>
public static class MessagingSetup
{
    public static IHostApplicationBuilder AddLongshanMessaging(this IHostApplicationBuilder builder, string serviceName)
    {
        var outboxOptions = builder.Configuration.GetSection("Outbox").Get<OutboxOptions>() ?? new OutboxOptions();
        builder.Services.AddSingleton(outboxOptions);
        builder.Services.TryAddSingleton<WriteQueue>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxWriter>();
        builder.Services.AddSingleton<IOutboxPublisher, MassTransitOutboxPublisher>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        var names = new ConsumerNames();
        builder.Services.AddSingleton(names);
        builder.Services.AddSingleton<Inbox>();

        var brokerUri = builder.Configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is not set (amqp://user:password@host:port/vhost). The AppHost sets it.");

        var quorumQueues = builder.Configuration.GetValue("Messaging:QuorumQueues", false);

        // The web server starts only once the bus is connected and its queues are bound: no request (nor an
        // orchestrator's health probe) meets a half-started service, and a clean start logs no unhealthy check.
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(60);
        });

        builder.Services.AddMassTransit(bus =>
        {
            // /health turns Unhealthy (not Degraded) while the broker is away, and healthy when it is back.
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "broker";
                health.MinimalFailureStatus = HealthStatus.Unhealthy;
            });
            // Features add their consumers later (builder.AddConsumer<T>(name)); MassTransit keeps registrations in
            // the service collection, so registering through this configurator after AddMassTransit returns works.
            builder.Properties[typeof(ConsumerRegistry)] = new ConsumerRegistry(bus, serviceName, names);
            bus.AddConfigureEndpointsCallback((_, endpoint) =>
            {
                // A Fault<T> exchange would be outside the service's broker permissions; a message that still fails after
                // the retries goes to its queue's _error queue.
                endpoint.PublishFaults = false;
                // On a RabbitMQ cluster every consumer queue is a replicated quorum queue.
                if (quorumQueues) (endpoint as IRabbitMqReceiveEndpointConfigurator)?.SetQuorumQueue();
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(brokerUri), host => host.PublisherConfirmation = true);
                // Each service's broker user may declare only longshan.<service>.* (BrokerDefinitions.ForService): the
                // bus's own temporary queue takes the prefix too (consumer faults are not published: see below).
                rabbit.OverrideDefaultBusEndpointQueueName($"longshan.{serviceName}.bus-{Guid.NewGuid():N}");
                rabbit.MessageTopology.SetEntityNameFormatter(new ContractEntityNameFormatter(rabbit.MessageTopology.EntityNameFormatter));
                rabbit.UseRawJsonSerializer(RawSerializerOptions.AddTransportHeaders | RawSerializerOptions.CopyHeaders, isDefault: true);
                rabbit.Publish<IntegrationEvent>(p => p.Exclude = true);
                // A consumer whose database is away for minutes keeps its message and tries again on a widening
                // schedule (0.1 s … 2 min, about 16 minutes in all, inside RabbitMQ's 30-minute consumer timeout)
                // instead of parking it in _error after a few seconds; a message that cannot be read is parked at once.
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Ignore<System.Runtime.Serialization.SerializationException>();
                    retry.Ignore<System.Text.Json.JsonException>();
                    retry.Exponential(16, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(500));
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>
    /// Registers a feature's consumer under a stable <paramref name="name"/>: its queue is
    /// <c>longshan.&lt;service&gt;.&lt;name&gt;</c> and its inbox rows carry the name (never the class name).
    /// Call from the feature's <c>AddX()</c>.
    /// </summary>
    public static IHostApplicationBuilder AddConsumer<TConsumer>(this IHostApplicationBuilder builder, string name)
        where TConsumer : class, IConsumer
    {
        if (!builder.Properties.TryGetValue(typeof(ConsumerRegistry), out var registry))
            throw new InvalidOperationException("Call AddLongshanService before registering consumers.");
        ((ConsumerRegistry)registry).Add<TConsumer>(name);
        return builder;
    }

    sealed class ConsumerRegistry(IBusRegistrationConfigurator bus, string serviceName, ConsumerNames names)
    {
        public void Add<TConsumer>(string name) where TConsumer : class, IConsumer
        {
            EnsureListed(typeof(TConsumer), name);
            names.Add(typeof(TConsumer), name);
            bus.AddConsumer<TConsumer>().Endpoint(e => e.Name = $"longshan.{serviceName}.{name}");
        }

        /// <summary>The broker pre-declares only listed queues; an unlisted one would lose every event published before its first start.</summary>
        void EnsureListed(Type consumer, string name)
        {
            var consumed = consumer.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
                .Select(i => i.GetGenericArguments()[0]).ToList();
            var listed = EventSubscriptions.Find(serviceName, name);
            if (listed is null || !consumed.Contains(listed.Event))
                throw new InvalidOperationException(
                    $"{consumer.Name} (queue longshan.{serviceName}.{name}) is not in EventSubscriptions.All with its event: add " +
                    $"new(\"{serviceName}\", \"{name}\", typeof({consumed.FirstOrDefault()?.Name ?? "TEvent"})) so the broker holds its queue before the service first starts.");
        }
    }

    sealed class ContractEntityNameFormatter(IEntityNameFormatter fallback) : IEntityNameFormatter
    {
        public string FormatEntityName<T>() =>
            EventCatalog.TryContractOf(typeof(T), out var contract) ? contract!.Exchange : fallback.FormatEntityName<T>();
    }
}
