using Longshan.Contracts.Events;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Longshan.Platform.Messaging;

/// <summary>
/// MassTransit over RabbitMQ with the platform's conventions: events travel as raw JSON (camelCase, no
/// MassTransit envelope) to one durable fanout exchange per event, named by its <see cref="EventContractAttribute"/>;
/// every consumer has an explicit, service-prefixed queue; publisher confirms are on; the outbox dispatcher runs.
/// </summary>
public static class MessagingSetup
{
    public static IHostApplicationBuilder AddLongshanMessaging(
        this IHostApplicationBuilder builder, string serviceName, Action<ConsumerRegistry>? consumers = null)
    {
        var outboxOptions = builder.Configuration.GetSection("Outbox").Get<OutboxOptions>() ?? new OutboxOptions();
        builder.Services.AddSingleton(outboxOptions);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxWriter>();
        builder.Services.AddSingleton<IOutboxPublisher, MassTransitOutboxPublisher>();
        builder.Services.AddHostedService<OutboxDispatcher>();

        var brokerUri = builder.Configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is not set (amqp://user:password@host:port/vhost). The AppHost sets it.");

        var quorumQueues = builder.Configuration.GetValue("Messaging:QuorumQueues", false);

        builder.Services.AddMassTransit(bus =>
        {
            consumers?.Invoke(new ConsumerRegistry(bus, serviceName));
            // On a RabbitMQ cluster every consumer queue is a replicated quorum queue.
            if (quorumQueues)
                bus.AddConfigureEndpointsCallback((_, endpoint) => (endpoint as IRabbitMqReceiveEndpointConfigurator)?.SetQuorumQueue());
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(brokerUri), host => host.PublisherConfirmation = true);
                rabbit.MessageTopology.SetEntityNameFormatter(new ContractEntityNameFormatter(rabbit.MessageTopology.EntityNameFormatter));
                rabbit.UseRawJsonSerializer(RawSerializerOptions.AddTransportHeaders | RawSerializerOptions.CopyHeaders, isDefault: true);
                rabbit.Publish<IntegrationEvent>(p => p.Exclude = true);
                rabbit.UseMessageRetry(retry => retry.Intervals(100, 500, 2000, 5000));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>Registers consumers with queue names <c>&lt;service&gt;.&lt;consumer&gt;</c>.</summary>
    public sealed class ConsumerRegistry(IBusRegistrationConfigurator bus, string serviceName)
    {
        public ConsumerRegistry Add<TConsumer>(string queue) where TConsumer : class, IConsumer
        {
            bus.AddConsumer<TConsumer>().Endpoint(e => e.Name = $"longshan.{serviceName}.{queue}");
            return this;
        }
    }

    sealed class ContractEntityNameFormatter(IEntityNameFormatter fallback) : IEntityNameFormatter
    {
        public string FormatEntityName<T>() =>
            EventCatalog.TryContractOf(typeof(T), out var contract) ? contract!.Exchange : fallback.FormatEntityName<T>();
    }
}
