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

        var redelivery = builder.Configuration.GetSection("Messaging:Redelivery").Get<RedeliveryOptions>() ?? new RedeliveryOptions();
        builder.Services.AddSingleton(redelivery);
        builder.Services.AddSingleton<MessagingMetrics>();
        builder.Services.AddSingleton<ScheduledRedeliveryFilter>();
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<BrokerQueueMonitor>(sp, serviceName, brokerUri));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BrokerQueueMonitor>());

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
                // its scheduled redeliveries goes to its queue's _error queue.
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
                // A failing consumer: first a few quick tries in the process (a lock, a blip: 0.1 s, 0.5 s, 2 s, 5 s), with
                // the message held; then, for a database away for minutes or hours, scheduled redelivery through the
                // queue's _retry queue on the broker, once a minute for a day (ScheduledRedeliveryFilter, outside the
                // retry); only then is it parked in _error, counted (MessagingMetrics) and re-driven by one command
                // (EVENTS.md). The message is not held meanwhile, so the queue keeps moving and no consumer timeout
                // applies. A message that cannot be read is parked at once.
                rabbit.UseFilter(context.GetRequiredService<ScheduledRedeliveryFilter>());
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Ignore<System.Text.Json.JsonException>();
                    retry.Intervals(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
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
