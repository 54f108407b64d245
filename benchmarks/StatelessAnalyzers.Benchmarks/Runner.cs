using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatelessAnalyzers.Benchmarks;

/// <summary>
/// Measures every workload several times, prints the ratios of docs/performance.md as Markdown tables and checks the
/// budget. Every budget is a ratio between quantities measured in the same run, never an absolute time.
/// </summary>
internal static class Runner
{
    /// <summary>The budget of docs/performance.md.</summary>
    public const double MaxShareOfCompile = 0.01;
    public const double MaxTimesFloor = 3.0;
    public const double MaxGrowthExponent = 1.1;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static int Run(RunnerOptions options)
    {
        var workloads = new List<(Workload Workload, bool Corpus)>();
        foreach (var size in options.Sizes)
            workloads.Add((Workload.FromCorpus(size, options.Seed, options.Rate), true));
        if (options.Sample)
            workloads.Add((Workload.FromProject(Path.Combine(RepositoryRoot(), "samples", "StatefulShop")), false));

        // The floor mirrors what the package registers on a corpus where every rule has something to find.
        var probe = Workload.FromCorpus(200, options.Seed, antiPatternRate: 1.0).Compile();
        var shape = ActionShape.Record(Package.Analyzers, probe);
        var floor = new NoOpAnalyzer(shape);

        Console.WriteLine($"StatelessAnalyzers benchmark: {Package.Analyzers.Length} analyzer hosting {Package.Rules.Length} rules, .NET {Environment.Version}, {Environment.ProcessorCount} cores, commit {Commit()}");
        Console.WriteLine($"Corpus seed {options.Seed}, anti-pattern rate {options.Rate.ToString(Invariant)}, {options.Runs} runs per workload (medians), one thread.");
        Console.WriteLine("Compile = parse + bind (GetDiagnostics). Rules ms = the analyzer driver's execution time of the package's analyzers.");
        Console.WriteLine("Adds = compiling with the analyzers attached minus compiling without. See docs/performance.md.");
        Console.WriteLine("No-op floor registers: " + string.Join("; ", shape.Describe()));
        Console.WriteLine();

        // Warm-up: JIT the compiler, the driver and the analyzers before anything is measured.
        var warmUp = Workload.FromCorpus(100, options.Seed + 1, options.Rate);
        for (var i = 0; i < 2; i++)
            Measurement.Run(warmUp, floor, options.Analyzers);

        var summaries = new List<Summary>();
        foreach (var (workload, corpus) in workloads)
        {
            var runs = new List<RunResult>();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < options.Runs; i++)
                runs.Add(Measurement.Run(workload, floor, options.Analyzers));
            var summary = new Summary(workload, corpus, runs);
            summaries.Add(summary);
            Console.Error.WriteLine($"  measured {workload.Name} ({workload.Files} files, {workload.Lines} lines) in {clock.Elapsed.TotalSeconds:F0} s");
            Console.Error.WriteLine(MainTable(new[] { summary }));
            if (corpus && summary.CompilerErrors > 0)
                Console.Error.WriteLine($"  warning: the {workload.Name}-file corpus has {summary.CompilerErrors} compiler errors");
        }

        Console.WriteLine(MainTable(summaries));
        var corpora = summaries.Where(s => s.Corpus).ToList();
        if (corpora.Count > 1)
            Console.WriteLine(GrowthTable(corpora));
        Console.WriteLine(FamilyTable(summaries, options.Analyzers));
        Console.WriteLine(RuleTable(summaries));

        var failures = CheckBudget(corpora);
        return options.Check && failures > 0 ? 1 : 0;
    }

    private static string MainTable(IReadOnlyList<Summary> summaries)
    {
        var table = new Table(
            "Workload", "Files", "Lines", "Compile ms", "Compile CPU ms", "Compile+emit CPU ms", "Floor adds CPU ms",
            "Package adds CPU ms", "Rules ms", "Rules / compile", "Floor ms", "Floor / compile", "Package / floor", "Rules ms per 1k lines", "Package adds MB (floor)", "Findings");
        foreach (var s in summaries)
        {
            table.Add(
                Title(s),
                s.Workload.Files.ToString(Invariant),
                s.Workload.Lines.ToString("N0", Invariant),
                Ms(s.CompileMs),
                Ms(s.CompileCpuMs),
                double.IsNaN(s.EmitCpuMs) ? "n/a" : Ms(s.EmitCpuMs),
                Ms(s.FloorAddedCpuMs),
                Ms(s.PackageAddedCpuMs),
                Ms(s.PackageMs),
                Percent(s.ShareOfCompile),
                Ms(s.FloorMs),
                Percent(s.FloorShareOfCompile),
                Times(s.TimesFloor),
                s.PackageMsPerThousandLines.ToString("F2", Invariant),
                $"{Mb(s.PackageAddedBytes)} ({Mb(s.FloorAddedBytes)})",
                s.Findings.ToString(Invariant));
        }

        return table.ToString();
    }

    private static string GrowthTable(IReadOnlyList<Summary> corpora)
    {
        var table = new Table("Growth", "Lines ×", "Rules ms ×", "Rules exponent", "Compile exponent");
        for (var i = 1; i < corpora.Count; i++)
        {
            var (small, large) = (corpora[i - 1], corpora[i]);
            table.Add(
                $"{small.Workload.Name} → {large.Workload.Name} files",
                ((double)large.Workload.Lines / small.Workload.Lines).ToString("F1", Invariant),
                (large.PackageMs / small.PackageMs).ToString("F1", Invariant),
                Growth(small, large, s => s.PackageMs).ToString("F2", Invariant),
                Growth(small, large, s => s.CompileMs).ToString("F2", Invariant));
        }

        return table.ToString();
    }

    private static string FamilyTable(IReadOnlyList<Summary> summaries, bool alone)
    {
        var builder = new StringBuilder();
        var table = new Table(new[] { "Family" }.Concat(summaries.Select(s => Title(s) + " ms (% of compile)")).ToArray());
        foreach (var family in Package.Families)
        {
            table.Add(new[] { family }.Concat(summaries.Select(s =>
            {
                var ms = s.FamilyMs(family);
                return $"{Ms(ms)} ({Percent(ms / s.CompileMs)})";
            })).ToArray());
        }

        builder.AppendLine("Time in each family's rules (a host with a rule timer, as in the rule table):").AppendLine().Append(table);
        if (!alone)
            return builder.ToString();
        var familiesAlone = new Table(new[] { "Family alone" }.Concat(summaries.Select(s => Title(s) + " adds CPU ms / MB")).ToArray());
        foreach (var family in Package.Families)
        {
            familiesAlone.Add(new[] { family }.Concat(summaries.Select(s =>
            {
                var (ms, bytes) = s.FamilyAlone(family);
                return $"{Ms(ms)} / {Mb(bytes)}";
            })).ToArray());
        }

        builder.AppendLine().AppendLine("Each family attached alone (processor time and allocations it adds to the compile):").AppendLine().Append(familiesAlone);
        return builder.ToString();
    }

    private static string RuleTable(IReadOnlyList<Summary> summaries)
    {
        var table = new Table(new[] { "Rule class", "Rules" }.Concat(summaries.Select(s => Title(s) + " ms")).ToArray());
        foreach (var rule in Package.Rules.OrderByDescending(r => summaries.Max(s => s.RuleMs(r))))
        {
            table.Add(new[] { rule.GetType().Name, Package.Ids(rule) }
                .Concat(summaries.Select(s => Ms(s.RuleMs(rule)))).ToArray());
        }

        return "Time in each rule's actions (a host with a rule timer, same compilation; actions registered inside symbol-start actions count for the host only):"
            + Environment.NewLine + Environment.NewLine + table;
    }

    /// <summary>Prints one line per budget and returns how many were exceeded.</summary>
    private static int CheckBudget(IReadOnlyList<Summary> corpora)
    {
        if (corpora.Count == 0)
        {
            Console.WriteLine("Budget: no corpus size was measured, nothing to check.");
            return 0;
        }

        var failures = 0;
        void Line(bool ok, string text)
        {
            if (!ok)
                failures++;
            Console.WriteLine($"{(ok ? "PASS" : "FAIL")}  {text}");
        }

        // The budget is stated for the 5,000-file size; a shorter --sizes list is checked at its largest size.
        var target = corpora.FirstOrDefault(s => s.Workload.Files == 5000) ?? corpora[^1];
        Console.WriteLine($"Budget (checked on the {target.Workload.Name}-file corpus and between consecutive sizes):");
        Line(target.ShareOfCompile <= MaxShareOfCompile,
            $"all rules together take {Percent(target.ShareOfCompile)} of the compile time (budget {Percent(MaxShareOfCompile)})");
        Line(target.TimesFloor <= MaxTimesFloor,
            $"the package adds {Times(target.TimesFloor)} what the no-op floor adds to the compile (budget {Times(MaxTimesFloor)})");
        for (var i = 1; i < corpora.Count; i++)
        {
            var exponent = Growth(corpora[i - 1], corpora[i], s => s.PackageMs);
            Line(exponent <= MaxGrowthExponent,
                $"the rules' time grows with exponent {exponent.ToString("F2", Invariant)} from {corpora[i - 1].Workload.Name} to {corpora[i].Workload.Name} files (budget {MaxGrowthExponent.ToString("F1", Invariant)})");
        }

        Console.WriteLine(
            $"(for reference: the no-op floor, one analyzer registering what the host registers, takes {Percent(target.FloorShareOfCompile)} of the compile time: the driver's dispatch alone)");
        Console.WriteLine(failures == 0 ? "Within budget." : $"{failures} budget(s) exceeded.");
        return failures;
    }

    private static double Growth(Summary small, Summary large, Func<Summary, double> time) =>
        Statistics.GrowthExponent(time(small), small.Workload.Lines, time(large), large.Workload.Lines);

    private static string Title(Summary s) => s.Corpus ? s.Workload.Name + " files" : s.Workload.Name;

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "F2" : ms < 100 ? "F1" : "N0", Invariant);

    private static string Mb(double bytes) => (bytes / (1024 * 1024)).ToString("F1", Invariant);

    private static string Percent(double ratio) => (ratio * 100).ToString("F2", Invariant) + "%";

    private static string Times(double ratio) => ratio.ToString("F2", Invariant) + "×";

    /// <summary>The folder holding StatelessAnalyzers.sln, searched upwards from the program and the current folder.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "StatelessAnalyzers.sln")))
                    return folder.FullName;
            }
        }

        throw new InvalidOperationException("StatelessAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }

    private static string Commit()
    {
        try
        {
            var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD")
            {
                WorkingDirectory = RepositoryRoot(),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (git is null)
                return "unknown";
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? commit : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    /// <summary>The medians of several runs on one workload; ratios are taken within each run, then their median.</summary>
    private sealed class Summary(Workload workload, bool corpus, IReadOnlyList<RunResult> runs)
    {
        public Workload Workload { get; } = workload;

        public bool Corpus { get; } = corpus;

        public double CompileMs { get; } = Statistics.Median(runs.Select(r => r.Compile.WallMs));

        public double CompileCpuMs { get; } = Statistics.Median(runs.Select(r => r.Compile.CpuMs));

        public double EmitCpuMs { get; } = runs.All(r => r.Emitted) ? Statistics.Median(runs.Select(r => r.Emit.CpuMs)) : double.NaN;

        public double FloorAddedCpuMs { get; } = Statistics.Median(runs.Select(r => r.FloorAdded.CpuMs));

        public double PackageAddedCpuMs { get; } = Statistics.Median(runs.Select(r => r.PackageAdded.CpuMs));

        /// <summary>All rules together: the driver's execution time of the package's analyzers.</summary>
        public double PackageMs { get; } = Statistics.Median(runs.Select(r => r.PackageMs));

        /// <summary>All rules together over the compile's wall time, in the same run: both are wall clock.</summary>
        public double ShareOfCompile { get; } = Statistics.Median(runs.Select(r => r.PackageMs / r.Compile.WallMs));

        /// <summary>The no-op floor's driver execution time, measured like <see cref="PackageMs"/>.</summary>
        public double FloorMs { get; } = Statistics.Median(runs.Select(r => r.FloorMs));

        /// <summary>The floor's driver execution time over the compile's wall time, in the same run.</summary>
        public double FloorShareOfCompile { get; } = Statistics.Median(runs.Select(r => r.FloorMs / r.Compile.WallMs));

        /// <summary>What the package adds to the compile over what the no-op floor adds, in processor time, in the same run.</summary>
        public double TimesFloor { get; } = Statistics.Median(runs.Select(r => r.PackageAdded.CpuMs / r.FloorAdded.CpuMs));

        public double PackageMsPerThousandLines => PackageMs / (Workload.Lines / 1000.0);

        public double PackageAddedBytes { get; } = Statistics.Median(runs.Select(r => (double)r.PackageAdded.Bytes));

        public double FloorAddedBytes { get; } = Statistics.Median(runs.Select(r => (double)r.FloorAdded.Bytes));

        public int Findings { get; } = runs[0].Findings;

        public int CompilerErrors { get; } = runs[0].CompilerErrors;

        public double RuleMs(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer rule) =>
            Statistics.Median(runs.Select(r => r.RuleMs[rule]));

        public double FamilyMs(string family) =>
            Statistics.Median(runs.Select(r => r.RuleMs.Where(p => Package.Family(p.Key) == family).Sum(p => p.Value)));

        public (double CpuMs, double Bytes) FamilyAlone(string family) => (
            Statistics.Median(runs.Select(r => r.FamilyAdded[family].CpuMs)),
            Statistics.Median(runs.Select(r => (double)r.FamilyAdded[family].Bytes)));
    }
}

/// <summary>A Markdown table with aligned columns.</summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> rows = new();

    public void Add(params string[] cells) => rows.Add(cells);

    public override string ToString()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var builder = new StringBuilder();
        void Row(IReadOnlyList<string> cells, bool numeric)
        {
            builder.Append('|');
            for (var i = 0; i < cells.Count; i++)
                builder.Append(' ').Append(numeric && i > 0 ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i])).Append(" |");
            builder.AppendLine();
        }

        Row(headers, numeric: false);
        builder.Append('|');
        for (var i = 0; i < widths.Length; i++)
            builder.Append(i == 0 ? " :" : " ").Append('-', widths[i] - (i == 0 ? 1 : 1)).Append(i == 0 ? " |" : ": |");
        builder.AppendLine();
        foreach (var row in rows)
            Row(row, numeric: true);
        return builder.ToString();
    }
}
