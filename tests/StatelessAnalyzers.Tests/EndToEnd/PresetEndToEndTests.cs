using System.IO.Compression;
using Xunit.Abstractions;

namespace StatelessAnalyzers.Tests.EndToEnd;

/// <summary>
/// The presets selected by <c>StatelessAnalyzersMode</c>, in a consumer of the packed package: strict fails the
/// build, none turns the rules off, the project's own severities win over the preset, and an unknown mode
/// stops the build.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PresetEndToEndTests(PackageFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Package_ShipsThePresetsAndTheProps()
    {
        var package = Path.Combine(fixture.FeedDirectory, $"StatelessAnalyzers.{fixture.PackageVersion}.nupkg");
        using var archive = ZipFile.OpenRead(package);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            "build/StatelessAnalyzers.props",
            "buildTransitive/StatelessAnalyzers.props",
            "configuration/recommended.globalconfig",
            "configuration/strict.globalconfig",
            "configuration/none.globalconfig",
        ];
        Assert.All(expected, entry => Assert.Contains(entry, entries));
    }

    [Fact]
    public async Task Strict_SetInProjectFile_FailsTheBuildOnSL1001()
    {
        var consumer = fixture.CreateConsumer("strict", new Dictionary<string, string?>
        {
            [ConsumerProject.ProjectFileName] = fixture.ConsumerProjectFile("""
                  <PropertyGroup>
                    <StatelessAnalyzersMode>strict</StatelessAnalyzersMode>
                  </PropertyGroup>
                """),
        });

        var build = await consumer.BuildAsync();
        Log(build);

        Assert.False(build.Succeeded, "The build succeeded although strict makes SL1001 an error.\n" + build);
        var finding = Assert.Single(ConsumerSources.Findings(build.Output, "SL1001"));
        Assert.Equal("error", finding.Severity);
        Assert.EndsWith(PackageFixture.ControllerPath, finding.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task None_SetInDirectoryBuildProps_TurnsEveryRuleOff()
    {
        var consumer = fixture.CreateConsumer("none", new Dictionary<string, string?>
        {
            ["Directory.Build.props"] = """
                <Project>
                  <PropertyGroup>
                    <StatelessAnalyzersMode>none</StatelessAnalyzersMode>
                  </PropertyGroup>
                </Project>

                """,
            [ConsumerSources.StatsControllerPath] = ConsumerSources.StatsController,
        });

        var build = await consumer.BuildAsync();
        Log(build);

        Assert.True(build.Succeeded, build.ToString());
        var findings = ConsumerSources.AllFindings(build.Output);
        Assert.True(findings.Count == 0, "Reported with mode none:\n" + string.Join("\n", findings));
    }

    /// <summary>
    /// Strict (spelt "Strict": the mode is case-insensitive) with three configuration files of the project's own:
    /// a <c>.globalconfig</c> (global level 100) lowers SL1001 to a warning, a global config added through
    /// <c>GlobalAnalyzerConfigFiles</c> (level 0) lowers SL1002, and an <c>.editorconfig</c> section turns SL1001
    /// off in one folder, over the <c>.globalconfig</c> too. SL1005, set by nothing but the preset, shows that the
    /// preset is in force: strict raises it from info to a warning.
    /// </summary>
    [Fact]
    public async Task UserSeverities_WinOverStrictPreset()
    {
        var consumer = fixture.CreateConsumer("precedence", new Dictionary<string, string?>
        {
            [ConsumerProject.ProjectFileName] = fixture.ConsumerProjectFile("""
                  <ItemGroup>
                    <GlobalAnalyzerConfigFiles Include="ci.globalconfig" />
                  </ItemGroup>
                """),
            [".globalconfig"] = """
                is_global = true
                dotnet_diagnostic.SL1001.severity = warning

                """,
            ["ci.globalconfig"] = """
                is_global = true
                dotnet_diagnostic.SL1002.severity = warning

                """,
            [".editorconfig"] = """
                root = true

                [Controllers/Legacy/*.cs]
                dotnet_diagnostic.SL1001.severity = none

                """,
            [ConsumerSources.StatsControllerPath] = ConsumerSources.StatsController,
            [ConsumerSources.LegacyControllerPath] = ConsumerSources.LegacyController,
        });

        var build = await consumer.BuildAsync("-p:StatelessAnalyzersMode=Strict");
        Log(build);

        Assert.True(build.Succeeded, "The project's own severities did not win over the strict preset.\n" + build);
        var all = string.Join("\n", ConsumerSources.AllFindings(build.Output));

        var sl1001 = Assert.Single(ConsumerSources.Findings(build.Output, "SL1001"));
        Assert.Equal("warning", sl1001.Severity);
        Assert.EndsWith(PackageFixture.ControllerPath, sl1001.Path, StringComparison.Ordinal);
        Assert.DoesNotContain(ConsumerSources.Findings(build.Output, "SL1001"), d => d.Path.Contains("Legacy", StringComparison.Ordinal));

        var sl1002 = ConsumerSources.Findings(build.Output, "SL1002");
        Assert.True(sl1002.Count == 1 && sl1002[0].Severity == "warning", "Expected one SL1002 warning:\n" + all);

        var sl1005 = ConsumerSources.Findings(build.Output, "SL1005");
        Assert.True(sl1005.Count == 1 && sl1005[0].Severity == "warning", "Expected one SL1005 warning from the strict preset:\n" + all);
    }

    [Fact]
    public async Task UnknownMode_StopsTheBuildWithSLBUILD001()
    {
        var consumer = fixture.CreateConsumer("unknown-mode");

        var build = await consumer.BuildAsync("-p:StatelessAnalyzersMode=strcit");
        Log(build);

        Assert.False(build.Succeeded, "The build succeeded with an unknown StatelessAnalyzersMode.\n" + build);
        var error = Assert.Single(BuildDiagnostic.Parse(build.Output), d => d.Id == "SLBUILD001");
        Assert.Equal("error", error.Severity);
        Assert.Contains("'strcit'", error.Message, StringComparison.Ordinal);
        Assert.Contains("recommended", error.Message, StringComparison.Ordinal);
        Assert.Empty(ConsumerSources.AllFindings(build.Output));
    }

    private void Log(ProcessResult result) => output.WriteLine(result.ToString());
}
