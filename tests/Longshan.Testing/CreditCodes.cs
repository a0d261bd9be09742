using Longshan.Platform.Identifiers;

namespace Longshan.Testing;

/// <summary>Valid 统一社会信用代码 for test agencies.</summary>
public static class CreditCodes
{
    static int counter = Random.Shared.Next(1_000_000);

    /// <summary>A new, valid credit code of a government organ (11 = 机构编制, 433130 = 龙山县), unique in this process.</summary>
    public static string New() => WithCheck($"11433130{Interlocked.Increment(ref counter):D9}");

    /// <summary>The code with its check character (the 18th) appended to <paramref name="first17"/>.</summary>
    public static string WithCheck(string first17) => first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
}
