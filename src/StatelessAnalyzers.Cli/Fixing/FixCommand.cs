using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace StatelessAnalyzers.Cli;

/// <summary>
/// <c>--fix</c>: applies each code fix of the package to all its findings through the fix's
/// FixAllProvider, one rule after the other, and prints the diff or, with <c>--apply</c>, writes the files.
/// </summary>
internal sealed class FixCommand(AuditOptions options, string root, TextWriter output, TextWriter error, IProgressSink progress)
{
    /// <summary>
    /// <c>--apply</c> without <c>--force</c> writes only over a clean git working tree, so that every
    /// change it makes can be reviewed and undone; returns the exit code when it refuses.
    /// </summary>
    public static int? CheckCleanTree(string root, TextWriter error)
    {
        var (isRepository, changes) = GitState.Check(root);
        if (!isRepository)
        {
            error.WriteLine($"stateless-audit: error: '{root}' is not in a git working tree, so --apply could not be undone; run with --force to write anyway.");
            return ExitCodes.UsageOrLoadError;
        }
        if (changes.Count > 0)
        {
            error.WriteLine($"stateless-audit: error: the git working tree has uncommitted changes under '{root}'; commit or stash them first, or run with --force:");
            foreach (var change in changes.Take(20))
                error.WriteLine("  " + change);
            return ExitCodes.UsageOrLoadError;
        }
        return null;
    }

    /// <summary>Computes the fixes; returns what prints the diff or writes the files, and gives the exit code.</summary>
    public async Task<Func<int>> RunAsync(Solution solution, IReadOnlyList<ProjectId> projects, CancellationToken cancellationToken)
    {

        var selected = RuleSet.Default.Fixers
            .SelectMany(fixer => fixer.FixableDiagnosticIds.Select(id => (Fixer: fixer, Id: id)))
            .Where(x => RuleSet.Default.Descriptors.ContainsKey(x.Id) && (options.Rules.Count == 0 || options.Rules.Contains(x.Id)))
            .OrderBy(x => x.Id, StringComparer.Ordinal)
            .ToList();
        var unfixable = options.Rules.Where(id => selected.All(x => x.Id != id)).Order(StringComparer.Ordinal).ToList();
        foreach (var id in unfixable)
            error.WriteLine($"stateless-audit: {id} has no code fix; its findings are left as they are.");

        var ruleIds = selected.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
        var before = await CountAsync(solution, projects, ruleIds, cancellationToken).ConfigureAwait(false);

        var current = solution;
        foreach (var (fixer, id) in selected)
        {
            progress.Stage($"Fixing {id}…");
            foreach (var projectId in projects)
                current = await FixProjectAsync(current, projectId, fixer, id, cancellationToken).ConfigureAwait(false);
        }

        var after = await CountAsync(current, projects, ruleIds, cancellationToken).ConfigureAwait(false);
        var changed = ChangedDocuments(solution, current);

        return () =>
        {
            output.WriteLine();
            output.WriteLine(options.Apply ? "Fixes applied:" : "Fixes available (dry run; --apply writes them):");
            foreach (var id in ruleIds.Order(StringComparer.Ordinal))
            {
                before.TryGetValue(id, out var was);
                after.TryGetValue(id, out var now);
                if (was > 0)
                    output.WriteLine($"  {id}: {Readiness.Plural(was - now, "finding")} fixed of {was}");
            }
            output.WriteLine($"  {Readiness.Plural(changed.Count, "file")} changed");
            output.WriteLine();

            if (!options.Apply)
            {
                foreach (var (path, oldText, newText) in changed)
                {
                    var relative = path is null ? "(new file)" : Path.GetRelativePath(root, path).Replace('\\', '/');
                    output.Write(UnifiedDiff.Create(
                        oldText is null ? "/dev/null" : "a/" + relative,
                        newText is null ? "/dev/null" : "b/" + relative,
                        oldText?.ToString() ?? string.Empty,
                        newText?.ToString() ?? string.Empty));
                }
                return ExitCodes.Clean;
            }

            foreach (var (path, oldText, newText) in changed)
            {
                if (path is null)
                    continue;
                if (newText is null)
                {
                    File.Delete(path);
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var encoding = newText.Encoding ?? oldText?.Encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
                File.WriteAllText(path, newText.ToString(), encoding);
                output.WriteLine("  wrote " + Path.GetRelativePath(root, path).Replace('\\', '/'));
            }
            return ExitCodes.Clean;
        };
    }

    private async Task<Solution> FixProjectAsync(Solution solution, ProjectId projectId, CodeFixProvider fixer, string id, CancellationToken cancellationToken)
    {
        // A project-scope FixAll is one round; a document-scope one fixes one document per round.
        const int MaxRounds = 200;
        for (var round = 0; round < MaxRounds; round++)
        {
            var (next, complete) = await FixOnceAsync(solution, projectId, fixer, id, cancellationToken).ConfigureAwait(false);
            if (ReferenceEquals(next, solution))
                return solution;
            solution = next;
            if (complete)
                return solution;
        }
        return solution;
    }

    private async Task<(Solution Solution, bool Complete)> FixOnceAsync(Solution solution, ProjectId projectId, CodeFixProvider fixer, string id, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(projectId);
        if (project is null)
            return (solution, true);
        var analysis = await ProjectAnalyzer.AnalyzeAsync(project, options.All, new HashSet<string>(StringComparer.Ordinal) { id }, cancellationToken).ConfigureAwait(false);
        var diagnostics = analysis.Diagnostics.Where(d => d.Id == id && d.Location.IsInSource).ToImmutableArray();
        if (diagnostics.IsEmpty)
            return (solution, true);

        // The equivalence key of the first action offered: FixAll applies that same fix everywhere.
        string? key = null;
        Document? firstDocument = null;
        foreach (var diagnostic in diagnostics)
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree);
            if (document is null)
                continue;
            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), cancellationToken)).ConfigureAwait(false);
            if (actions.Count > 0)
            {
                key = actions[0].EquivalenceKey;
                firstDocument = document;
                break;
            }
        }
        if (firstDocument is null)
            return (solution, true);

        var fixAll = fixer.GetFixAllProvider();
        if (fixAll is null)
            return (solution, true);
        var provider = new Diagnostics(diagnostics);
        var scopes = fixAll.GetSupportedFixAllScopes();
        var context = scopes.Contains(FixAllScope.Project)
            ? new FixAllContext(project, fixer, FixAllScope.Project, key, [id], provider, cancellationToken)
            : new FixAllContext(firstDocument, fixer, FixAllScope.Document, key, [id], provider, cancellationToken);
        CodeAction? fix;
        try
        {
            fix = await fixAll.GetFixAsync(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error.WriteLine($"stateless-audit: warning: the {id} fix failed in {project.Name}: {ex.Message}");
            return (solution, true);
        }
        if (fix is null)
            return (solution, true);
        var operations = await fix.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        var changed = operations.OfType<ApplyChangesOperation>().LastOrDefault()?.ChangedSolution;
        if (changed is null)
            return (solution, true);
        return (changed, scopes.Contains(FixAllScope.Project));
    }

    private async Task<Dictionary<string, int>> CountAsync(Solution solution, IReadOnlyList<ProjectId> projects, IReadOnlySet<string> ids, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (ids.Count == 0)
            return counts;
        var seen = new HashSet<(string, string?, TextSpan)>();
        foreach (var projectId in projects)
        {
            if (solution.GetProject(projectId) is not { } project)
                continue;
            var analysis = await ProjectAnalyzer.AnalyzeAsync(project, options.All, ids, cancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in analysis.Diagnostics)
            {
                if (seen.Add((diagnostic.Id, diagnostic.Location.SourceTree?.FilePath, diagnostic.Location.SourceSpan)))
                    counts[diagnostic.Id] = counts.GetValueOrDefault(diagnostic.Id) + 1;
            }
        }
        return counts;
    }

    private static List<(string? Path, SourceText? OldText, SourceText? NewText)> ChangedDocuments(Solution oldSolution, Solution newSolution)
    {
        var changed = new List<(string?, SourceText?, SourceText?)>();
        var changes = newSolution.GetChanges(oldSolution);
        foreach (var projectChanges in changes.GetProjectChanges())
        {
            foreach (var documentId in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            {
                var oldDocument = oldSolution.GetDocument(documentId)!;
                var newDocument = newSolution.GetDocument(documentId)!;
                oldDocument.TryGetText(out var oldText);
                oldText ??= oldDocument.GetTextAsync().GetAwaiter().GetResult();
                var newText = newDocument.GetTextAsync().GetAwaiter().GetResult();
                changed.Add((oldDocument.FilePath, oldText, newText));
            }
            foreach (var documentId in projectChanges.GetAddedDocuments())
            {
                var document = newSolution.GetDocument(documentId)!;
                var path = document.FilePath ?? Path.Combine(
                    [Path.GetDirectoryName(document.Project.FilePath) ?? ".", .. document.Folders, document.Name]);
                changed.Add((path, null, document.GetTextAsync().GetAwaiter().GetResult()));
            }
            foreach (var documentId in projectChanges.GetRemovedDocuments())
            {
                var document = oldSolution.GetDocument(documentId)!;
                changed.Add((document.FilePath, document.GetTextAsync().GetAwaiter().GetResult(), null));
            }
        }
        // A file shared by several target frameworks appears once per project: one entry per path.
        return changed
            .GroupBy(c => c.Item1 ?? string.Empty, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(c => c.Item1, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The findings computed for the project, handed to the FixAll providers.</summary>
    private sealed class Diagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics
                .Where(d => string.Equals(d.Location.SourceTree?.FilePath, document.FilePath, StringComparison.Ordinal))
                .ToList());

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics.Where(d => !d.Location.IsInSource).ToList());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
