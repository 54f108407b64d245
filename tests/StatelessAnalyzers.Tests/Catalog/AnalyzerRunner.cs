using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using StatelessAnalyzers.Tests.Verification;

namespace StatelessAnalyzers.Tests.Catalog;

/// <summary>Runs every analyzer of the package over a compilation and collects diagnostics and analyzer exceptions.</summary>
internal static class AnalyzerRunner
{
    /// <summary>The global usings of a web SDK project, for compiling sample sources outside MSBuild.</summary>
    public const string WebImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Net.Http.Json;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Hosting;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.AspNetCore.Routing;
        global using global::Microsoft.Extensions.Configuration;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::Microsoft.Extensions.Hosting;
        global using global::Microsoft.Extensions.Logging;
        """;

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
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) =>
            {
                lock (exceptions)
                    exceptions.Add(new InvalidOperationException($"{analyzer.GetType().Name} threw", exception));
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(RuleCatalog.Analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
            exceptions.Add(new InvalidOperationException(diagnostic.ToString()));
        return (diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray(), exceptions);
    }

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
