using Longshan.LocalBroker;

namespace Longshan.Testing;

/// <summary>Loopback ports for servers a test starts on real sockets.</summary>
public static class FreePort
{
    /// <summary>A TCP port on loopback that nothing listens on right now (the same rule the local RabbitMQ node uses).</summary>
    public static int Next() => LocalRabbitMq.FreePort();
}
