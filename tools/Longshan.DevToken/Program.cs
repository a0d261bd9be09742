using System.Globalization;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;

// Usage: dotnet run --project tools/Longshan.DevToken -- <agency-credit-code> [role ...] [--subject ID] [--name NAME] [--hours N]
// Roles: agency (default), officer, reviewer, publisher, county-admin, data-center.
// A token names the person acting (the `sub` and `name` claims, kept in the audit log beside the agency):
//   --subject  stable id of the person or system account (default: dev:<agency-credit-code>)
//   --name     display name (default: the subject)
//   --hours    lifetime in hours (default: 8)
// Prints the token only, for use as
//   grpcurl -H "authorization: Bearer $(dotnet run --project tools/Longshan.DevToken -- 11433130MB1234567Q officer --subject u1001 --name 张三)" ...
// Tokens are signed by the development issuer, which services accept only with Identity:UseDevelopmentIssuer=true.

const string Usage =
    "usage: Longshan.DevToken <agency-credit-code> [agency|officer|reviewer|publisher|county-admin|data-center ...]\n" +
    "                         [--subject ID] [--name NAME] [--hours N]\n" +
    "  --subject ID   the person or system account acting (default: dev:<agency-credit-code>)\n" +
    "  --name NAME    the person's display name (default: the subject)\n" +
    "  --hours N      lifetime in hours (default: 8)";

var positional = new List<string>();
var options = new Dictionary<string, string>(StringComparer.Ordinal);
string[] known = ["--subject", "--name", "--hours"];
for (var i = 0; i < args.Length; i++)
{
    if (args[i] is "-h" or "--help")
    {
        Console.WriteLine(Usage);
        return 0;
    }
    if (!args[i].StartsWith("--", StringComparison.Ordinal))
    {
        positional.Add(args[i]);
        continue;
    }
    if (!known.Contains(args[i]) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine(known.Contains(args[i]) ? $"{args[i]} needs a value" : $"unknown option {args[i]}");
        Console.Error.WriteLine(Usage);
        return 2;
    }
    options[args[i]] = args[++i];
}

if (positional.Count == 0)
{
    Console.Error.WriteLine(Usage);
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

var hours = 8.0;
if (options.TryGetValue("--hours", out var hoursText)
    && (!double.TryParse(hoursText, NumberStyles.Float, CultureInfo.InvariantCulture, out hours) || hours <= 0))
{
    Console.Error.WriteLine($"--hours {hoursText}: expected a positive number");
    return 2;
}

var subject = options.TryGetValue("--subject", out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : $"dev:{agency}";
var name = options.TryGetValue("--name", out var n) && !string.IsNullOrWhiteSpace(n) ? n.Trim() : subject;

Console.WriteLine(TokenIssuer.Mint(IdentityOptions.Development, subject, agency, roles, TimeSpan.FromHours(hours), TimeProvider.System, name));
return 0;
