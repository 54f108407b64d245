using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace StatelessAnalyzers.Tests.Verification;

/// <summary>One test source file with its markup removed.</summary>
internal sealed record TestSource(string FileName, string Path, string Text)
{
    public const string DefaultFileName = "Test0.cs";

    public const string Folder = "/0/";

    public static string PathFor(string fileName) => Folder + fileName;
}

/// <summary>The sources of one test stage (test code or fixed code) and its expected diagnostics, markup resolved.</summary>
internal sealed class TestState
{
    private TestState(IReadOnlyList<TestSource> sources, ImmutableArray<DiagnosticResult> expected)
    {
        Sources = sources;
        Expected = expected;
        Texts = sources.ToDictionary(s => s.Path, s => SourceText.From(s.Text), StringComparer.Ordinal);
    }

    public IReadOnlyList<TestSource> Sources { get; }

    /// <summary>Expected results with every location resolved to a file span.</summary>
    public ImmutableArray<DiagnosticResult> Expected { get; }

    public IReadOnlyDictionary<string, SourceText> Texts { get; }

    /// <summary>
    /// Parses the markup of every file (numbered keys are global across files), turns <c>[|…|]</c> and
    /// <c>{|ID:…|}</c> into expected results and resolves <c>WithLocation(n)</c> keys.
    /// </summary>
    public static TestState Create(
        IEnumerable<(string FileName, string Source)> files, IEnumerable<DiagnosticResult> expected, Func<string> defaultId)
    {
        var sources = new List<TestSource>();
        var keyed = new Dictionary<int, (string Path, TextSpan Span)>();
        var results = new List<DiagnosticResult>();
        foreach (var (fileName, source) in files)
        {
            var path = TestSource.PathFor(fileName);
            if (sources.Any(s => s.Path == path))
                throw new VerificationException($"Two test sources are named '{fileName}'.");
            var markup = MarkupSource.Parse(source ?? "", fileName);
            sources.Add(new TestSource(fileName, path, markup.Text));
            foreach (var span in markup.Spans)
            {
                if (span.IsNumbered)
                {
                    if (!keyed.TryAdd(span.Key, (path, span.Span)))
                        throw new VerificationException($"Markup key {{|#{span.Key}:…|}} is used twice.");
                }
                else
                {
                    results.Add(DiagnosticResult.ForId(span.Name ?? defaultId()).WithResolvedLocation(path, span.Span));
                }
            }
        }

        var usedKeys = new HashSet<int>();
        foreach (var result in expected)
        {
            if (result.IsDefault)
                throw new VerificationException("An expected diagnostic is default(DiagnosticResult): create it with Verify.Diagnostic(...).");
            if (!result.HasNoLocation && result.Locations.IsEmpty)
            {
                throw new VerificationException(
                    $"The expected diagnostic {result} has no location: add WithLocation(n) with {{|#n:…|}} markup, or WithNoLocation().");
            }

            var locations = ImmutableArray.CreateBuilder<ExpectedLocation>(result.Locations.Length);
            foreach (var location in result.Locations)
            {
                if (location.MarkupKey is not { } key)
                {
                    locations.Add(location);
                    continue;
                }

                if (!keyed.TryGetValue(key, out var target))
                    throw new VerificationException($"{result}: no {{|#{key}:…|}} markup in the sources.");
                usedKeys.Add(key);
                locations.Add(new ExpectedLocation(key, target.Path, target.Span));
            }

            results.Add(result.WithLocations(locations.MoveToImmutable()));
        }

        foreach (var key in keyed.Keys.OrderBy(k => k))
        {
            if (!usedKeys.Contains(key))
                throw new VerificationException($"Markup {{|#{key}:…|}} is not used by any expected diagnostic (add .WithLocation({key})).");
        }

        return new TestState(sources, results.ToImmutableArray());
    }
}

/// <summary>What one analysis run produced.</summary>
internal sealed record AnalysisOutput(ImmutableArray<Diagnostic> AnalyzerDiagnostics, ImmutableArray<Diagnostic> CompilerDiagnostics)
{
    public IEnumerable<Diagnostic> CompilerErrors => CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>Facts about the analyzer under test.</summary>
internal static class AnalyzerInfo<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    private static readonly Lazy<ImmutableArray<DiagnosticDescriptor>> Supported = new(() => new TAnalyzer().SupportedDiagnostics);

    /// <summary>Whether <typeparamref name="TAnalyzer"/> is one of the rules the package's host runs (not a test analyzer).</summary>
    public static bool IsPackageRule { get; } = StatelessAnalyzer.CreateRules().Any(r => r.GetType() == typeof(TAnalyzer));

    /// <summary>
    /// What a test runs: for a package rule, the analyzer the package ships (the host with every rule), as a user's
    /// build does; for a test analyzer, the analyzer itself.
    /// </summary>
    public static DiagnosticAnalyzer CreateAnalyzer() => IsPackageRule ? new StatelessAnalyzer() : new TAnalyzer();

    /// <summary>The diagnostics of <typeparamref name="TAnalyzer"/>'s IDs among the host's, and any analyzer exception (AD0001).</summary>
    public static ImmutableArray<Diagnostic> OwnDiagnostics(ImmutableArray<Diagnostic> diagnostics)
    {
        if (!IsPackageRule)
            return diagnostics;
        var ids = SupportedDiagnostics.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return diagnostics.Where(d => ids.Contains(d.Id) || d.Id == "AD0001").ToImmutableArray();
    }

    public static ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Supported.Value;

    /// <summary>The analyzer's only diagnostic ID; several descriptors may share it, several IDs are an error.</summary>
    public static string DefaultId
    {
        get
        {
            var ids = SupportedDiagnostics.Select(d => d.Id).Distinct(StringComparer.Ordinal).ToList();
            return ids.Count switch
            {
                1 => ids[0],
                0 => throw new VerificationException($"{typeof(TAnalyzer).Name} supports no diagnostic."),
                _ => throw new VerificationException(
                    $"{typeof(TAnalyzer).Name} supports several diagnostic IDs ({string.Join(", ", ids)}): use Diagnostic(\"ID\") or {{|ID:…|}} markup instead of Diagnostic() or [|…|]."),
            };
        }
    }

    /// <summary>The message format of the first descriptor with <paramref name="id"/>, for display only.</summary>
    public static string? MessageFormatFor(string id) =>
        SupportedDiagnostics.FirstOrDefault(d => d.Id == id)?.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The default ID for paste-ready markup, or null when the analyzer has several.</summary>
    public static string? DefaultIdOrNull
    {
        get
        {
            var ids = SupportedDiagnostics.Select(d => d.Id).Distinct(StringComparer.Ordinal).ToList();
            return ids.Count == 1 ? ids[0] : null;
        }
    }
}
