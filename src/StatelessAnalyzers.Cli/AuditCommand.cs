using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Spectre.Console;

namespace StatelessAnalyzers.Cli;

/// <summary>Loads the solution, runs the rules, and prints, writes or fixes what they find.</summary>
internal static class AuditCommand
{
    public static int Run(AuditOptions options, TextWriter output, TextWriter error) =>
        RunAsync(options, output, error, CancellationToken.None).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(AuditOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (target, resolveError) = InputResolver.Resolve(options.Path);
        if (target is null)
        {
            error.WriteLine("stateless-audit: error: " + resolveError);
            return ExitCodes.UsageOrLoadError;
        }

        if (options.Interactive)
        {
            var console = ConsoleFactory.Create(error, interactive: true);
            var live = new LiveProgress(console);
            // The live status ends before the summary is printed.
            var finish = await live.RunAsync($"Loading {Path.GetFileName(target)}…", () => RunCoreAsync(options, target, live, output, error, cancellationToken))
                .ConfigureAwait(false);
            return finish();
        }
        var report = await RunCoreAsync(options, target, new PlainProgress(error), output, error, cancellationToken).ConfigureAwait(false);
        return report();
    }

    /// <summary>Loads and analyses (or fixes); returns what prints the outcome and gives the exit code.</summary>
    private static async Task<Func<int>> RunCoreAsync(
        AuditOptions options, string target, IProgressSink progress, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (options.Fix && options.Apply && !options.Force && FixCommand.CheckCleanTree(Path.GetDirectoryName(target)!, error) is { } refused)
            return () => refused;

        var stopwatch = Stopwatch.StartNew();
        progress.Stage($"Loading {Path.GetFileName(target)}…");
        LoadResult loaded;
        try
        {
            loaded = await SolutionLoader.LoadAsync(target, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Xml.XmlException or ArgumentException)
        {
            error.WriteLine($"stateless-audit: error: cannot load '{options.Path}': {ex.Message}");
            return () => ExitCodes.UsageOrLoadError;
        }

        using var workspace = loaded.Workspace;
        var solution = ProjectAnalyzer.WithoutPackageAnalyzers(loaded.Solution);
        var projects = AuditedProjects(solution, target)
            // A project that failed to load stays in the solution, empty: nothing to audit there.
            .Where(p => p.Language == LanguageNames.CSharp && p.DocumentIds.Count > 0)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        var root = Path.GetDirectoryName(target)!;
        var loadErrors = loaded.Errors.ToList();
        // MSBuildWorkspace also loads the projects that only run as analyzers; their warnings are noise here.
        var skipped = solution.Projects.Where(p => p.FilePath is not null && !projects.Contains(p)).Select(p => p.FilePath!).ToList();
        var warnings = loaded.Warnings.Where(w => !skipped.Any(path => w.Contains(path, StringComparison.Ordinal))).ToList();

        if (projects.Count == 0)
        {
            foreach (var message in loadErrors)
                error.WriteLine("stateless-audit: error: " + message);
            error.WriteLine($"stateless-audit: error: no C# project could be loaded from '{options.Path}'.");
            return () => ExitCodes.UsageOrLoadError;
        }

        if (options.Fix)
        {
            var fixes = new FixCommand(options, root, output, error, progress);
            var printFixes = await fixes.RunAsync(solution, projects.Select(p => p.Id).ToList(), cancellationToken).ConfigureAwait(false);
            return () =>
            {
                var fixExit = printFixes();
                foreach (var message in loadErrors)
                    error.WriteLine("stateless-audit: error: " + message);
                return loadErrors.Count > 0 ? ExitCodes.UsageOrLoadError : fixExit;
            };
        }

        progress.Stage($"Analysing {Readiness.Plural(projects.Count, "project")}…");
        var findings = new List<Finding>();
        var seen = new HashSet<(string, string, int, int, int, int, string)>();
        for (var i = 0; i < projects.Count; i++)
        {
            var project = projects[i];
            var projectWatch = Stopwatch.StartNew();
            var analysis = await ProjectAnalyzer.AnalyzeAsync(project, options.All, onlyRules: null, cancellationToken).ConfigureAwait(false);
            var before = findings.Count;
            foreach (var diagnostic in analysis.Diagnostics)
            {
                var finding = await ProjectAnalyzer.ToFindingAsync(diagnostic, project, root, cancellationToken).ConfigureAwait(false);
                // A multi-targeted project is loaded once per framework: one finding per place.
                if (finding is not null && seen.Add((finding.RuleId, finding.FilePath, finding.StartLine, finding.StartColumn, finding.EndLine, finding.EndColumn, finding.Message)))
                    findings.Add(finding);
            }
            if (analysis.Unrestored)
                warnings.Add($"{project.Name}: the project is not restored (no obj/project.assets.json), so its package references are missing and findings may be incomplete; run 'dotnet restore' first.");
            foreach (var exception in analysis.AnalyzerExceptions)
                warnings.Add($"{project.Name}: analyzer failure: {exception}");
            progress.Analysed(project.Name, i + 1, projects.Count, findings.Count - before, projectWatch.Elapsed);
        }

        var result = new AuditResult
        {
            Target = target,
            Root = root,
            Projects = projects.Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList(),
            Findings = findings
                .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
                .ThenBy(f => f.StartLine)
                .ThenBy(f => f.StartColumn)
                .ThenBy(f => f.RuleId, StringComparer.Ordinal)
                .ToList(),
            LoadErrors = loadErrors,
            Warnings = warnings.Distinct(StringComparer.Ordinal).ToList(),
            AllRulesAsWarnings = options.All,
            Duration = stopwatch.Elapsed,
        };

        return () =>
        {
            ConsoleReport.Write(result, ConsoleFactory.Create(output, options.Interactive), options.Top);

            foreach (var (format, path) in options.Reports)
            {
                try
                {
                    ReportWriter.Write(result, format, path);
                    output.WriteLine($"Wrote the {format.ToUpperInvariant()} report to {path}");
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"stateless-audit: error: cannot write '{path}': {ex.Message}");
                    return ExitCodes.UsageOrLoadError;
                }
            }

            foreach (var message in loadErrors)
                error.WriteLine("stateless-audit: error: " + message);
            if (loadErrors.Count > 0)
                return ExitCodes.UsageOrLoadError;
            return options.FailOn is { } failOn && result.Findings.Any(f => f.Severity >= failOn)
                ? ExitCodes.Findings
                : ExitCodes.Clean;
        };
    }

    /// <summary>
    /// A solution's projects; for a project file, that project and the projects it references (not
    /// the analyzer projects it only runs, which MSBuildWorkspace loads too).
    /// </summary>
    private static IEnumerable<Project> AuditedProjects(Solution solution, string target)
    {
        if (InputResolver.IsSolution(target))
            return solution.Projects;
        var roots = solution.Projects.Where(p => string.Equals(p.FilePath, target, StringComparison.Ordinal)).ToList();
        if (roots.Count == 0)
            return solution.Projects;
        var included = new HashSet<ProjectId>();
        var pending = new Stack<Project>(roots);
        while (pending.Count > 0)
        {
            var project = pending.Pop();
            if (!included.Add(project.Id))
                continue;
            foreach (var reference in project.ProjectReferences)
            {
                if (solution.GetProject(reference.ProjectId) is { } referenced)
                    pending.Push(referenced);
            }
        }
        return solution.Projects.Where(p => included.Contains(p.Id));
    }
}

/// <summary>Spectre.Console consoles over a writer: colour and live display only on a terminal.</summary>
internal static class ConsoleFactory
{
    public static IAnsiConsole Create(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(interactive ? writer : new TrimmingWriter(writer)),
        });
        if (!interactive)
            console.Profile.Width = 1000; // a log line is never wrapped

        return console;
    }
}

/// <summary>
/// Passes text on line by line without trailing spaces, and drops the lines of spaces that pad tables:
/// redirected output is for logs and files, not for a terminal's grid.
/// </summary>
internal sealed class TrimmingWriter(TextWriter inner) : TextWriter
{
    private readonly System.Text.StringBuilder line = new();

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\r')
            return;
        if (value != '\n')
        {
            line.Append(value);
            return;
        }
        var text = line.ToString();
        line.Clear();
        if (text.Length > 0 && string.IsNullOrWhiteSpace(text))
            return;
        inner.Write(text.TrimEnd());
        inner.Write('\n');
    }

    public override void Flush()
    {
        if (line.Length > 0 && !string.IsNullOrWhiteSpace(line.ToString()))
            inner.Write(line.ToString().TrimEnd());
        line.Clear();
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            Flush();
        base.Dispose(disposing);
    }
}
