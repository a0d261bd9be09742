using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Longshan.Contracts.V1;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;

namespace Longshan.Platform.Grpc;

/// <summary>
/// Before any handler runs: when a request names its owning agency in a field marked
/// <c>[(longshan.v1.owning_agency) = true]</c>, the caller must be allowed to write that agency's data
/// (<see cref="Caller.EnsureMayWriteFor"/>), else <c>PermissionDenied</c> — one rule for every write, whatever its
/// validation finds. Writes whose owner is found from a record (a certificate number, a decision id) check it in the
/// endpoint after loading the record.
/// </summary>
public sealed class OwningAgencyInterceptor : Interceptor
{
    static readonly ConcurrentDictionary<MessageDescriptor, FieldDescriptor?> OwningFields = new();

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is IMessage message) EnsureMayWrite(message, context);
        return continuation(request, context);
    }

    /// <summary>A client stream (an upload): its first message names the owner.</summary>
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new FirstMessageCheck<TRequest>(requestStream, context), context);

    sealed class FirstMessageCheck<T>(IAsyncStreamReader<T> inner, ServerCallContext context) : IAsyncStreamReader<T>
    {
        bool checkedFirst;

        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            var more = await inner.MoveNext(cancellationToken);
            if (more && !checkedFirst && inner.Current is IMessage message) EnsureMayWrite(message, context);
            checkedFirst = true;
            return more;
        }
    }

    /// <summary>The field marked as naming the owning agency, if the message has one.</summary>
    public static FieldDescriptor? OwningField(MessageDescriptor descriptor) =>
        OwningFields.GetOrAdd(descriptor, d => d.Fields.InDeclarationOrder()
            .FirstOrDefault(f => f.FieldType == FieldType.String && f.GetOptions()?.GetExtension(OptionsExtensions.OwningAgency) == true));

    static void EnsureMayWrite(IMessage message, ServerCallContext context)
    {
        var field = OwningField(message.Descriptor);
        if (field?.Accessor.GetValue(message) is not string value) return;
        var agency = UnifiedSocialCreditCode.Normalize(value);
        if (!UnifiedSocialCreditCode.IsValid(agency)) return; // not an agency at all: validation reports the field
        Caller.From(context).EnsureMayWriteFor(agency);
    }
}
