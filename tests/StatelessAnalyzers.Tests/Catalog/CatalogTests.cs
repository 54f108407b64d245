using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers.Tests.Catalog;

/// <summary>Descriptor, doc page, release tracking and README agree for every rule.</summary>
public sealed class CatalogTests
{
    private const string DocsUrl = "https://github.com/stateless-analyzers/StatelessAnalyzers/blob/main/docs/rules/";

    [Fact]
    public void TheCatalogIsNotEmpty()
    {
        Assert.Contains(RuleCatalog.Descriptors, d => d.Id == "SL1001");
        Assert.Contains(RuleCatalog.Descriptors, d => d.Id == "SL1002");
        Assert.Contains(RuleCatalog.Descriptors, d => d.Id == "SL9001");
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void Descriptor_IsWellFormed(string id)
    {
        var descriptor = RuleCatalog.Descriptor(id);
        Assert.Matches("^SL[1-9][0-9]{3}$", id);
        Assert.Equal(DocsUrl + id + ".md", descriptor.HelpLinkUri);
        Assert.StartsWith("Stateless.", descriptor.Category, StringComparison.Ordinal);
        Assert.True(descriptor.IsEnabledByDefault);
        var message = descriptor.MessageFormat.ToString();
        Assert.False(message.EndsWith('.'), $"{id}: a message is one sentence without a final period");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()), $"{id}: description missing");

        // Descriptors sharing an ID agree on everything but their tags.
        foreach (var twin in RuleCatalog.Rules.SelectMany(a => a.SupportedDiagnostics).Where(d => d.Id == id))
        {
            Assert.Equal(descriptor.Title.ToString(), twin.Title.ToString());
            Assert.Equal(descriptor.Category, twin.Category);
            Assert.Equal(descriptor.DefaultSeverity, twin.DefaultSeverity);
            Assert.Equal(message, twin.MessageFormat.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void DocPage_StartsWithIdAndTitle(string id)
    {
        var descriptor = RuleCatalog.Descriptor(id);
        var path = RuleCatalog.RepositoryFile("docs", "rules", id + ".md");
        Assert.True(File.Exists(path), $"missing {path}");
        var text = File.ReadAllText(path);
        Assert.Equal($"# {id}: {descriptor.Title}", text.Split('\n')[0].TrimEnd('\r'));
        foreach (var section in new[] { "## Why it matters", "## How to fix", "## Options", "## When to suppress" })
            Assert.Contains(section, text, StringComparison.Ordinal);
        Assert.Contains(descriptor.Category, text, StringComparison.Ordinal);
        Assert.Contains(Link(id), File.ReadAllText(RuleCatalog.RepositoryFile("docs", "README.md")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void ReleaseTracking_AgreesWithTheDescriptor(string id)
    {
        var descriptor = RuleCatalog.Descriptor(id);
        var rows = ReleaseRows().Where(r => r[0] == id).ToList();
        var row = Assert.Single(rows);
        Assert.Equal(descriptor.Category, row[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row[2]);
        Assert.Contains(RuleCatalog.Rules, a => a.GetType().Name == row[3] && a.SupportedDiagnostics.Any(d => d.Id == id));
    }

    [Theory]
    [MemberData(nameof(RuleCatalog.DescriptorIds), MemberType = typeof(RuleCatalog))]
    public void Readme_HasARowForTheRule(string id)
    {
        var descriptor = RuleCatalog.Descriptor(id);
        var row = File.ReadAllLines(RuleCatalog.RepositoryFile("README.md"))
            .FirstOrDefault(l => l.StartsWith('|') && l.Contains(id, StringComparison.Ordinal) && l.Contains(descriptor.Title.ToString(), StringComparison.Ordinal));
        Assert.True(row is not null, $"README.md has no rule-table row with {id} and its title");
        Assert.Contains(descriptor.Category, row, StringComparison.Ordinal);
        Assert.Contains(descriptor.DefaultSeverity.ToString(), row, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ReleaseTracking_ListsOnlyKnownRules()
    {
        var known = RuleCatalog.Descriptors.Select(d => d.Id).ToHashSet();
        Assert.All(ReleaseRows(), row => Assert.Contains(row[0], known));
    }

    private static string Link(string id) => $"rules/{id}.md";

    private static IEnumerable<string[]> ReleaseRows()
    {
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            foreach (var line in File.ReadAllLines(RuleCatalog.RepositoryFile("src", "StatelessAnalyzers", file)))
            {
                if (!Regex.IsMatch(line, @"^SL\d{4}\s*\|"))
                    continue;
                yield return line.Split('|').Select(c => c.Trim()).ToArray();
            }
        }
    }
}
