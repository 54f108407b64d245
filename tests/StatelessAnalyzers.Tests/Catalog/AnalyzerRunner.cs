using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using StatelessAnalyzers.Corpus;
using StatelessAnalyzers.Tests.Verification;

namespace StatelessAnalyzers.Tests.Catalog;

/// <summary>Runs every analyzer of the package over a compilation and collects diagnostics and analyzer exceptions.</summary>
internal static class AnalyzerRunner
{
    /// <summary>The global usings of a web SDK project, for compiling sample sources outside MSBuild.</summary>
    public const string WebImplicitUsings = SupportFiles.GlobalUsings;

    public static CSharpCompilation Compile(IEnumerable<(string Path, string Text)> sources, OutputKind outputKind = OutputKind.ConsoleApplication)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path)).ToList();
        return CSharpCompilation.Create(
            "Analyzed",
            trees,
            ReferenceAssemblies.Get(ReferenceSet.AspNetCore),
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> RunAsync(
        Compilation compilation, CancellationToken cancellationToken = default)
    {
        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(RuleCatalog.Analyzers, CreateOptions(exceptions, concurrent: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
            exceptions.Add(new InvalidOperationException(diagnostic.ToString()));
        return (diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray(), exceptions);
    }

    /// <summary>Analysis options that add every analyzer exception to <paramref name="exceptions"/> (thread-safe).</summary>
    public static CompilationWithAnalyzersOptions CreateOptions(List<Exception> exceptions, bool concurrent) => new(
        new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
        onAnalyzerException: (exception, analyzer, _) =>
        {
            lock (exceptions)
                exceptions.Add(new InvalidOperationException($"{analyzer.GetType().Name} threw", exception));
        },
        concurrentAnalysis: concurrent,
        logAnalyzerExecutionTime: false);

    /// <summary>The C# sources of a project folder below the repository root, skipping bin/ and obj/.</summary>
    public static IEnumerable<(string Path, string Text)> ProjectSources(string relativeFolder)
    {
        var root = RuleCatalog.RepositoryFile(relativeFolder.Split('/'));
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal))
                continue;
            yield return (relative, File.ReadAllText(file));
        }
    }
}
