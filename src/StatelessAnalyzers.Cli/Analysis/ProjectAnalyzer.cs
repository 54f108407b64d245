using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace StatelessAnalyzers.Cli;

/// <summary>What one project gave: its findings, whether it looked unrestored, and the analyzer exceptions.</summary>
internal sealed record ProjectAnalysis(
    string Project,
    ImmutableArray<Diagnostic> Diagnostics,
    bool Unrestored,
    IReadOnlyList<string> AnalyzerExceptions);

/// <summary>
/// Runs the package's analyzers on a project's compilation, honouring the project's configured
/// severities (.editorconfig, .globalconfig, #pragma, [SuppressMessage]) or forcing every rule to warning.
/// </summary>
internal static class ProjectAnalyzer
{
    /// <summary>Removes the package's own analyzer references, so that nothing is reported twice.</summary>
    public static Solution WithoutPackageAnalyzers(Solution solution)
    {
        foreach (var project in solution.Projects)
        {
            foreach (var reference in project.AnalyzerReferences)
            {
                var file = reference.FullPath is null ? reference.Display : Path.GetFileName(reference.FullPath);
                if (file is not null && RuleSet.Default.AssemblyFileNames.Contains(file))
                    solution = solution.RemoveAnalyzerReference(project.Id, reference);
            }
        }
        return solution;
    }

    public static async Task<ProjectAnalysis> AnalyzeAsync(
        Project project, bool allAsWarnings, IReadOnlySet<string>? onlyRules, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
            return new ProjectAnalysis(project.Name, [], false, []);

        if (allAsWarnings)
        {
            // Tree options (.editorconfig) outrank the compilation's options: both are replaced.
            var forced = RuleSet.Default.Descriptors.Keys.ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn);
            compilation = compilation.WithOptions(compilation.Options
                .WithSyntaxTreeOptionsProvider(null)
                .WithGeneralDiagnosticOption(ReportDiagnostic.Default)
                .WithSpecificDiagnosticOptions(forced));
        }

        var analyzers = RuleSet.Default.Analyzers;
        if (onlyRules is { Count: > 0 })
            analyzers = analyzers.Where(a => a.SupportedDiagnostics.Any(d => onlyRules.Contains(d.Id))).ToImmutableArray();
        if (analyzers.IsEmpty)
            return new ProjectAnalysis(project.Name, [], false, []);

        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            (exception, analyzer, diagnostic) =>
            {
                lock (exceptions)
                    exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}");
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var unrestored = IsUnrestored(project);

        var kept = diagnostics
            .Where(d => RuleSet.Default.Descriptors.ContainsKey(d.Id)
                && d.Severity != DiagnosticSeverity.Hidden
                && !d.IsSuppressed
                && (onlyRules is not { Count: > 0 } || onlyRules.Contains(d.Id)))
            .ToImmutableArray();
        return new ProjectAnalysis(project.Name, kept, unrestored, exceptions);
    }

    /// <summary>
    /// An SDK-style project with no <c>obj/project.assets.json</c> was never restored: its compilation
    /// lacks its packages (and, on a fresh clone, even the framework), so rules that look for them find nothing.
    /// </summary>
    private static bool IsUnrestored(Project project)
    {
        if (project.FilePath is not { } path || Path.GetDirectoryName(path) is not { } directory)
            return false;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException)
        {
            return false;
        }
        var sdkStyle = text.Contains("Sdk=", StringComparison.Ordinal) || text.Contains("<PackageReference", StringComparison.Ordinal);
        return sdkStyle && !File.Exists(Path.Combine(directory, "obj", "project.assets.json"));
    }

    /// <summary>Whether a fix provider registers at least one code action for this diagnostic.</summary>
    public static async Task<bool> IsFixableAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        foreach (var fixer in RuleSet.Default.Fixers)
        {
            if (!fixer.FixableDiagnosticIds.Contains(diagnostic.Id))
                continue;
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
            try
            {
                await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                continue;
            }
            if (actions.Count > 0)
                return true;
        }
        return false;
    }

    /// <summary>Turns a diagnostic into a finding; relative paths are taken from <paramref name="root"/>.</summary>
    public static async Task<Finding?> ToFindingAsync(
        Diagnostic diagnostic, Project project, string root, CancellationToken cancellationToken)
    {
        if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree is not { } tree)
            return null;
        var descriptor = RuleSet.Default.Descriptors[diagnostic.Id];
        var text = await tree.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var span = diagnostic.Location.GetLineSpan();
        var filePath = tree.FilePath;
        var document = project.GetDocument(tree);
        var fixable = document is not null && await IsFixableAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);

        return new Finding
        {
            RuleId = diagnostic.Id,
            Title = descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            Severity = diagnostic.Severity,
            Family = Family.FromCategory(descriptor.Category),
            HelpUri = descriptor.HelpLinkUri,
            Project = project.Name,
            FilePath = filePath,
            RelativePath = Path.GetRelativePath(root, filePath).Replace('\\', '/'),
            StartLine = span.StartLinePosition.Line + 1,
            StartColumn = span.StartLinePosition.Character + 1,
            EndLine = span.EndLinePosition.Line + 1,
            EndColumn = span.EndLinePosition.Character + 1,
            Snippet = text.ToString(diagnostic.Location.SourceSpan),
            Excerpt = Excerpt(text, span.StartLinePosition.Line, span.EndLinePosition.Line),
            Fixable = fixable,
        };
    }

    private static IReadOnlyList<ExcerptLine> Excerpt(SourceText text, int startLine, int endLine)
    {
        const int context = 2;
        var first = Math.Max(0, startLine - context);
        var last = Math.Min(text.Lines.Count - 1, Math.Max(startLine, Math.Min(endLine, startLine + 6)) + context);
        var lines = new List<ExcerptLine>();
        for (var i = first; i <= last; i++)
            lines.Add(new ExcerptLine(i + 1, text.Lines[i].ToString(), i >= startLine && i <= endLine));
        return lines;
    }
}
