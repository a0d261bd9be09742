using System.Text.RegularExpressions;
using Longshan.Contracts.Rules;

namespace Longshan.UnitTests.Platform;

/// <summary>
/// Clients branch on rule ids and read RULES.md to learn them, so every id is stable kebab-case, unique, documented
/// there, and the table documents no id the platform does not have.
/// </summary>
public sealed partial class RuleCatalogTests
{
    static readonly Lazy<string> Document = new(() => File.ReadAllText(LocateRulesDocument()));

    public static TheoryData<string> Ids => new(RuleCatalog.All.Select(r => r.Id));

    [Fact]
    public void The_catalog_is_not_empty() => Assert.NotEmpty(RuleCatalog.All);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_id_is_kebab_case(string id) => Assert.Matches(KebabCase(), id);

    [Fact]
    public void Ids_are_unique()
    {
        var duplicates = RuleCatalog.All.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_id_is_documented(string id) => Assert.Contains($"`{id}`", Document.Value);

    [Fact]
    public void Every_documented_id_is_in_the_catalog()
    {
        var documented = TableIds(Document.Value).ToList();
        var unknown = documented.Except(RuleCatalog.All.Select(r => r.Id), StringComparer.Ordinal).ToList();

        Assert.NotEmpty(documented);
        Assert.Empty(unknown);
    }

    /// <summary>The backticked kebab-case words in the rows of the document's tables (lines starting with '|').</summary>
    static IEnumerable<string> TableIds(string document) =>
        document.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith('|'))
            .SelectMany(line => Backticked().Matches(line).Select(m => m.Groups[1].Value))
            .Where(word => KebabCase().IsMatch(word));

    /// <summary>RULES.md beside the test assembly if the project copies it there, else found by walking up to the repository.</summary>
    static string LocateRulesDocument()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "RULES.md");
        if (File.Exists(beside)) return beside;

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "Longshan.Contracts", "RULES.md");
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException($"shared/Longshan.Contracts/RULES.md not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();
}
