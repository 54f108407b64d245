using System.Text.Json;
using Xunit.Abstractions;

namespace StatelessAnalyzers.Tests.EndToEnd;

/// <summary>
/// The CI switches of docs/ci.md on a consumer of the packed package: <c>-warnaserror:ID</c> breaks the build on
/// one rule, and the compiler's <c>ErrorLog</c> writes a SARIF 2.1 file with the findings and the rule metadata.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CiGateEndToEndTests(PackageFixture fixture, ITestOutputHelper output)
{
    private const string SarifFile = "stateless.sarif";

    [Fact]
    public async Task WarnAsError_ForOneRule_FailsTheBuild()
    {
        var consumer = fixture.CreateConsumer("warnaserror", new Dictionary<string, string?>
        {
            [ConsumerSources.StatsControllerPath] = ConsumerSources.StatsController,
        });

        var build = await consumer.BuildAsync("-warnaserror:SL1001,SL4003");
        Log(build);

        Assert.False(build.Succeeded, "The build succeeded although -warnaserror names SL1001.\n" + build);
        Assert.Equal("error", Assert.Single(ConsumerSources.Findings(build.Output, "SL1001")).Severity);
        // A warning of a rule not named stays a warning.
        Assert.Equal("warning", Assert.Single(ConsumerSources.Findings(build.Output, "SL1002")).Severity);
    }

    /// <summary>The command line of docs/ci.md and README: a relative path, the comma escaped as %2C.</summary>
    [Fact]
    public async Task ErrorLog_WritesSarif21WithFindingsAndRuleMetadata()
    {
        var consumer = fixture.CreateConsumer("sarif", new Dictionary<string, string?>
        {
            [ConsumerSources.StatsControllerPath] = ConsumerSources.StatsController,
        });

        var build = await consumer.BuildAsync("-p:ErrorLog=" + SarifFile + "%2Cversion=2.1");
        Log(build);

        Assert.True(build.Succeeded, build.ToString());
        var path = consumer.GetPath(SarifFile);
        Assert.True(File.Exists(path), $"No SARIF file at {path}.");
        using var sarif = JsonDocument.Parse(File.ReadAllText(path));
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());

        var results = run.GetProperty("results").EnumerateArray().ToList();
        var sl1001 = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "SL1001");
        Assert.Equal("warning", sl1001.GetProperty("level").GetString());
        Assert.Contains("served", sl1001.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        var location = sl1001.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith(
            "Controllers/OrdersController.cs",
            location.GetProperty("artifactLocation").GetProperty("uri").GetString(),
            StringComparison.Ordinal);
        Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() > 0);
        // The build output leaves out info findings; the SARIF file keeps them, as "note".
        var sl1005 = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "SL1005");
        Assert.Equal("note", sl1005.GetProperty("level").GetString());
        Assert.DoesNotContain("SL1005", build.Output, StringComparison.Ordinal);

        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var rule = Assert.Single(rules, r => r.GetProperty("id").GetString() == "SL1001");
        Assert.Equal(
            "Static mutable state in a request-handling type",
            rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
        Assert.EndsWith("docs/rules/SL1001.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        Assert.Equal("Stateless.Memory", rule.GetProperty("properties").GetProperty("category").GetString());
    }

    private void Log(ProcessResult result) => output.WriteLine(result.ToString());
}
