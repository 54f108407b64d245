using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatelessAnalyzers.Benchmarks;

/// <summary>What one step cost: wall time and processor time in milliseconds, bytes allocated on every thread.</summary>
internal readonly record struct Cost(double WallMs, double CpuMs, long Bytes)
{
    public static Cost operator -(Cost a, Cost b) => new(a.WallMs - b.WallMs, a.CpuMs - b.CpuMs, a.Bytes - b.Bytes);
}

/// <summary>What one run measured on one workload.</summary>
internal sealed class RunResult
{
    /// <summary>Parse + bind: parsing every file, creating the compilation and <c>GetDiagnostics()</c>, no analyzer.</summary>
    public Cost Compile { get; set; }

    /// <summary>Parse + bind + emit: the same plus emitting the assembly and its PDB to memory, what a build pays.</summary>
    public Cost Emit { get; set; }

    /// <summary>Whether the emit succeeded; with compiler errors it stops early and its cost means nothing.</summary>
    public bool Emitted { get; set; }

    /// <summary>Compiling with the floor attached (compiler and analyzer diagnostics), minus <see cref="Compile"/>.</summary>
    public Cost FloorAdded { get; set; }

    /// <summary>Compiling with the package attached (compiler and analyzer diagnostics), minus <see cref="Compile"/>.</summary>
    public Cost PackageAdded { get; set; }

    /// <summary>The analyzer driver's execution time of each package analyzer: its own callbacks, wall clock.</summary>
    public Dictionary<DiagnosticAnalyzer, double> AnalyzerMs { get; } = new();

    /// <summary>
    /// The analyzer driver's execution time of the no-op floor, measured like <see cref="AnalyzerMs"/> right after it:
    /// what the driver charges to an analyzer that does nothing in the same callbacks.
    /// </summary>
    public double FloorMs { get; set; }

    /// <summary>
    /// Each rule's share of the host's time (keyed by the rules of <see cref="Package.Rules"/>), from a second host with
    /// a <see cref="StatelessAnalyzers.Hosting.RuleTimer"/>: the timer's own stopwatches make that host slower, so the
    /// budget uses <see cref="AnalyzerMs"/> of the untimed one.
    /// </summary>
    public Dictionary<DiagnosticAnalyzer, double> RuleMs { get; } = new();

    /// <summary>With --analyzers: what each family alone adds to the compile.</summary>
    public Dictionary<string, Cost> FamilyAdded { get; } = new();

    public int Findings { get; set; }

    public int CompilerErrors { get; set; }

    /// <summary>All rules together: the sum of <see cref="AnalyzerMs"/> (the package ships one analyzer, the host).</summary>
    public double PackageMs => AnalyzerMs.Values.Sum();
}

/// <summary>Runs the measured steps on a workload, one step at a time, on one thread.</summary>
internal static class Measurement
{
    /// <summary>
    /// One run, each step on a fresh compilation of freshly parsed files: compile; compile with the floor; compile with
    /// the package; the package's analysis of the first step's compilation for its telemetry (the driver logs execution
    /// times only there), then the floor's and the timed host's on the same compilation; compile and emit; with
    /// <paramref name="families"/>, compile with each family alone.
    /// </summary>
    public static RunResult Run(Workload workload, NoOpAnalyzer floor, bool families)
    {
        var result = new RunResult();

        var (compilation, compile) = Measure(() =>
        {
            var c = workload.Compile();
            result.CompilerErrors = c.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            return c;
        });
        result.Compile = compile;

        result.FloorAdded = Measure(() => CompileWith(workload, ImmutableArray.Create<DiagnosticAnalyzer>(floor))).Cost - compile;
        var (findings, packageCost) = Measure(() => CompileWith(workload, Package.Analyzers));
        result.PackageAdded = packageCost - compile;
        result.Findings = findings;

        var analysis = Attach(compilation, Package.Analyzers);
        ThrowOnAnalyzerFailure(analysis.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult());
        foreach (var analyzer in Package.Analyzers)
        {
            var telemetry = analysis.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
            result.AnalyzerMs[analyzer] = telemetry.ExecutionTime.TotalMilliseconds;
        }

        // The floor second, on the same compilation: any cache the first analysis warmed favours the floor, so its
        // share is a lower bound of what the driver charges for the callbacks alone.
        var floorAnalysis = Attach(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(floor));
        ThrowOnAnalyzerFailure(floorAnalysis.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult());
        result.FloorMs = floorAnalysis.GetAnalyzerTelemetryInfoAsync(floor, CancellationToken.None).GetAwaiter().GetResult()
            .ExecutionTime.TotalMilliseconds;

        // Each rule's share third, from a host with a rule timer, on the same compilation.
        var (timedHost, timer) = Package.TimedHost();
        var timedAnalysis = Attach(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(timedHost));
        ThrowOnAnalyzerFailure(timedAnalysis.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult());
        for (var i = 0; i < Package.Rules.Length; i++)
            result.RuleMs[Package.Rules[i]] = timer.Elapsed(i).TotalMilliseconds;

        (result.Emitted, result.Emit) = Measure(() =>
        {
            using var peStream = new MemoryStream();
            using var pdbStream = new MemoryStream();
            return workload.Compile().Emit(peStream, pdbStream).Success;
        });

        if (families)
        {
            foreach (var family in Package.Families)
                result.FamilyAdded[family] = Measure(() => CompileWith(workload, Package.OfFamily(family))).Cost - compile;
        }

        return result;
    }

    /// <summary>
    /// Compiles the workload with <paramref name="analyzers"/> attached, as a build does: compiler and analyzer
    /// diagnostics of one compilation, whose events feed the analyzers. Returns the number of SL findings.
    /// </summary>
    public static int CompileWith(Workload workload, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var diagnostics = Attach(workload.Compile(), analyzers).GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        ThrowOnAnalyzerFailure(diagnostics);
        return diagnostics.Count(d => d.Id.StartsWith("SL", StringComparison.Ordinal));
    }

    /// <summary>Attaches <paramref name="analyzers"/> to <paramref name="compilation"/>: one thread, execution times logged, an analyzer exception stops the benchmark.</summary>
    public static CompilationWithAnalyzers Attach(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, _) =>
                    throw new InvalidOperationException($"{analyzer.GetType().Name} threw: {exception}"),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true));

    private static void ThrowOnAnalyzerFailure(ImmutableArray<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == "AD0001")
                throw new InvalidOperationException(diagnostic.ToString());
        }
    }

    /// <summary>
    /// Runs <paramref name="step"/> after a full garbage collection and measures its wall time, the process's processor
    /// time (robust when other processes compete for the cores) and what it allocated on every thread.
    /// </summary>
    private static (T Result, Cost Cost) Measure<T>(Func<T> step)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var result = step();
        stopwatch.Stop();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        return (result, new Cost(stopwatch.Elapsed.TotalMilliseconds, cpu.TotalMilliseconds, bytes));
    }
}

internal static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The exponent k of time ∝ lines^k between two sizes: 1 is linear growth, 2 quadratic.</summary>
    public static double GrowthExponent(double smallTime, int smallLines, double largeTime, int largeLines) =>
        Math.Log(largeTime / smallTime) / Math.Log((double)largeLines / smallLines);
}
