using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StatelessAnalyzers.Tests.Catalog;
using StatelessAnalyzers.Tests.EndToEnd;
using StatelessAnalyzers.Tests.Verification;

namespace StatelessAnalyzers.Tests.Robustness;

/// <summary>Where a suite source comes from.</summary>
internal enum SuiteSourceKind
{
    /// <summary>A C# snippet held in a string literal of a rule, code-fix or catalog test.</summary>
    TestSnippet,

    /// <summary>A file of <c>samples/StatefulShop</c>, compiled alone with the web SDK's implicit usings.</summary>
    SampleFile,

    /// <summary>The whole of <c>samples/StatefulShop</c> as one project: <c>Program.cs</c> with every other file beside it.</summary>
    SampleProject,
}

/// <summary>
/// One plain C# source (markup removed) the suite already uses, with the files it is compiled beside: nothing for a
/// test snippet, the web SDK's implicit usings for a sample file, those and every other sample file for the sample project.
/// </summary>
internal sealed record SuiteSource(string Name, SuiteSourceKind Kind, string Text, ImmutableArray<(string Path, string Text)> Companions)
{
    public override string ToString() => Name;
}

/// <summary>
/// Collects every C# source the test suite analyses: the snippets in the string literals of the test files under
/// <c>tests/StatelessAnalyzers.Tests/{Rules,CodeFixes,Catalog}</c> and every file of <c>samples/StatefulShop</c>.
/// New tests add their sources automatically.
/// </summary>
internal static class SuiteSources
{
    /// <summary>The test folders whose string literals hold test sources.</summary>
    public static readonly ImmutableArray<string> TestFolders = ImmutableArray.Create("Rules", "CodeFixes", "Catalog");

    public const string SampleFolder = "samples/StatefulShop";

    private static readonly Lazy<ImmutableArray<SuiteSource>> Collected = new(Collect, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every source, deduplicated by text, in a stable order (test snippets by file and position, then sample files).</summary>
    public static ImmutableArray<SuiteSource> All => Collected.Value;

    /// <summary>
    /// The sample as the one project it is, so that fixes meet references from other files. Not damaged: a damaged file
    /// in the whole project costs a whole-project analysis and compilation per variant; the sample files alone stand in.
    /// </summary>
    public static SuiteSource SampleProject => SampleProjectSource.Value;

    private static readonly Lazy<SuiteSource> SampleProjectSource = new(() =>
    {
        var sample = AnalyzerRunner.ProjectSources(SampleFolder).ToList();
        var program = sample.Single(s => s.Path == "Program.cs");
        var others = sample.Where(s => s.Path != program.Path).Prepend(ImplicitUsings).ToImmutableArray();
        return new SuiteSource(SampleFolder, SuiteSourceKind.SampleProject, program.Text, others);
    });

    private static readonly (string Path, string Text) ImplicitUsings = ("GlobalUsings.g.cs", AnalyzerRunner.WebImplicitUsings);

    private static ImmutableArray<SuiteSource> Collect()
    {
        var sources = ImmutableArray.CreateBuilder<SuiteSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var testsRoot = RuleCatalog.RepositoryFile("tests", "StatelessAnalyzers.Tests");
        foreach (var folder in TestFolders)
        {
            var directory = Path.Combine(testsRoot, folder);
            foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(testsRoot, file).Replace('\\', '/');
                foreach (var (line, text) in Snippets(File.ReadAllText(file)))
                {
                    if (seen.Add(text))
                        sources.Add(new SuiteSource($"{relative}:{line}", SuiteSourceKind.TestSnippet, text, ImmutableArray<(string, string)>.Empty));
                }
            }
        }

        foreach (var (path, text) in AnalyzerRunner.ProjectSources(SampleFolder))
        {
            // Types from the other sample files do not bind: one more way the code is incomplete.
            if (seen.Add(text))
                sources.Add(new SuiteSource($"{SampleFolder}/{path}", SuiteSourceKind.SampleFile, text, ImmutableArray.Create(ImplicitUsings)));
        }

        return sources.ToImmutable();
    }

    /// <summary>
    /// The string literals of a test file that hold C# code, markup removed, with the 1-based line where each starts.
    /// Interpolated strings are skipped: their holes are filled only at run time.
    /// </summary>
    public static IEnumerable<(int Line, string Text)> Snippets(string testFileText)
    {
        var root = CSharpSyntaxTree.ParseText(testFileText).GetRoot();
        foreach (var token in root.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.StringLiteralToken)
                && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                && !token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
                continue;
            if (StripMarkup(token.ValueText) is { } code && IsCSharpCode(code))
                yield return (token.GetLocation().GetLineSpan().StartLinePosition.Line + 1, code);
        }
    }

    /// <summary>The text without verifier markup, or null when the markup does not parse (the literal is not a test source).</summary>
    public static string? StripMarkup(string text)
    {
        try
        {
            return MarkupSource.Strip(text);
        }
        catch (VerificationException)
        {
            return null;
        }
    }

    /// <summary>
    /// True for text that reads as a C# compilation unit: it declares a type or member, or holds statements, and
    /// parses without error; a snippet that declares a type counts even with syntax errors (tests of broken code).
    /// Messages, option values, file names and config text do not.
    /// </summary>
    public static bool IsCSharpCode(string text)
    {
        if (!text.Contains("class ", StringComparison.Ordinal)
            && !text.Contains("interface ", StringComparison.Ordinal)
            && !text.Contains("struct ", StringComparison.Ordinal)
            && !text.Contains(';', StringComparison.Ordinal))
            return false;
        var tree = CSharpSyntaxTree.ParseText(text);
        var unit = (CompilationUnitSyntax)tree.GetRoot();
        if (unit.Members.Count == 0 && unit.Usings.Count == 0 && unit.AttributeLists.Count == 0)
            return false;
        var declaresType = unit.DescendantNodes().Any(n => n is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax);
        return declaresType || !tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
    }
}
