using System.Text.RegularExpressions;
using StatelessAnalyzers.Tests.Catalog;

namespace StatelessAnalyzers.Tests.EndToEnd;

/// <summary>
/// The preset files in src/StatelessAnalyzers.Package/configuration against the README rule table (planned rules
/// included) and the shipped descriptors: strict makes warnings errors and info warnings, none turns every rule
/// off, recommended changes nothing, and every preset sits below the user's own global configs.
/// </summary>
public sealed partial class PresetFileTests
{
    [Fact]
    public void Strict_RaisesEveryRule()
    {
        var expected = ReadmeRules().ToDictionary(
            r => r.Id,
            r => r.Id == "SL9001" || r.Severity == "Warning" ? "error" : "warning");
        Assert.Equal(expected, Severities("strict"));
    }

    [Fact]
    public void None_TurnsEveryRuleOff()
    {
        var expected = ReadmeRules().ToDictionary(r => r.Id, _ => "none");
        Assert.Equal(expected, Severities("none"));
    }

    [Fact]
    public void Recommended_KeepsTheDefaults() => Assert.Empty(Severities("recommended"));

    [Theory]
    [InlineData("recommended")]
    [InlineData("strict")]
    [InlineData("none")]
    public void Preset_IsGlobalBelowTheUsersGlobalConfigs(string mode)
    {
        var settings = Settings(mode);
        Assert.Equal("true", settings["is_global"]);
        Assert.Equal("-1", settings["global_level"]);
    }

    [Fact]
    public void ReadmeTable_CoversEveryShippedRule()
    {
        var listed = ReadmeRules().Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(RuleCatalog.Descriptors, d => Assert.Contains(d.Id, listed));
    }

    private static Dictionary<string, string> Severities(string mode)
    {
        var severities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Settings(mode))
        {
            var match = SeverityKey().Match(key);
            if (match.Success)
                severities.Add(match.Groups["id"].Value, value);
        }
        return severities;
    }

    private static Dictionary<string, string> Settings(string mode)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = RuleCatalog.RepositoryFile("src", "StatelessAnalyzers.Package", "configuration", mode + ".globalconfig");
        foreach (var rawLine in File.ReadAllLines(path))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
                continue;
            Assert.False(line.StartsWith('['), $"{path} has a section; a preset applies to the whole project.");
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $"Not a key = value line in {path}: {line}");
            settings.Add(line[..equals].Trim(), line[(equals + 1)..].Trim());
        }
        return settings;
    }

    private static List<(string Id, string Severity)> ReadmeRules()
    {
        var rules = new List<(string, string)>();
        foreach (var line in File.ReadAllLines(RuleCatalog.RepositoryFile("README.md")))
        {
            var match = ReadmeRow().Match(line);
            if (match.Success)
                rules.Add((match.Groups["id"].Value, match.Groups["severity"].Value));
        }
        Assert.NotEmpty(rules);
        return rules;
    }

    [GeneratedRegex(@"^dotnet_diagnostic\.(?<id>[A-Za-z]+\d+)\.severity$")]
    private static partial Regex SeverityKey();

    /// <summary><c>| SL2004 | Category | Warning | …</c> or <c>| [SL1001](docs/rules/SL1001.md) | Category | Warning | …</c>.</summary>
    [GeneratedRegex(@"^\|\s*\[?(?<id>SL\d{4})\]?(?:\([^)]*\))?\s*\|[^|]*\|\s*(?<severity>Warning|Info|Error)\s*\|")]
    private static partial Regex ReadmeRow();
}
