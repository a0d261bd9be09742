namespace Longshan.Platform.Grpc;

/// <summary>The one short name of an RPC, as the request log, the audit log and the deadline settings write it.</summary>
public static class RpcNames
{
    /// <summary>"/longshan.publicity.v1.DecisionService/RegisterDecision" → "DecisionService/RegisterDecision".</summary>
    public static string ShortName(string method)
    {
        var slash = method.LastIndexOf('/');
        if (slash <= 0) return method;
        var service = method[..slash].TrimStart('/');
        return $"{service[(service.LastIndexOf('.') + 1)..]}{method[slash..]}";
    }
}
