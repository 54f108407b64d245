using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatelessAnalyzers.Benchmarks;

/// <summary>
/// <c>profile [files] [runs]</c>: the quick loop for working on an analyzer's speed. Each run compiles a fresh corpus,
/// runs the package's analysis on it and prints every analyzer's driver execution time, largest first, with the
/// garbage collections of the run; the last line gives the medians. No budget, no floor, no compile-time ratio:
/// use the runner for those.
/// </summary>
internal static class Profile
{
    public static int Run(string[] args)
    {
        var files = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var workload = Workload.FromCorpus(files, seed: 1, antiPatternRate: 0.05);
        var analyzers = Package.Analyzers;
        if (args.Length > 2 && args[2].StartsWith("only=", StringComparison.Ordinal))
        {
            // One rule's analyzer alone: its time includes the compiler work it is the first to ask for.
            var rule = args[2]["only=".Length..];
            analyzers = Package.Analyzers.Where(a => Package.Rules(a).Contains(rule, StringComparison.Ordinal)).ToImmutableArray();
        }
        else if (args.Length > 2 && args[2] == "floors")
        {
            // One no-op analyzer per package analyzer, each with that analyzer's own registrations: what the
            // driver charges the package for its callbacks alone.
            var probe = workload.Compile();
            analyzers = Package.Analyzers.Select(a => (DiagnosticAnalyzer)new NoOpAnalyzer(ActionShape.Record(new[] { a }, probe))).ToImmutableArray();
        }

        var times = new List<double[]>();

        // One warm-up run on a small corpus, so that the first measured run does not pay for the JIT.
        // The warm-up's compile also reads the references' metadata, which the measured runs then share.
        var warmUp = Workload.FromCorpus(100, seed: 2, antiPatternRate: 0.05).Compile();
        warmUp.GetDiagnostics();
        Analyze(warmUp, analyzers);
        for (var run = 0; run < runs; run++)
        {
            var compilation = workload.Compile();
            compilation.GetDiagnostics();
            GC.Collect();
            var gen0 = GC.CollectionCount(0);
            var gen2 = GC.CollectionCount(2);
            var pause = GC.GetTotalPauseDuration();
            var ms = Analyze(compilation, analyzers);
            times.Add(ms);
            Console.WriteLine(
                $"run {run + 1}: {ms.Sum():F1} ms, {GC.CollectionCount(0) - gen0} collections ({GC.CollectionCount(2) - gen2} full, {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms paused): "
                + Top(analyzers, ms));
        }

        var medians = Enumerable.Range(0, analyzers.Length)
            .Select(i => Median(times.Select(t => t[i])))
            .ToArray();
        Console.WriteLine($"median: {Median(times.Select(t => t.Sum())):F1} ms, {workload.Files} files: " + Top(analyzers, medians, analyzers.Length));
        return 0;
    }

    private static double[] Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var analysis = Measurement.Attach(compilation, analyzers);
        analysis.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return analyzers
            .Select(a => analysis.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds)
            .ToArray();
    }

    private static string Top(ImmutableArray<DiagnosticAnalyzer> analyzers, double[] ms, int count = 6) =>
        string.Join(", ", Enumerable.Range(0, ms.Length).OrderByDescending(i => ms[i]).Take(count)
            .Select(i => $"{Package.Rules(analyzers[i] is NoOpAnalyzer ? Package.Analyzers[i] : analyzers[i])} {ms[i]:F1}"));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
