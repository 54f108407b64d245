using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace StatelessAnalyzers.Tests.Verification;

/// <summary>
/// A code-fix test: verifies the analyzer on <see cref="AnalyzerTest{TAnalyzer}.TestCode"/>, then applies the fix one
/// diagnostic at a time and as FixAll in Document, Project and Solution scope; every result must equal
/// <see cref="FixedCode"/>, add no compiler error and leave only <see cref="FixedExpectedDiagnostics"/>.
/// When <see cref="FixedCode"/> is null or equals the test code, no fix may be offered.
/// </summary>
public abstract class CodeFixTest<TAnalyzer, TCodeFix> : AnalyzerTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    private const string ProjectName = "TestProject";


    /// <summary>The expected main source after the fix, with markup for diagnostics that remain.</summary>
    public string? FixedCode { get; set; }

    /// <summary>Selects the code action by key; null: the only action offered (several fail the test).</summary>
    public string? CodeActionEquivalenceKey { get; set; }

    /// <summary>The other sources after the fix, including documents the fix adds; empty: <see cref="AnalyzerTest{TAnalyzer}.AdditionalSources"/> unchanged.</summary>
    public List<(string FileName, string Source)> FixedAdditionalSources { get; set; } = new();

    /// <summary>Diagnostics expected on the fixed code, besides those its markup implies (default none).</summary>
    public List<DiagnosticResult> FixedExpectedDiagnostics { get; set; } = new();

    public bool SkipFixAll { get; set; }

    /// <summary>
    /// How many fixed compilations this test compiled and checked for new compiler errors: one per pass (one diagnostic
    /// at a time, then FixAll in each scope the provider supports).
    /// </summary>
    public int FixedCompilationsChecked { get; private set; }

    /// <summary>Fixed compilations checked for new compiler errors by every code-fix test of this process, for any analyzer and fix.</summary>
    public static long TotalFixedCompilationsChecked => Interlocked.Read(ref CodeFixCounters.TotalFixedCompilationsChecked);

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        await base.RunAsync(cancellationToken).ConfigureAwait(false);

        var original = CreateState(TestCode, AdditionalSources, ExpectedDiagnostics);
        var fixedAdditional = FixedAdditionalSources.Count > 0
            ? FixedAdditionalSources
            : AdditionalSources.Select(s => (s.FileName, MarkupSource.Strip(s.Source))).ToList();
        var noFix = FixedCode is null
            || (Normalize(MarkupSource.Strip(FixedCode)) == Normalize(original.Sources[0].Text) && FixedAdditionalSources.Count == 0);
        var solution = CreateSolution(original.Sources);
        if (noFix)
        {
            await VerifyNoFixOfferedAsync(solution, cancellationToken).ConfigureAwait(false);
            return;
        }

        var expected = CreateState(FixedCode!, fixedAdditional, FixedExpectedDiagnostics);
        var originalErrors = (await CompileAsync(solution, cancellationToken).ConfigureAwait(false)).CompilerErrors.ToList();

        var fixedOneByOne = await FixOneAtATimeAsync(solution, cancellationToken).ConfigureAwait(false);
        await VerifyFixedSolutionAsync("Code fix (one diagnostic at a time)", fixedOneByOne, expected, originalErrors, cancellationToken).ConfigureAwait(false);

        if (SkipFixAll)
            return;
        var fixAllProvider = new TCodeFix().GetFixAllProvider();
        if (fixAllProvider is null)
            return;
        var scopes = fixAllProvider.GetSupportedFixAllScopes();
        foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution })
        {
            if (!scopes.Contains(scope))
                continue;
            var done = new HashSet<DocumentId>();
            var fixedAll = await TryFixAllAsync(solution, fixAllProvider, scope, done, cancellationToken).ConfigureAwait(false)
                ?? throw new VerificationException($"FixAll in {scope} scope: no diagnostic offers a fix to start FixAll from.");
            if (scope == FixAllScope.Document)
            {
                // One Document-scope FixAll per document with diagnostics, as an IDE user would run it; a document
                // is never fixed twice, so a FixAll that misses diagnostics in its own document still fails.
                while (await TryFixAllAsync(fixedAll, fixAllProvider, scope, done, cancellationToken).ConfigureAwait(false) is { } next)
                    fixedAll = next;
            }

            await VerifyFixedSolutionAsync($"FixAll in {scope} scope", fixedAll, expected, originalErrors, cancellationToken).ConfigureAwait(false);
        }

        // dotnet format analyzers asks for a Solution-scope FixAll with the key of the action fixing the first
        // diagnostic of the package's analyzer, which may belong to another rule: then the key is null, and the
        // fix's own action must still be applied. (The package's fixes only: a test fix need not handle this.)
        if (AnalyzerInfo<TAnalyzer>.IsPackageRule && scopes.Contains(FixAllScope.Solution) && CodeActionEquivalenceKey is null)
        {
            var fixedWithoutKey = await TryFixAllAsync(solution, fixAllProvider, FixAllScope.Solution, new HashSet<DocumentId>(), cancellationToken, withoutKey: true).ConfigureAwait(false)
                ?? throw new VerificationException("FixAll without an equivalence key (dotnet format): no diagnostic offers a fix to start FixAll from.");
            await VerifyFixedSolutionAsync("FixAll without an equivalence key (dotnet format)", fixedWithoutKey, expected, originalErrors, cancellationToken).ConfigureAwait(false);
        }
    }

    private Solution CreateSolution(IReadOnlyList<TestSource> sources)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId(ProjectName);
        var parseOptions = ParseOptions;
        var trees = sources.Select(s => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path));
        var solution = workspace.CurrentSolution.AddProject(Microsoft.CodeAnalysis.ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            ProjectName,
            ProjectName,
            LanguageNames.CSharp,
            filePath: TestSource.Folder + ProjectName + ".csproj",
            compilationOptions: CreateCompilationOptions(trees),
            parseOptions: parseOptions,
            metadataReferences: AllReferences));
        foreach (var source in sources)
        {
            solution = solution.AddDocument(
                DocumentId.CreateNewId(projectId, source.FileName), source.FileName, SourceText.From(source.Text, Encoding.UTF8), filePath: source.Path);
        }

        // Config documents let fixers read options too; the analyzer gets the same keys through the test provider.
        var config = Config;
        if (config.ToGlobalConfigText() is { } globalConfig)
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId, ".globalconfig"), ".globalconfig", SourceText.From(globalConfig), filePath: "/.globalconfig");
        if (config.ToEditorConfigText() is { } editorConfig)
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId, ".editorconfig"), ".editorconfig", SourceText.From(editorConfig), filePath: "/.editorconfig");
        return solution;
    }

    private async Task<AnalysisOutput> CompileAsync(Solution solution, CancellationToken cancellationToken)
    {
        var project = solution.Projects.Single();
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new VerificationException("The test project produced no compilation.");
        return await AnalyzeAsync(compilation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The diagnostics the fix provider says it can fix, in source order.</summary>
    private async Task<List<Diagnostic>> GetFixableDiagnosticsAsync(Solution solution, CancellationToken cancellationToken)
    {
        var fixable = new TCodeFix().FixableDiagnosticIds;
        var output = await CompileAsync(solution, cancellationToken).ConfigureAwait(false);
        return Sort(output.AnalyzerDiagnostics.Concat(output.CompilerDiagnostics))
            .Where(d => d.Location.IsInSource && fixable.Contains(d.Id))
            .ToList();
    }

    private async Task VerifyNoFixOfferedAsync(Solution solution, CancellationToken cancellationToken)
    {
        var offered = new List<string>();
        foreach (var diagnostic in await GetFixableDiagnosticsAsync(solution, cancellationToken).ConfigureAwait(false))
        {
            foreach (var action in await GetActionsAsync(solution, diagnostic, cancellationToken).ConfigureAwait(false))
            {
                if (CodeActionEquivalenceKey is null || action.EquivalenceKey == CodeActionEquivalenceKey)
                    offered.Add($"  {Describe(action)} for {DiagnosticFormatter.FormatWithSource(diagnostic)}");
            }
        }

        if (offered.Count > 0)
        {
            var which = CodeActionEquivalenceKey is null ? "no code fix" : $"no code fix with key '{CodeActionEquivalenceKey}'";
            throw new VerificationException(
                $"No-fix test (FixedCode is null or equals TestCode): expected {which}, but the provider offered:"
                + Environment.NewLine + string.Join(Environment.NewLine, offered));
        }
    }

    private async Task<Solution> FixOneAtATimeAsync(Solution solution, CancellationToken cancellationToken)
    {
        var initial = await GetFixableDiagnosticsAsync(solution, cancellationToken).ConfigureAwait(false);
        var bound = initial.Count + 2;
        var applied = 0;
        var offeredButNotSelected = new List<string>();
        for (var iteration = 0; ; iteration++)
        {
            var diagnostics = iteration == 0 ? initial : await GetFixableDiagnosticsAsync(solution, cancellationToken).ConfigureAwait(false);
            CodeAction? selected = null;
            foreach (var diagnostic in diagnostics)
            {
                var actions = await GetActionsAsync(solution, diagnostic, cancellationToken).ConfigureAwait(false);
                selected = SelectAction(actions, diagnostic);
                if (selected is not null)
                    break;
                offeredButNotSelected.AddRange(actions.Select(Describe));
            }

            if (selected is null)
                break;
            if (iteration >= bound)
            {
                throw new VerificationException(
                    $"Code fix (one diagnostic at a time): still offering '{selected.Title}' after {bound} fixes; the fix does not converge.");
            }

            var changed = await ApplyAsync(selected, cancellationToken).ConfigureAwait(false);
            if (await SameTextAsync(solution, changed, cancellationToken).ConfigureAwait(false))
                throw new VerificationException($"Code fix (one diagnostic at a time): the action '{selected.Title}' changed nothing.");
            solution = changed;
            applied++;
        }

        if (applied == 0)
        {
            var detail = initial.Count == 0
                ? "the analyzer reported no diagnostic the provider can fix (FixableDiagnosticIds: " + string.Join(", ", new TCodeFix().FixableDiagnosticIds) + ")"
                : offeredButNotSelected.Count == 0
                    ? "the provider registered no action"
                    : $"no action has the key '{CodeActionEquivalenceKey}'; offered: " + string.Join(", ", offeredButNotSelected.Distinct());
            throw new VerificationException($"Code fix: FixedCode differs from TestCode but no fix was applied: {detail}.");
        }

        return solution;
    }

    /// <summary>
    /// Runs FixAll from the first diagnostic (outside the documents in <paramref name="done"/>) that offers the
    /// selected action, and adds its document to <paramref name="done"/>; null when no diagnostic qualifies.
    /// </summary>
    private async Task<Solution?> TryFixAllAsync(
        Solution solution, FixAllProvider fixAllProvider, FixAllScope scope, HashSet<DocumentId> done, CancellationToken cancellationToken, bool withoutKey = false)
    {
        var stage = withoutKey ? "FixAll without an equivalence key (dotnet format)" : $"FixAll in {scope} scope";
        var diagnostics = await GetFixableDiagnosticsAsync(solution, cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics)
        {
            var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
            if (done.Contains(document.Id))
                continue;
            var action = SelectAction(await GetActionsAsync(solution, diagnostic, cancellationToken).ConfigureAwait(false), diagnostic);
            if (action is null)
                continue;
            done.Add(document.Id);
            var codeFix = new TCodeFix();
            var context = new FixAllContext(
                document,
                codeFix,
                scope,
                withoutKey ? null : action.EquivalenceKey,
                diagnostics.Select(d => d.Id).Distinct(StringComparer.Ordinal),
                new TestDiagnosticProvider(this),
                cancellationToken);
            CodeAction? fixAll;
            try
            {
                fixAll = await fixAllProvider.GetFixAsync(context).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not VerificationException and not OperationCanceledException)
            {
                throw new VerificationException($"{stage}: the FixAll provider threw: {ex}", ex);
            }

            if (fixAll is null)
                throw new VerificationException($"{stage}: the FixAll provider returned no action for key '{action.EquivalenceKey}'.");
            return await ApplyAsync(fixAll, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private async Task VerifyFixedSolutionAsync(
        string stage, Solution solution, TestState expected, List<Diagnostic> originalErrors, CancellationToken cancellationToken)
    {
        // 1. Text: every expected document, and no unexpected new document.
        var project = solution.Projects.Single();
        var documents = project.Documents.ToList();
        foreach (var source in expected.Sources)
        {
            var document = documents.FirstOrDefault(d => d.Name == source.FileName);
            if (document is null)
            {
                throw new VerificationException(
                    $"{stage}: the fixed project has no document '{source.FileName}' (documents: {string.Join(", ", documents.Select(d => d.Name))}).");
            }

            var actualText = await GetCleanTextAsync(document, cancellationToken).ConfigureAwait(false);
            CompareText(stage, source.FileName, Normalize(source.Text), Normalize(actualText));
        }

        foreach (var document in documents)
        {
            if (!expected.Sources.Any(s => s.FileName == document.Name))
            {
                var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                throw new VerificationException(
                    $"{stage}: the fix added the document '{document.Name}', which FixedAdditionalSources does not list:{Environment.NewLine}{text}");
            }
        }

        // 2. No new compiler error (compared by ID and message: locations move when code changes).
        var output = await CompileAsync(solution, cancellationToken).ConfigureAwait(false);
        var remaining = originalErrors.Select(Key).ToList();
        var added = new List<Diagnostic>();
        foreach (var error in output.CompilerErrors)
        {
            if (!remaining.Remove(Key(error)))
                added.Add(error);
        }

        FixedCompilationsChecked++;
        Interlocked.Increment(ref CodeFixCounters.TotalFixedCompilationsChecked);
        if (added.Count > 0)
        {
            throw new VerificationException(
                $"{stage}: the fixed code has new compiler errors:" + Environment.NewLine
                + string.Join(Environment.NewLine, added.Select(DiagnosticFormatter.FormatWithSource)));
        }

        // 3. Only the expected diagnostics remain.
        VerifyDiagnostics($"{stage}: diagnostics remaining on the fixed code", expected, output, checkCompilerErrors: false);
    }

    private async Task<ImmutableArray<CodeAction>> GetActionsAsync(Solution solution, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(diagnostic.Location.SourceTree)
            ?? throw new VerificationException($"No document holds the diagnostic {DiagnosticFormatter.FormatWithSource(diagnostic)}");
        try
        {
            return await CodeActionList.RegisterAsync(new TCodeFix(), document, diagnostic, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not VerificationException and not OperationCanceledException)
        {
            throw new VerificationException(
                $"The code fix provider threw while registering fixes for {DiagnosticFormatter.FormatWithSource(diagnostic)}{Environment.NewLine}{ex}", ex);
        }
    }

    /// <summary>The action with the test's key, or the only action when no key is set (several fail the test).</summary>
    private CodeAction? SelectAction(ImmutableArray<CodeAction> actions, Diagnostic diagnostic)
    {
        if (CodeActionEquivalenceKey is { } key)
            return actions.FirstOrDefault(a => a.EquivalenceKey == key);
        if (actions.Length > 1)
        {
            throw new VerificationException(
                $"Several code actions are offered for {DiagnosticFormatter.FormatWithSource(diagnostic)}{Environment.NewLine}"
                + "Set CodeActionEquivalenceKey to one of:" + Environment.NewLine
                + string.Join(Environment.NewLine, actions.Select(a => "  " + Describe(a))));
        }

        return actions.Length == 1 ? actions[0] : null;
    }

    private static async Task<Solution> ApplyAsync(CodeAction action, CancellationToken cancellationToken)
    {
        ImmutableArray<CodeActionOperation> operations;
        try
        {
            operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not VerificationException and not OperationCanceledException)
        {
            throw new VerificationException($"The code action '{action.Title}' threw: {ex}", ex);
        }

        var apply = operations.OfType<ApplyChangesOperation>().ToList();
        if (apply.Count != 1)
            throw new VerificationException($"The code action '{action.Title}' produced {apply.Count} ApplyChangesOperation(s); expected exactly one.");
        return apply[0].ChangedSolution;
    }

    private static async Task<bool> SameTextAsync(Solution before, Solution after, CancellationToken cancellationToken)
    {
        var changes = after.GetChanges(before);
        foreach (var projectChanges in changes.GetProjectChanges())
        {
            if (projectChanges.GetAddedDocuments().Any() || projectChanges.GetRemovedDocuments().Any())
                return false;
            foreach (var id in projectChanges.GetChangedDocuments())
            {
                var oldText = await before.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var newText = await after.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                if (!oldText.ContentEquals(newText))
                    return false;
            }
        }

        return true;
    }

    private static async Task<string> GetCleanTextAsync(Document document, CancellationToken cancellationToken)
    {
        // What an IDE does after applying a fix: reduce and format what the fix annotated.
        var simplified = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        var formatted = await Formatter.FormatAsync(simplified, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (await formatted.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
    }

    private static void CompareText(string stage, string fileName, string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
            return;
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
            line++;
        var expectedLine = line < expectedLines.Length ? expectedLines[line] : "(end of file)";
        var actualLine = line < actualLines.Length ? actualLines[line] : "(end of file)";
        var column = 0;
        while (column < expectedLine.Length && column < actualLine.Length && expectedLine[column] == actualLine[column])
            column++;
        var caret = new string(' ', column) + "^";
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{stage}: {fileName} differs from the expected fixed code at line {line + 1}, column {column + 1}:");
        report.AppendLine("  expected: " + Visible(expectedLine));
        report.AppendLine("  actual:   " + Visible(actualLine));
        report.AppendLine("            " + caret);
        report.AppendLine().AppendLine("Expected:").AppendLine(expected);
        report.AppendLine("Actual:").AppendLine(actual);
        throw new VerificationException(report.ToString());
    }

    private static string Visible(string line) => line.Replace("\t", "\\t", StringComparison.Ordinal);

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string Key(Diagnostic diagnostic) => diagnostic.Id + ": " + diagnostic.GetMessage(CultureInfo.InvariantCulture);

    private static string Describe(CodeAction action) => $"'{action.Title}' (key: {action.EquivalenceKey ?? "null"})";

    /// <summary>Gives FixAll the analyzer's diagnostics (and fixable compiler ones), computed once per project snapshot.</summary>
    private sealed class TestDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly CodeFixTest<TAnalyzer, TCodeFix> _test;
        private readonly ConcurrentDictionary<Project, Task<List<Diagnostic>>> _cache = new();

        public TestDiagnosticProvider(CodeFixTest<TAnalyzer, TCodeFix> test) => _test = test;

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await GetAsync(project, cancellationToken).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            var all = await GetAsync(document.Project, cancellationToken).ConfigureAwait(false);
            return all.Where(d => d.Location.SourceTree == tree
                || (document.FilePath is not null && d.Location.SourceTree?.FilePath == document.FilePath)).ToList();
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            (await GetAsync(project, cancellationToken).ConfigureAwait(false)).Where(d => !d.Location.IsInSource).ToList();

        private Task<List<Diagnostic>> GetAsync(Project project, CancellationToken cancellationToken) =>
            _cache.GetOrAdd(project, p => _test.GetFixableDiagnosticsAsync(p.Solution, cancellationToken));
    }
}

/// <summary>Counters shared by every <see cref="CodeFixTest{TAnalyzer, TCodeFix}"/> instantiation (a static field of a generic type is per instantiation).</summary>
internal static class CodeFixCounters
{
    public static long TotalFixedCompilationsChecked;
}
