using System.Text.Json;
using Xunit.Abstractions;

namespace StatelessAnalyzers.Tests.EndToEnd;

/// <summary>
/// The packed package in a real ASP.NET Core project built by the real SDK: analyzers load from
/// analyzers/dotnet/cs, their diagnostics reach the build, and the usual suppression and severity
/// switches work on them.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackageEndToEndTests(PackageFixture fixture, ITestOutputHelper output)
{
    private const string FieldDeclaration = "private static int served;";

    [Fact]
    public async Task Package_WiresAnalyzersAndRecommendedPreset()
    {
        var consumer = fixture.CreateConsumer("wiring");

        var evaluation = await consumer.RunDotnetAsync(
            "msbuild", consumer.ProjectPath, "-restore", "-t:ResolveLockFileAnalyzers", "-nodeReuse:false",
            "-getProperty:StatelessAnalyzersMode", "-getItem:Analyzer", "-getItem:GlobalAnalyzerConfigFiles");
        Log(evaluation);

        Assert.True(evaluation.Succeeded, evaluation.ToString());
        using var json = JsonDocument.Parse(evaluation.Output[evaluation.Output.IndexOf('{', StringComparison.Ordinal)..]);
        var mode = json.RootElement.GetProperty("Properties").GetProperty("StatelessAnalyzersMode").GetString();
        Assert.Equal("recommended", mode);

        var analyzers = FullPaths(json, "Analyzer");
        var analyzerFolder = Path.Combine(fixture.RestoredPackageDirectory, "analyzers", "dotnet", "cs");
        Assert.Contains(Path.Combine(analyzerFolder, "StatelessAnalyzers.dll"), analyzers);
        Assert.Contains(Path.Combine(analyzerFolder, "StatelessAnalyzers.CodeFixes.dll"), analyzers);

        var preset = Path.Combine(fixture.RestoredPackageDirectory, "configuration", "recommended.globalconfig");
        Assert.Contains(preset, FullPaths(json, "GlobalAnalyzerConfigFiles"));
        Assert.True(File.Exists(preset), $"{preset} is not in the restored package.");
    }

    [Fact]
    public async Task Build_ReportsSL1001OnStaticFieldOfController()
    {
        var consumer = fixture.CreateConsumer("warning");

        var build = await consumer.BuildAsync();
        Log(build);

        Assert.True(build.Succeeded, build.ToString());
        var (line, column) = ExpectedServedPosition();
        var diagnostic = SingleSL1001(build);
        Assert.Equal("warning", diagnostic.Severity);
        Assert.EndsWith(PackageFixture.ControllerPath, diagnostic.Path, StringComparison.Ordinal);
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        Assert.Contains("served", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_FailsWhenEditorConfigRaisesSL1001ToError()
    {
        var consumer = fixture.CreateConsumer("editorconfig", new Dictionary<string, string?>
        {
            [".editorconfig"] = """
                root = true

                [*.cs]
                dotnet_diagnostic.SL1001.severity = error

                """,
        });

        var build = await consumer.BuildAsync();
        Log(build);

        Assert.False(build.Succeeded, "The build succeeded although SL1001 is an error.\n" + build);
        Assert.Contains("error SL1001", build.Output, StringComparison.Ordinal);
        var diagnostic = SingleSL1001(build);
        Assert.Equal("error", diagnostic.Severity);
        Assert.Equal(ExpectedServedPosition(), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public async Task Build_PragmaSuppressesSL1001()
    {
        var suppressed = PackageFixture.ControllerSource.Replace(
            "    " + FieldDeclaration,
            $"""
                #pragma warning disable SL1001
                    {FieldDeclaration}
                #pragma warning restore SL1001
                """,
            StringComparison.Ordinal);
        Assert.NotEqual(PackageFixture.ControllerSource, suppressed);
        var consumer = fixture.CreateConsumer("pragma", new Dictionary<string, string?>
        {
            [PackageFixture.ControllerPath] = suppressed,
        });

        var build = await consumer.BuildAsync();
        Log(build);

        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain("SL1001", build.Output, StringComparison.Ordinal);
    }

    /// <summary>MSBuild's 1-based line and column of the identifier <c>served</c> in its declaration.</summary>
    private static (int Line, int Column) ExpectedServedPosition()
    {
        var source = PackageFixture.ControllerSource;
        var declaration = source.IndexOf(FieldDeclaration, StringComparison.Ordinal);
        Assert.True(declaration >= 0, "The controller source no longer declares the field.");
        var identifier = declaration + FieldDeclaration.IndexOf("served", StringComparison.Ordinal);
        var line = 1 + source.AsSpan(0, identifier).Count('\n');
        var lineStart = source.LastIndexOf('\n', identifier - 1) + 1;
        return (line, identifier - lineStart + 1);
    }

    private static BuildDiagnostic SingleSL1001(ProcessResult build)
    {
        var diagnostics = BuildDiagnostic.Parse(build.Output);
        var found = diagnostics.Where(d => d.Id == "SL1001").ToList();
        Assert.True(
            found.Count == 1,
            $"Expected exactly one SL1001 in the build output, found {found.Count}. All diagnostics:\n"
            + string.Join("\n", diagnostics) + "\n\n" + build);
        return found[0];
    }

    private static List<string> FullPaths(JsonDocument json, string itemType)
    {
        var paths = new List<string>();
        foreach (var item in json.RootElement.GetProperty("Items").GetProperty(itemType).EnumerateArray())
            paths.Add(item.GetProperty("FullPath").GetString()!);
        return paths;
    }

    private void Log(ProcessResult result) => output.WriteLine(result.ToString());
}
