using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StatelessAnalyzers.Rules.Memory;
using StatelessAnalyzers.Tests.Rules;

namespace StatelessAnalyzers.Tests.Robustness;

/// <summary>
/// The suite runs twice in CI: on the Roslyn the package compiles against and on the newest one
/// (<c>-p:TestRoslynVersion=5.12.0</c>). These facts make sure each leg really runs on the compiler it
/// names, while the analyzers stay built against the oldest Roslyn they support.
/// </summary>
public sealed partial class RoslynVersionTests
{
    [Fact]
    public void TheSuiteRunsOnTheRoslynItWasRestoredFor()
    {
        var expected = typeof(RoslynVersionTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "TestRoslynVersion").Value;
        Assert.False(string.IsNullOrEmpty(expected));

        Assert.Equal(expected, ReleaseOf(typeof(Compilation).Assembly));
        Assert.Equal(expected, ReleaseOf(typeof(CSharpCompilation).Assembly));
        Assert.Equal(expected, ReleaseOf(typeof(Microsoft.CodeAnalysis.Workspace).Assembly));
    }

    [Fact]
    public void TheAnalyzersAreBuiltAgainstTheOldestSupportedRoslyn()
    {
        var references = typeof(SL1001StaticMutableStateAnalyzer).Assembly.GetReferencedAssemblies();
        var roslyn = references.Single(reference => reference.Name == "Microsoft.CodeAnalysis");
        Assert.Equal(new Version(4, 14, 0, 0), roslyn.Version);
        Assert.DoesNotContain(references, reference => reference.Name == "Microsoft.CodeAnalysis.Workspaces");
    }

    [Fact]
    public void TheRunningCompilerKnowsCSharp14()
    {
        // `field` and extension blocks parse without errors in the language version the C# 14 tests use.
        var tree = CSharpSyntaxTree.ParseText(
            """
            public static class E { extension(string s) { public int Twice => s.Length * 2; } }
            public class C { public int P { get => field; set => field = value; } }
            """,
            new CSharpParseOptions(CSharp14Tests.Version));
        Assert.Empty(tree.GetDiagnostics());
    }

    private static string ReleaseOf(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        var match = ReleasePattern().Match(informational);
        Assert.True(match.Success, $"{assembly.GetName().Name} has no release number in '{informational}'.");
        return match.Value;
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+")]
    private static partial Regex ReleasePattern();
}
