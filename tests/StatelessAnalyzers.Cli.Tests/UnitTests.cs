using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers.Cli.Tests;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void SameText_GivesNoDiff() => Assert.Empty(UnifiedDiff.Create("a/x", "b/x", "one\ntwo\n", "one\ntwo\n"));

    [Fact]
    public void ChangedLine_GivesOneHunkWithContext()
    {
        var before = string.Join("\n", Enumerable.Range(1, 10).Select(i => $"line {i}")) + "\n";
        var after = before.Replace("line 5\n", "line five\n", StringComparison.Ordinal);
        Assert.Equal("""
            --- a/x
            +++ b/x
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """.ReplaceLineEndings("\n"), UnifiedDiff.Create("a/x", "b/x", before, after));
    }

    [Fact]
    public void DistantChanges_GiveTwoHunks_AndInsertionsCountRight()
    {
        var before = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"l{i}")) + "\n";
        var after = "l0\n" + before.Replace("l20\n", "l20\nl21\n", StringComparison.Ordinal);
        var diff = UnifiedDiff.Create("a/x", "b/x", before, after);
        Assert.Contains("@@ -1,3 +1,4 @@\n+l0\n l1\n", diff);
        Assert.Contains("@@ -18,3 +19,4 @@\n l18\n l19\n l20\n+l21\n", diff);
    }

    [Fact]
    public void NewFile_DiffsFromNothing() =>
        Assert.Equal("--- /dev/null\n+++ b/x\n@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.Create("/dev/null", "b/x", string.Empty, "a\nb\n"));
}

public sealed class ReadinessTests
{
    private static Finding Make(DiagnosticSeverity severity, Family family) => new()
    {
        RuleId = "SL1001", Title = "t", Message = "m", Severity = severity, Family = family, HelpUri = "https://example.org",
        Project = "P", FilePath = "/p/a.cs", RelativePath = "a.cs", StartLine = 1, StartColumn = 1, EndLine = 1, EndColumn = 2,
        Snippet = "x", Excerpt = [], Fixable = false,
    };

    [Fact]
    public void NoFindings_IsReady()
    {
        var readiness = Readiness.Compute([]);
        Assert.Equal((100, "A", 0), (readiness.Score, readiness.Grade, readiness.Penalty));
        Assert.StartsWith("ready", readiness.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_FollowsTheDocumentedFormula()
    {
        // Penalty 3 + 1 = 4: 100 × 25 / 29 = 86.2.
        var readiness = Readiness.Compute([Make(DiagnosticSeverity.Warning, Family.Memory), Make(DiagnosticSeverity.Info, Family.Storage)]);
        Assert.Equal((86, "B", 4, 0), (readiness.Score, readiness.Grade, readiness.Penalty, readiness.Blockers));
        Assert.Equal(3, readiness.Families.Single(f => f.Family == Family.Memory).Penalty);
        Assert.Equal(1, readiness.Families.Single(f => f.Family == Family.Storage).Penalty);
    }

    [Fact]
    public void AnError_IsABlocker()
    {
        var readiness = Readiness.Compute([Make(DiagnosticSeverity.Error, Family.Work)]);
        Assert.Equal((71, "F", 1), (readiness.Score, readiness.Grade, readiness.Blockers));
        Assert.StartsWith("blocked", readiness.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void InfoOnly_IsReadyWithAReview()
    {
        var readiness = Readiness.Compute([Make(DiagnosticSeverity.Info, Family.Memory)]);
        Assert.Equal("A", readiness.Grade);
        Assert.StartsWith("ready, with 1 informational finding", readiness.Verdict, StringComparison.Ordinal);
    }
}

public sealed class SlnxTests : IDisposable
{
    private readonly string folder = TestPaths.NewTempFolder("slnx");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void ReadsProjectsAnywhereInTheFile()
    {
        var path = Path.Combine(folder, "App.slnx");
        File.WriteAllText(path, """
            <Solution>
              <Folder Name="/src/">
                <Project Path="src/Web/Web.csproj" />
              </Folder>
              <Project Path="tests\Web.Tests\Web.Tests.csproj" />
              <Project Path="docs/Docs.esproj" />
            </Solution>
            """);
        var errors = new List<string>();
        var projects = SolutionLoader.ReadSlnx(path, errors);
        Assert.Empty(errors);
        Assert.Equal(
            [Path.Combine(folder, "src", "Web", "Web.csproj"), Path.Combine(folder, "tests", "Web.Tests", "Web.Tests.csproj")],
            projects);
    }

    [Fact]
    public void InvalidXml_IsAnError()
    {
        var path = Path.Combine(folder, "App.slnx");
        File.WriteAllText(path, "<Solution><Project Path=");
        var errors = new List<string>();
        Assert.Empty(SolutionLoader.ReadSlnx(path, errors));
        Assert.Contains(errors, e => e.Contains("App.slnx", StringComparison.Ordinal));
    }
}
