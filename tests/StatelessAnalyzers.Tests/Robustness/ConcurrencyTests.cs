using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StatelessAnalyzers.Corpus;
using StatelessAnalyzers.Tests.Catalog;
using Xunit.Abstractions;

namespace StatelessAnalyzers.Tests.Robustness;

/// <summary>
/// One large generated compilation that mixes every rule's shapes, analysed many times with concurrent
/// execution on: the diagnostics are the same every time, and the same as a sequential run. Cancelling
/// mid-analysis stops promptly with nothing but <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Runs = 3;

    private static readonly Lazy<IReadOnlyList<CorpusFile>> LargeCorpus = new(() =>
        CorpusGenerator.Generate(new CorpusOptions { Seed = 20261202, FileCount = 300, AntiPatternRate = 0.5 }));

    // Parsed and bound once; every run takes a clone, which shares syntax trees but not semantic caches.
    private static readonly Lazy<Compilation> LargeCompilation = new(() => Compile(LargeCorpus.Value));

    private readonly ITestOutputHelper _output;

    public ConcurrencyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task ConcurrentAnalysis_GivesTheSameDiagnosticsEveryTime()
    {
        var files = LargeCorpus.Value;
        var compilation = LargeCompilation.Value;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var sequential = await AnalyzeAsync(compilation.Clone(), concurrent: false, CancellationToken.None);
        // Every rule of the package is found, so the comparison covers all of them.
        var rules = RuleCatalog.Descriptors.Select(d => d.Id).Where(id => id != "SL9001").Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(rules, sequential.Select(line => line.Split('|')[0]).Distinct().Order(StringComparer.Ordinal));

        // Fresh clones share syntax but not semantic caches, so every run binds again and races anew.
        var runs = await Task.WhenAll(Enumerable.Range(0, Runs).Select(_ =>
            Task.Run(() => AnalyzeAsync(compilation.Clone(), concurrent: true, CancellationToken.None))));

        for (var run = 0; run < runs.Length; run++)
            Assert.True(sequential.SequenceEqual(runs[run]), $"Run {run + 1} differs from the sequential run:{Environment.NewLine}{Difference(sequential, runs[run])}");

        _output.WriteLine($"{files.Count} files, {files.Sum(f => f.LineCount)} lines, {sequential.Count} diagnostics, identical in {Runs} concurrent runs and one sequential run.");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    [InlineData(2000)]
    public async Task Cancellation_StopsPromptlyWithOnlyOperationCanceled(int callbacksBeforeCancel)
    {
        var compilation = LargeCompilation.Value.Clone();
        using var cancellation = new CancellationTokenSource();
        var probe = new ProgressProbe(callbacksBeforeCancel, cancellation.Token);
        var exceptions = new List<Exception>();
        var options = AnalyzerRunner.CreateOptions(exceptions, concurrent: true);
        var analyzers = RuleCatalog.Analyzers.Add(probe);
        var analysis = compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellation.Token);

        var reached = await Task.WhenAny(probe.Reached, analysis);
        Assert.True(reached == probe.Reached, "The analysis finished before it could be cancelled; the corpus is too small for this test.");
        var stopwatch = Stopwatch.StartNew();
        cancellation.Cancel();

        var thrown = await Record.ExceptionAsync(() => analysis);
        stopwatch.Stop();

        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        Assert.Empty(exceptions);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"The analysis took {stopwatch.Elapsed.TotalMilliseconds:F0} ms to stop after cancellation.");
        _output.WriteLine($"Cancelled after {callbacksBeforeCancel} callbacks; stopped {stopwatch.Elapsed.TotalMilliseconds:F0} ms later.");
    }

    private static Compilation Compile(IReadOnlyList<CorpusFile> files) => AnalyzerRunner.Compile(files.Select(f => (f.Path, f.Text)));

    private static async Task<IReadOnlyList<string>> AnalyzeAsync(Compilation compilation, bool concurrent, CancellationToken cancellationToken)
    {
        var exceptions = new List<Exception>();
        var options = AnalyzerRunner.CreateOptions(exceptions, concurrent: concurrent);
        var diagnostics = await compilation.WithAnalyzers(RuleCatalog.Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Select(Describe).Order(StringComparer.Ordinal).ToList();
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var additional = string.Join(";", diagnostic.AdditionalLocations.Select(l => l.GetLineSpan().ToString()));
        return $"{diagnostic.Id}|{diagnostic.Severity}|{span.Path}|{span.StartLinePosition}-{span.EndLinePosition}|{diagnostic.GetMessage()}|{additional}";
    }

    private static string Difference(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var missing = expected.Except(actual).Take(10).Select(line => "- " + line);
        var extra = actual.Except(expected).Take(10).Select(line => "+ " + line);
        return string.Join(Environment.NewLine, missing.Concat(extra)) + $"{Environment.NewLine}({expected.Count} expected, {actual.Count} actual)";
    }

    /// <summary>
    /// Signals once the analysis has made a given number of invocation callbacks, then holds that callback until the
    /// test cancels, so the cancellation always lands mid-analysis however fast the rest of the analysis runs.
    /// </summary>
#pragma warning disable RS1036, RS1001, RS2008, RS1038, RS1041 // A test-only analyzer that reports nothing.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ProgressProbe : DiagnosticAnalyzer
    {
        private readonly int _target;
        private readonly CancellationToken _cancellation;
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public ProgressProbe(int target, CancellationToken cancellation)
        {
            _target = target;
            _cancellation = cancellation;
        }

        public Task Reached => _reached.Task;

        // Never reported; an analyzer without any supported diagnostic would not be run at all.
        private static readonly DiagnosticDescriptor Unused = new("PROBE01", "Probe", "Probe", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Unused);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(
                _ =>
                {
                    if (Interlocked.Increment(ref _count) == _target)
                    {
                        _reached.TrySetResult();
                        _cancellation.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
                    }
                },
                OperationKind.Invocation);
        }
    }
#pragma warning restore RS1036, RS1001, RS2008, RS1038, RS1041
}
