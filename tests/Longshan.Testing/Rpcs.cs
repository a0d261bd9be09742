using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Longshan.Platform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.Testing;

/// <summary>One RPC of a service, found from its generated descriptor and the endpoint that implements it.</summary>
public sealed record Rpc(MethodDescriptor Descriptor, string Policy)
{
    public string Name => $"{Descriptor.Service.Name}/{Descriptor.Name}";

    /// <summary>A write: the write policy (every create/submit RPC has it; RpcPolicyTests checks).</summary>
    public bool IsWrite => Policy == Policies.Write;

    public bool IsStreaming => Descriptor.IsClientStreaming || Descriptor.IsServerStreaming;

    public IMessage NewRequest() => (IMessage)Activator.CreateInstance(Descriptor.InputType.ClrType)!;

    public Method<IMessage, IMessage> Method => new(
        Descriptor.IsClientStreaming
            ? Descriptor.IsServerStreaming ? MethodType.DuplexStreaming : MethodType.ClientStreaming
            : Descriptor.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary,
        Descriptor.Service.FullName, Descriptor.Name,
        Marshallers.Create<IMessage>(m => m.ToByteArray(), b => Descriptor.InputType.Parser.ParseFrom(b)),
        Marshallers.Create<IMessage>(m => m.ToByteArray(), b => Descriptor.OutputType.Parser.ParseFrom(b)));

    /// <summary>Every RPC a service assembly implements (so a new RPC is covered the day it is added).</summary>
    public static IReadOnlyList<Rpc> Of(Assembly serviceAssembly) =>
        [.. from type in serviceAssembly.GetTypes()
            where !type.IsAbstract && type.BaseType?.GetCustomAttribute<BindServiceMethodAttribute>() is not null
            let descriptor = (ServiceDescriptor)type.BaseType!.DeclaringType!.GetProperty("Descriptor")!.GetValue(null)!
            from method in descriptor.Methods
            let implementation = type.GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            where implementation is not null
            orderby descriptor.Name, method.Name
            select new Rpc(method, PolicyOf(implementation))];

    static string PolicyOf(MethodInfo method)
    {
        if (method.GetCustomAttribute<AllowAnonymousAttribute>() is not null) return "public";
        var authorize = method.GetCustomAttribute<AuthorizeAttribute>() ?? method.DeclaringType!.GetCustomAttribute<AuthorizeAttribute>();
        return authorize?.Policy ?? "authenticated";
    }

    /// <summary>
    /// Sends <paramref name="requests"/> (one for unary and server-streaming RPCs) and returns the final status. A stream
    /// that keeps answering is read for <paramref name="streamFor"/> and then cancelled (a live feed never ends).
    /// </summary>
    public async Task<StatusCode> CallAsync(CallInvoker invoker, IReadOnlyList<IMessage> requests, Metadata headers, TimeSpan? streamFor = null)
    {
        using var stop = new CancellationTokenSource(streamFor ?? TimeSpan.FromSeconds(2));
        var options = new CallOptions(headers, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: IsStreaming ? stop.Token : default);
        try
        {
            switch (Method.Type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(Method, null, options, requests[0]).ResponseAsync;
                    break;
                case MethodType.ServerStreaming:
                    using (var call = invoker.AsyncServerStreamingCall(Method, null, options, requests[0]))
                        while (await call.ResponseStream.MoveNext(stop.Token)) { }
                    break;
                case MethodType.ClientStreaming:
                    using (var call = invoker.AsyncClientStreamingCall(Method, null, options))
                    {
                        await WriteAllAsync(call.RequestStream, requests);
                        await call.ResponseAsync;
                    }
                    break;
                default:
                    using (var call = invoker.AsyncDuplexStreamingCall(Method, null, options))
                    {
                        await WriteAllAsync(call.RequestStream, requests);
                        while (await call.ResponseStream.MoveNext(stop.Token)) { }
                    }
                    break;
            }
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
        catch (OperationCanceledException)
        {
            return StatusCode.Cancelled;
        }
    }

    static async Task WriteAllAsync(IClientStreamWriter<IMessage> stream, IReadOnlyList<IMessage> requests)
    {
        try
        {
            foreach (var request in requests) await stream.WriteAsync(request);
            await stream.CompleteAsync();
        }
        catch (RpcException) { /* the server ended the call early (e.g. refused the first message); its status follows */ }
        catch (InvalidOperationException) { /* the call already completed */ }
    }
}
