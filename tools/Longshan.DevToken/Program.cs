using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;

// Usage: dotnet run --project tools/Longshan.DevToken -- <agency-credit-code> [role ...] [--hours N]
// Roles: agency (default), county-admin, data-center. Prints the token only, for use as
//   grpcurl -H "authorization: Bearer $(dotnet run --project tools/Longshan.DevToken -- 11433130MB1234567Q)" ...
// Tokens are signed by the development issuer, which services accept only with Identity:UseDevelopmentIssuer=true.

var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
var hoursIndex = Array.IndexOf(args, "--hours");
var hours = hoursIndex >= 0 && hoursIndex + 1 < args.Length ? double.Parse(args[hoursIndex + 1]) : 8;
if (hoursIndex >= 0) positional.Remove(args[hoursIndex + 1]);

if (positional.Count == 0)
{
    Console.Error.WriteLine("usage: Longshan.DevToken <agency-credit-code> [agency|county-admin|data-center ...] [--hours N]");
    return 2;
}

var agency = UnifiedSocialCreditCode.Normalize(positional[0]);
if (UnifiedSocialCreditCode.Validate(agency) is { } error)
{
    Console.Error.WriteLine($"credit code {agency}: {error}");
    return 2;
}

var roles = positional.Count > 1 ? positional.Skip(1).ToList() : [Roles.Agency];
var unknown = roles.Except(Roles.All).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown role(s): {string.Join(", ", unknown)}; known: {string.Join(", ", Roles.All)}");
    return 2;
}

Console.WriteLine(TokenIssuer.Mint(IdentityOptions.Development, $"dev:{agency}", agency, roles, TimeSpan.FromHours(hours), TimeProvider.System));
return 0;
