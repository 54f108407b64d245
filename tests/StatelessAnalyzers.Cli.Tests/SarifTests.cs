using System.Text.Json;

namespace StatelessAnalyzers.Cli.Tests;

/// <summary>The SARIF log of the sample's audit: the 2.1.0 shape, and the same findings as the console.</summary>
[Collection(SampleAuditCollection.Name)]
public sealed class SarifTests(SampleAuditFixture fixture)
{
    private JsonDocument Load() => JsonDocument.Parse(File.ReadAllText(fixture.SarifPath));

    [Fact]
    public void HasTheSarif210Shape()
    {
        using var log = Load();
        var errors = SarifShape.Validate(log.RootElement);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        Assert.Single(log.RootElement.GetProperty("runs").EnumerateArray());
    }

    [Fact]
    public void TheShapeCheckRejectsBrokenLogs()
    {
        using var log = Load();
        var text = JsonSerializer.Serialize(log.RootElement);
        string[] broken =
        [
            text.Replace("\"version\":\"2.1.0\"", "\"version\":\"2.0.0\"", StringComparison.Ordinal),
            text.Replace("\"startLine\":", "\"startLine\":0,\"x\":", StringComparison.Ordinal),
            text.Replace("\"level\":\"warning\"", "\"level\":\"warn\"", StringComparison.Ordinal),
            text.Replace("\"ruleId\":", "\"rule\":", StringComparison.Ordinal),
            text.Replace("\"name\":\"stateless-audit\"", "\"title\":\"stateless-audit\"", StringComparison.Ordinal),
        ];
        foreach (var variant in broken)
        {
            Assert.NotEqual(text, variant);
            using var document = JsonDocument.Parse(variant);
            Assert.NotEmpty(SarifShape.Validate(document.RootElement));
        }
    }

    [Fact]
    public void DescribesEveryRule()
    {
        using var log = Load();
        var driver = log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.Equal("stateless-audit", driver.GetProperty("name").GetString());
        Assert.StartsWith("https://", driver.GetProperty("informationUri").GetString(), StringComparison.Ordinal);
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        var ids = rules.Select(r => r.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Superset(SampleAuditTests.ExpectedPerRule.Keys.ToHashSet(), ids.ToHashSet());
        Assert.Contains("SL9001", ids);
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString();
            Assert.EndsWith($"/docs/rules/{id}.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
        }
        // Default levels come from the descriptors: SL1003 is info ("note"), SL1001 a warning.
        Assert.Equal("note", rules.Single(r => r.GetProperty("id").GetString() == "SL1003").GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("warning", rules.Single(r => r.GetProperty("id").GetString() == "SL1001").GetProperty("defaultConfiguration").GetProperty("level").GetString());
    }

    [Fact]
    public void ResultsMatchTheAudit()
    {
        using var log = Load();
        var run = log.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(42, results.Count);
        var perRule = results.GroupBy(r => r.GetProperty("ruleId").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(SampleAuditTests.ExpectedPerRule, new SortedDictionary<string, int>(perRule, StringComparer.Ordinal));

        var baseUri = new Uri(run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString()!);
        Assert.Equal(new Uri(TestPaths.Sample + "/"), baseUri);
        foreach (var result in results)
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[index].GetProperty("id").GetString());
            Assert.Equal("warning", result.GetProperty("level").GetString());
            var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var artifact = physical.GetProperty("artifactLocation");
            Assert.Equal("SRCROOT", artifact.GetProperty("uriBaseId").GetString());
            var relative = artifact.GetProperty("uri").GetString()!;
            Assert.False(Uri.IsWellFormedUriString(relative, UriKind.Absolute), relative);
            var file = new Uri(baseUri, relative).LocalPath;
            Assert.True(File.Exists(file), file);

            // The region's snippet is the text at that line and column of the file.
            var region = physical.GetProperty("region");
            var line = File.ReadAllLines(file)[region.GetProperty("startLine").GetInt32() - 1];
            var snippet = region.GetProperty("snippet").GetProperty("text").GetString()!;
            var column = region.GetProperty("startColumn").GetInt32();
            Assert.Equal(snippet.Split('\n')[0].TrimEnd('\r'), line.Substring(column - 1, Math.Min(snippet.Split('\n')[0].TrimEnd('\r').Length, line.Length - column + 1)));
        }
    }
}
