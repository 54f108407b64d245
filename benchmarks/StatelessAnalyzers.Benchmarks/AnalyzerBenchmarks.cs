using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatelessAnalyzers.Benchmarks;

/// <summary>
/// The classic BenchmarkDotNet view of the same steps as the ratio runner, with allocations:
/// <c>dotnet run -c Release --project benchmarks/StatelessAnalyzers.Benchmarks -- bdn --filter '*'</c>.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private Workload workload = null!;
    private ImmutableArray<DiagnosticAnalyzer> analyzers;

    /// <summary>Corpus size in files.</summary>
    [Params(100, 1000)]
    public int Files { get; set; }

    /// <summary>What is attached to the compilation: nothing, the no-op floor, the whole package or one rule family.</summary>
    [ParamsSource(nameof(AnalyzerSets))]
    public string Analyzers { get; set; } = "package";

    public static IEnumerable<string> AnalyzerSets => new[] { "none", "floor", "package" }.Concat(Package.Families);

    [GlobalSetup]
    public void Setup()
    {
        workload = Workload.FromCorpus(Files, seed: 1, antiPatternRate: 0.05);
        analyzers = Analyzers switch
        {
            "none" => ImmutableArray<DiagnosticAnalyzer>.Empty,
            "floor" => ImmutableArray.Create<DiagnosticAnalyzer>(
                new NoOpAnalyzer(ActionShape.Record(Package.Analyzers, Workload.FromCorpus(200, seed: 1, antiPatternRate: 1.0).Compile()))),
            "package" => Package.Analyzers,
            _ => Package.OfFamily(Analyzers),
        };
    }

    /// <summary>Parse, bind and (with analyzers) analyse: the compiler and analyzer diagnostics of a fresh compilation.</summary>
    [Benchmark]
    public int Compile() => analyzers.IsEmpty
        ? workload.Compile().GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error)
        : Measurement.CompileWith(workload, analyzers);
}
