using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Longshan.Platform.Grpc;

/// <summary>
/// Configuration section <c>Grpc:Deadlines</c>: the server's own deadline for unary calls. <c>Default</c> applies to
/// every unary method; <c>Methods</c> gives a method a longer (or shorter) one by its name as in the request log,
/// e.g. <c>"Methods": { "DrawService/RunDraw": "00:01:00" }</c>.
/// </summary>
public sealed class DeadlineOptions
{
    public TimeSpan Default { get; set; } = TimeSpan.FromSeconds(15);

    public Dictionary<string, TimeSpan> Methods { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The deadline of a method, from its full name ("/longshan.publicity.v1.AgencyService/RegisterAgency").</summary>
    public TimeSpan For(string method) =>
        Methods.Count > 0 && Methods.TryGetValue(RpcNames.ShortName(method), out var own) ? own : Default;
}

/// <summary>
/// A server-side deadline for every unary call, whatever deadline (or none) the client sent: the call's cancellation
/// token fires at the earlier of the two, and a call past it ends with <c>DeadlineExceeded</c> instead of holding a
/// request slot and a database connection for as long as the client is willing to wait. Streaming calls are left alone:
/// a 1 GB upload or a feed that follows live has idle timeouts instead (the archive's upload, the event feed).
/// <para>What a write past its deadline did: a write that had not started when the deadline passed never runs and
/// nothing is written (the write queue drops cancelled writes before they start). A write whose group was already
/// being committed completes: its caller still hears <c>DeadlineExceeded</c> (it may have given up already), and the
/// retry with the same <c>request_id</c> is answered from the request log with the first result, with no second record.
/// Either way the caller's next step is the same: retry with the same <c>request_id</c>.</para>
/// </summary>
public sealed class UnaryDeadlineInterceptor(DeadlineOptions options, ILogger<UnaryDeadlineInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var limit = options.For(context.Method);
        var deadline = DateTime.UtcNow + limit;
        // A client that asked for less keeps its own deadline, which Grpc.AspNetCore enforces already.
        if (context.Deadline <= deadline) return await continuation(request, context);

        // One source for both: it follows the call's own token and fires by itself at the server's deadline.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        linked.CancelAfter(limit);
        try
        {
            return await continuation(request, new DeadlineCallContext(context, deadline, linked.Token));
        }
        catch (Exception e) when (linked.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested && !IsAnswer(e))
        {
            logger.LogWarning("{Method} passed its server deadline of {Deadline} and was cancelled", RpcNames.ShortName(context.Method), limit);
            throw new RpcException(new Status(StatusCode.DeadlineExceeded,
                $"超过服务端时限 {limit.TotalSeconds:0.###} 秒 / the server's deadline of {limit.TotalSeconds:0.###} s passed; retry with the same request_id"));
        }
    }

    /// <summary>A refusal the handler gave (InvalidArgument, PermissionDenied, …) is its answer even when it came late.</summary>
    static bool IsAnswer(Exception e) =>
        e is RpcException { StatusCode: not (StatusCode.Cancelled or StatusCode.Unknown or StatusCode.Internal or StatusCode.DeadlineExceeded) };

    /// <summary>The call's context with the earlier deadline and its token; everything else is the call's own.</summary>
    sealed class DeadlineCallContext : ServerCallContext
    {
        readonly ServerCallContext inner;
        readonly DateTime deadline;
        readonly CancellationToken cancellationToken;

        public DeadlineCallContext(ServerCallContext inner, DateTime deadline, CancellationToken cancellationToken)
        {
            this.inner = inner;
            this.deadline = deadline;
            this.cancellationToken = cancellationToken;
            // GetHttpContext() on a context that is not Grpc.AspNetCore's own reads it from the user state.
            inner.UserState["__HttpContext"] = inner.GetHttpContext();
        }

        protected override string MethodCore => inner.Method;
        protected override string HostCore => inner.Host;
        protected override string PeerCore => inner.Peer;
        protected override DateTime DeadlineCore => deadline;
        protected override Metadata RequestHeadersCore => inner.RequestHeaders;
        protected override CancellationToken CancellationTokenCore => cancellationToken;
        protected override Metadata ResponseTrailersCore => inner.ResponseTrailers;

        protected override Status StatusCore
        {
            get => inner.Status;
            set => inner.Status = value;
        }

        protected override WriteOptions? WriteOptionsCore
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        protected override AuthContext AuthContextCore => inner.AuthContext;
        protected override IDictionary<object, object> UserStateCore => inner.UserState;

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
            inner.CreatePropagationToken(options);

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => inner.WriteResponseHeadersAsync(responseHeaders);
    }
}
