using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StatelessAnalyzers.Hosting;

namespace StatelessAnalyzers.Benchmarks;

/// <summary>
/// <c>profile [files] [runs] [rules | only=SLxxxx]</c>: the quick loop for working on the package's speed. Each run
/// compiles a fresh corpus, runs the package's analysis on it and prints the host's driver execution time with the
/// garbage collections of the run; the last line gives the median. <c>rules</c> attaches a rule timer and adds each
/// rule's share (the timer's stopwatches add to the total); <c>only=SLxxxx</c> runs the host with that rule alone.
/// No budget, no floor, no compile-time ratio: use the runner for those.
/// </summary>
internal static class Profile
{
    public static int Run(string[] args)
    {
        var files = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var mode = args.Length > 2 ? args[2] : string.Empty;
        var workload = Workload.FromCorpus(files, seed: 1, antiPatternRate: 0.05);

        var totals = new List<double>();
        var perRule = new List<(double[] Ms, double[] MB, double[] Collections)>();

        // One warm-up run on a small corpus, so that the first measured run does not pay for the JIT.
        // The warm-up's compile also reads the references' metadata, which the measured runs then share.
        var warmUp = Workload.FromCorpus(100, seed: 2, antiPatternRate: 0.05).Compile();
        warmUp.GetDiagnostics();
        Analyze(warmUp, mode);
        var compiles = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var compilation = workload.Compile();
            compilation.GetDiagnostics();
            compiles.Add(clock.Elapsed.TotalMilliseconds);
            GC.Collect();
            var gen0 = GC.CollectionCount(0);
            var gen2 = GC.CollectionCount(2);
            var pause = GC.GetTotalPauseDuration();
            var (total, rules) = Analyze(compilation, mode);
            totals.Add(total);
            if (rules is not null)
                perRule.Add(rules.Value);
            Console.WriteLine(
                $"run {run + 1}: {total:F1} ms ({100 * total / compiles[^1]:F2}% of the {compiles[^1]:F0} ms compile), {GC.CollectionCount(0) - gen0} collections ({GC.CollectionCount(2) - gen2} full, {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms paused)"
                + (rules is null ? string.Empty : ": " + Top(rules.Value.Ms) + CollectionsInside(rules.Value.Collections)));
        }

        // The lowest run is the one no garbage collection landed in: the steadiest figure for comparing two versions.
        var shares = totals.Select((t, i) => t / compiles[i]).ToList();
        var line = $"median: {Median(totals):F1} ms ({100 * Median(shares):F2}% of the compile), lowest: {totals.Min():F1} ms ({100 * shares.Min():F2}%), {workload.Files} files";
        Console.WriteLine(line);
        if (perRule.Count > 0)
        {
            // Each rule's medians: time, allocations and the collections that started inside its actions.
            Console.WriteLine("rule      ms      MB  collections");
            var count = Package.Rules.Length;
            var ms = Enumerable.Range(0, count).Select(i => Median(perRule.Select(r => r.Ms[i]))).ToArray();
            foreach (var i in Enumerable.Range(0, count).OrderByDescending(i => ms[i]))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Package.Ids(Package.Rules[i]),-7} {ms[i],6:F1} {Median(perRule.Select(r => r.MB[i])),7:F1} {Median(perRule.Select(r => r.Collections[i])),12:F1}"));
            }
        }
        return 0;
    }

    /// <summary>The host's driver execution time, and each rule's share when <paramref name="mode"/> is <c>rules</c>.</summary>
    private static (double Total, (double[] Ms, double[] MB, double[] Collections)? Rules) Analyze(Compilation compilation, string mode)
    {
        StatelessAnalyzer host;
        RuleTimer? timer = null;
        if (mode == "rules")
            (host, timer) = Package.TimedHost();
        else if (mode.StartsWith("only=", StringComparison.Ordinal))
            host = Package.Host(StatelessAnalyzer.CreateRules().Where(r => Package.Ids(r).Contains(mode["only=".Length..], StringComparison.Ordinal)));
        else
            host = Package.Host(StatelessAnalyzer.CreateRules());

        var analysis = Measurement.Attach(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(host));
        analysis.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        var total = analysis.GetAnalyzerTelemetryInfoAsync(host, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
        if (timer is null)
            return (total, null);
        var rules = Enumerable.Range(0, host.Rules.Length);
        return (total, (
            rules.Select(i => timer.Elapsed(i).TotalMilliseconds).ToArray(),
            rules.Select(i => timer.Allocated(i) / 1048576.0).ToArray(),
            rules.Select(i => (double)timer.Collections(i)).ToArray()));
    }

    /// <summary>The rules a garbage collection started inside in this run (its pause is in their time), if any.</summary>
    private static string CollectionsInside(double[] collections)
    {
        var inside = Enumerable.Range(0, collections.Length).Where(i => collections[i] > 0).ToList();
        return inside.Count == 0
            ? string.Empty
            : "; collections inside " + string.Join(", ", inside.Select(i => $"{Package.Ids(Package.Rules[i])} ({collections[i]:F0})"));
    }

    private static string Top(double[] ms, int count = 6) =>
        string.Join(", ", Enumerable.Range(0, ms.Length).OrderByDescending(i => ms[i]).Take(count)
            .Select(i => $"{Package.Ids(Package.Rules[i])} {ms[i]:F1}"));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
