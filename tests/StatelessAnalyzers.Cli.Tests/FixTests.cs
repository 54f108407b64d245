using System.Text.RegularExpressions;

namespace StatelessAnalyzers.Cli.Tests;

/// <summary>
/// <c>--fix</c> on a copy of the sample outside the repository, under git: the dry run shows a diff and
/// writes nothing, a dirty tree is refused, <c>--apply</c> writes the fixes, and the result builds with
/// no error and fewer findings.
/// </summary>
public sealed partial class FixTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void FixAll_OnACopyOfTheSample_BuildsCleanWithFewerFindings()
    {
        var root = TestPaths.NewTempFolder("fix");
        try
        {
            var project = CopySample(root);
            Git(root, "init", "--quiet");
            Git(root, "add", "--all");
            Git(root, "-c", "user.name=stateless-audit tests", "-c", "user.email=tests@example.org", "commit", "--quiet", "-m", "sample");
            var (restoreExit, restoreOutput) = TestPaths.RunProcess("dotnet", root, BuildTimeout, "restore", project);
            Assert.True(restoreExit == 0, restoreOutput);

            // Dry run: the diff of every fix, nothing written.
            var dryRun = CliRunner.Run(project, "--fix");
            Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
            Assert.Contains("Fixes available (dry run; --apply writes them):", dryRun.Output);
            Assert.Contains("SL1001: 1 finding fixed of 5", dryRun.Output);
            Assert.Contains("SL3001: 3 findings fixed of 6", dryRun.Output);
            Assert.Contains("4 files changed", dryRun.Output);
            foreach (var file in new[] { "Background/SalesReportService.cs", "Controllers/CartController.cs", "Controllers/OrdersController.cs", "Controllers/UploadsController.cs" })
                Assert.Contains($"--- a/{file}\n+++ b/{file}\n@@ -", dryRun.Output);
            Assert.Matches(@"(?m)^\+.*IDistributedCache", dryRun.Output);
            Assert.Matches(@"(?m)^-.*static .*Carts", dryRun.Output);
            Assert.Empty(Git(root, "status", "--porcelain"));

            // A dirty tree is refused before anything loads.
            var stray = Path.Combine(Path.GetDirectoryName(project)!, "Stray.cs");
            File.WriteAllText(stray, "// not committed\n");
            var refused = CliRunner.Run(project, "--fix", "--apply");
            Assert.True(refused.ExitCode == 2, refused.ToString());
            Assert.Contains("uncommitted changes", refused.Error);
            Assert.Contains("Stray.cs", refused.Error);
            Assert.DoesNotContain("Loading", refused.Error);
            File.Delete(stray);

            // Apply, then build with the analyzers: no error, and the fixed findings are gone.
            var applied = CliRunner.Run(project, "--fix", "--apply");
            Assert.True(applied.ExitCode == 0, applied.ToString());
            Assert.Contains("wrote Controllers/CartController.cs", applied.Output);
            var changed = Git(root, "status", "--porcelain").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[3..].Trim()).Order(StringComparer.Ordinal);
            Assert.Equal(
                ["StatefulShop/Background/SalesReportService.cs", "StatefulShop/Controllers/CartController.cs", "StatefulShop/Controllers/OrdersController.cs", "StatefulShop/Controllers/UploadsController.cs"],
                changed);

            var (buildExit, buildOutput) = TestPaths.RunProcess("dotnet", root, BuildTimeout, "build", project, "--no-restore", "-nodeReuse:false");
            Assert.True(buildExit == 0, buildOutput);
            Assert.Contains(" 0 Error(s)", buildOutput);
            var findings = BuildFinding().Matches(buildOutput).Select(m => m.Value).Distinct().ToList();
            Assert.True(findings.Count == 38, $"expected 42 - 4 findings, found {findings.Count}:\n{string.Join("\n", findings)}");
            Assert.Equal(4, findings.Count(f => f.Contains("SL1001", StringComparison.Ordinal)));
            Assert.Equal(3, findings.Count(f => f.Contains("SL3001", StringComparison.Ordinal)));
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temporary-folder cleanup.
            }
            catch (UnauthorizedAccessException)
            {
                // Git's read-only object files.
            }
        }
    }

    /// <summary>
    /// Copies the sample with the repository's shared build files; the analyzer project references
    /// become the analyzer assemblies built beside these tests, so the copy builds on its own.
    /// </summary>
    private static string CopySample(string root)
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "nuget.config" })
            File.Copy(Path.Combine(TestPaths.RepositoryRoot, file), Path.Combine(root, file));
        File.WriteAllText(Path.Combine(root, ".gitignore"), "bin/\nobj/\n");
        var target = Path.Combine(root, "StatefulShop");
        foreach (var source in Directory.EnumerateFiles(TestPaths.Sample, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(TestPaths.Sample, source);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj")
                continue;
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination);
        }

        var project = Path.Combine(target, "StatefulShop.csproj");
        var analyzers = string.Join("\n", new[] { "StatelessAnalyzers.dll", "StatelessAnalyzers.CodeFixes.dll" }
            .Select(name => $"    <Analyzer Include=\"{Path.Combine(AppContext.BaseDirectory, name)}\" />"));
        var text = ProjectReference().Replace(File.ReadAllText(project), string.Empty);
        text = text.Replace("</Project>", $"  <ItemGroup>\n{analyzers}\n  </ItemGroup>\n</Project>", StringComparison.Ordinal);
        File.WriteAllText(project, text);
        Assert.DoesNotContain("ProjectReference", text);
        return project;
    }

    private static string Git(string folder, params string[] arguments)
    {
        var (exitCode, output) = TestPaths.RunProcess("git", folder, TimeSpan.FromMinutes(1), arguments);
        Assert.True(exitCode == 0, $"git {string.Join(' ', arguments)}:\n{output}");
        return output;
    }

    [GeneratedRegex(@"\s*<ProjectReference [^>]*/>")]
    private static partial Regex ProjectReference();

    [GeneratedRegex(@"[^\s:]+\.cs\(\d+,\d+\): warning SL\d{4}")]
    private static partial Regex BuildFinding();
}
