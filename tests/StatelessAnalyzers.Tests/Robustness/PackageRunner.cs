using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using StatelessAnalyzers.Core;
using StatelessAnalyzers.Tests.Catalog;
using StatelessAnalyzers.Tests.Stubs;
using StatelessAnalyzers.Tests.Verification;

namespace StatelessAnalyzers.Tests.Robustness;

/// <summary>A project shape the package may meet: which frameworks and client libraries it references, and its options.</summary>
internal sealed record RunnerSetup(string Name, ReferenceSet References, ImmutableArray<MetadataReference> StubReferences, string? EditorConfig)
{
    // Declared before All, which reads it during type initialization.
    /// <summary>
    /// Every stub of <c>Stubs/</c> (the <c>const string</c> fields of a static class there), one assembly per class:
    /// the stubs of a class may build on each other (Serilog's console sink on Serilog).
    /// </summary>
    private static readonly ImmutableArray<MetadataReference> StubLibraries =
        typeof(BlobStubs).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(BlobStubs).Namespace && t.IsAbstract && t.IsSealed)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => StubAssembly.Create(t.Name, string.Join(
                Environment.NewLine,
                t.GetFields(BindingFlags.Public | BindingFlags.Static)
                    .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                    .OrderBy(f => f.Name, StringComparer.Ordinal)
                    .Select(f => (string)f.GetRawConstantValue()!))))
            .ToImmutableArray();

    /// <summary>Rotated over the damaged inputs, so each damage family meets every setup.</summary>
    public static readonly ImmutableArray<RunnerSetup> All = ImmutableArray.Create(
        // A web project with every third-party API the tests stub (EF Core, Hangfire, Serilog, blob clients...).
        new RunnerSetup("web", ReferenceSet.AspNetCore, StubLibraries, EditorConfig: null),
        // Every option the package reads set to a value it cannot parse: defaults plus SL9001.
        new RunnerSetup("web, invalid options", ReferenceSet.AspNetCore, StubLibraries, EditorConfigFor(_ => "not a valid value!")),
        // Valid option values that name nothing in the compilation, and no third-party API: lookups that find no symbol.
        new RunnerSetup("web, options naming missing symbols", ReferenceSet.AspNetCore, ImmutableArray<MetadataReference>.Empty, EditorConfigFor(UnresolvableValue)),
        // No ASP.NET Core: every web symbol the rules look up is missing.
        new RunnerSetup("not web", ReferenceSet.NetCore, ImmutableArray<MetadataReference>.Empty, EditorConfig: null));

    public override string ToString() => Name;

    private static string EditorConfigFor(Func<string, string> value)
    {
        var text = new StringBuilder("root = true\n\n[*.cs]\n");
        foreach (var key in StatelessOptions.AllKeys)
            text.Append(key).Append(" = ").Append(value(key)).Append('\n');
        return text.ToString();
    }

    private static string UnresolvableValue(string key) => key switch
    {
        StatelessOptions.HandlerBaseTypesKey => "Missing.HandlerBase, Missing.Generic`2+Nested",
        StatelessOptions.SafeTypesKey => "Missing.SafeType`1",
        StatelessOptions.SingletonRegistrationMethodsKey => "AddNowhere",
        StatelessOptions.BlobAbstractionNamespaceKey => "Missing.Storage",
        StatelessOptions.ReportInTestsKey => "true",
        StatelessOptions.DevelopmentGuardsKey => "false",
        _ => throw new InvalidOperationException($"No unresolvable value for the option '{key}': add one."),
    };
}

/// <summary>What went wrong with one input: an exception, a bad location, or a fix that adds compiler errors.</summary>
internal sealed record RunnerFailure(string Input, string Problem)
{
    public override string ToString() => $"{Input}: {Problem}";
}

/// <summary>What one input produced.</summary>
internal sealed class RunnerResult
{
    public List<RunnerFailure> Failures { get; } = new();

    public int DiagnosticsChecked { get; set; }

    public int FixableDiagnostics { get; set; }

    public int ActionsApplied { get; set; }

    public int FixesCompiled { get; set; }

    public HashSet<string> DiagnosticIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> ProvidersApplied { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Runs the whole package, every analyzer and every code-fix provider, on one source in a workspace project, the
/// way an IDE does. An analyzer exception (AD0001 or the exception callback), a diagnostic whose location (or
/// additional location) is not inside a source of the compilation, a provider or code action that throws, and a
/// code action whose result has a compiler error the input did not have are failures.
/// </summary>
internal static class PackageRunner
{
    /// <summary>Bounds one input, so a fix that does not terminate fails the test instead of hanging it.</summary>
    public static readonly TimeSpan InputTimeout = TimeSpan.FromSeconds(60);

    private const string ProjectName = "Damaged";

    /// <summary>Every code-fix provider the package exports, found by reflection so new fixes are covered automatically.</summary>
    public static ImmutableArray<CodeFixProvider> FixProviders { get; } =
        typeof(StatelessAnalyzers.CodeFixes.Rules.Memory.SL1001StoreInDistributedCacheCodeFix).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static readonly ImmutableHashSet<string> FixableIds =
        FixProviders.SelectMany(p => p.FixableDiagnosticIds).ToImmutableHashSet(StringComparer.Ordinal);

    // Solutions are immutable: one workspace hands out independent projects to every concurrent run.
    private static readonly AdhocWorkspace Workspace = new();

    /// <summary>Analyses <paramref name="text"/> (standing in for <paramref name="source"/>) in <paramref name="setup"/> and applies every fix offered.</summary>
    public static async Task<RunnerResult> RunAsync(SuiteSource source, string text, RunnerSetup setup, string inputName)
    {
        var result = new RunnerResult();
        using var timeout = new CancellationTokenSource(InputTimeout);
        try
        {
            await RunCoreAsync(source, text, setup, inputName, result, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            result.Failures.Add(new RunnerFailure(inputName, $"not done after {InputTimeout.TotalSeconds:0} s"));
        }
        catch (Exception ex)
        {
            result.Failures.Add(new RunnerFailure(inputName, "the run threw: " + ex));
        }

        return result;
    }

    private static async Task RunCoreAsync(
        SuiteSource source, string text, RunnerSetup setup, string inputName, RunnerResult result, CancellationToken cancellationToken)
    {
        var (solution, documentId) = CreateSolution(source, text, setup);
        var project = solution.GetProject(documentId.ProjectId)!;
        var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;

        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            (exception, analyzer, _) =>
            {
                lock (exceptions)
                    exceptions.Add($"{analyzer.GetType().Name} threw {exception}");
            },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(RuleCatalog.Analyzers, options)
            .GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

        foreach (var exception in exceptions)
            result.Failures.Add(new RunnerFailure(inputName, exception));
        var fixable = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            result.DiagnosticsChecked++;
            if (diagnostic.Id == "AD0001")
            {
                result.Failures.Add(new RunnerFailure(inputName, "AD0001: " + diagnostic.GetMessage(CultureInfo.InvariantCulture)));
                continue;
            }

            result.DiagnosticIds.Add(diagnostic.Id);
            if (CheckDiagnostic(diagnostic, compilation) is { } problem)
            {
                result.Failures.Add(new RunnerFailure(inputName, problem));
                continue;
            }

            if (diagnostic.Location.IsInSource && FixableIds.Contains(diagnostic.Id))
                fixable.Add(diagnostic);
        }

        result.FixableDiagnostics = fixable.Count;
        if (fixable.Count == 0)
            return;

        // The input's own errors: a fix may repeat one of them but not add another (see FixCompilation).
        var errorsBefore = FixCompilation.Summarize(compilation.GetDiagnostics(cancellationToken));
        foreach (var diagnostic in fixable)
        {
            var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
            foreach (var provider in FixProviders)
            {
                if (!provider.FixableDiagnosticIds.Contains(diagnostic.Id))
                    continue;
                var at = $"{provider.GetType().Name} on {Describe(diagnostic)}";
                ImmutableArray<CodeAction> actions;
                try
                {
                    actions = await GetActionsAsync(provider, document, diagnostic, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    result.Failures.Add(new RunnerFailure(inputName, $"{at}: RegisterCodeFixesAsync threw {ex}"));
                    continue;
                }

                foreach (var action in actions)
                {
                    await ApplyAsync(action, solution, errorsBefore, $"{at}, action '{action.Title}'", inputName, result, cancellationToken).ConfigureAwait(false);
                    result.ProvidersApplied.Add(provider.GetType().Name);
                }
            }
        }
    }

    /// <summary>Null when the diagnostic's locations all lie in a source of the compilation; otherwise what is wrong.</summary>
    internal static string? CheckDiagnostic(Diagnostic diagnostic, Compilation compilation)
    {
        try
        {
            _ = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        }
        catch (Exception ex)
        {
            return $"{diagnostic.Id}: formatting the message threw {ex.GetType().Name}: {ex.Message}";
        }

        if (CheckLocation(diagnostic.Location, compilation) is { } problem)
            return $"{diagnostic.Id} location: {problem}";
        for (var i = 0; i < diagnostic.AdditionalLocations.Count; i++)
        {
            if (CheckLocation(diagnostic.AdditionalLocations[i], compilation) is { } additional)
                return $"{diagnostic.Id} additional location {i}: {additional}";
        }

        return null;
    }

    private static string? CheckLocation(Location location, Compilation compilation)
    {
        if (location.Kind == LocationKind.None)
            return null;
        if (!location.IsInSource || location.SourceTree is not { } tree)
            return $"a {location.Kind} location, not a source location";
        if (!compilation.ContainsSyntaxTree(tree))
            return $"the tree '{tree.FilePath}' is not part of the compilation";
        var span = location.SourceSpan;
        var length = tree.Length;
        if (span.Start < 0 || span.End > length)
            return $"the span {span} lies outside '{tree.FilePath}' (length {length})";
        return null;
    }

    private static (Solution Solution, DocumentId Main) CreateSolution(SuiteSource source, string text, RunnerSetup setup)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse);
        var files = new List<(string Path, string Text)> { (MainPath(source), text) };
        files.AddRange(source.Companions.Select(c => (Folder + c.Path, c.Text)));
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, f.Path)).ToList();
        var outputKind = trees.Any(t => t.GetCompilationUnitRoot().Members.Any(m => m is GlobalStatementSyntax))
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
        var projectId = ProjectId.CreateNewId(ProjectName);
        var solution = Workspace.CurrentSolution.AddProject(Microsoft.CodeAnalysis.ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            ProjectName,
            ProjectName,
            LanguageNames.CSharp,
            filePath: Folder + ProjectName + ".csproj",
            compilationOptions: new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true),
            parseOptions: parseOptions,
            metadataReferences: ReferenceAssemblies.Get(setup.References).AddRange(setup.StubReferences)));
        DocumentId? main = null;
        for (var i = 0; i < trees.Count; i++)
        {
            var id = DocumentId.CreateNewId(projectId, files[i].Path);
            main ??= id;
            solution = solution.AddDocument(id, Path.GetFileName(files[i].Path), SourceText.From(files[i].Text, Encoding.UTF8), filePath: files[i].Path);
        }

        if (setup.EditorConfig is { } editorConfig)
        {
            solution = solution.AddAnalyzerConfigDocument(
                DocumentId.CreateNewId(projectId, ".editorconfig"), ".editorconfig", SourceText.From(editorConfig), filePath: "/.editorconfig");
        }

        return (solution, main!);
    }

    private const string Folder = "/src/";

    private static string MainPath(SuiteSource source) => Folder + source.Kind switch
    {
        SuiteSourceKind.SampleFile => source.Name[(SuiteSources.SampleFolder.Length + 1)..],
        SuiteSourceKind.SampleProject => "Program.cs",
        _ => "Test0.cs",
    };

    private static async Task<ImmutableArray<CodeAction>> GetActionsAsync(
        CodeFixProvider provider, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        return await CodeActionList.RegisterAsync(provider, document, diagnostic, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ApplyAsync(
        CodeAction action, Solution solution, FixCompilation.ErrorSummary errorsBefore, string at, string inputName,
        RunnerResult result, CancellationToken cancellationToken)
    {
        ImmutableArray<CodeActionOperation> operations;
        try
        {
            operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            result.Failures.Add(new RunnerFailure(inputName, $"{at}: GetOperationsAsync threw {ex}"));
            return;
        }

        var changes = operations.OfType<ApplyChangesOperation>().ToList();
        if (changes.Count != 1)
        {
            result.Failures.Add(new RunnerFailure(inputName, $"{at}: {changes.Count} ApplyChangesOperation(s), expected one"));
            return;
        }

        result.ActionsApplied++;
        var changed = changes[0].ChangedSolution;
        var project = changed.GetProject(solution.ProjectIds[0])!;
        var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        var added = FixCompilation.AddedErrors(errorsBefore, compilation.GetDiagnostics(cancellationToken));
        result.FixesCompiled++;
        if (added.Count > 0)
        {
            result.Failures.Add(new RunnerFailure(
                inputName,
                $"{at}: the fixed code has compiler errors the input did not have:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", added.Select(Verification.DiagnosticFormatter.FormatWithSource))));
        }
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{diagnostic.Id} at {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
    }
}

/// <summary>
/// The criterion for a fix applied to code that may not compile. An error of the fixed code is added by the fix when
/// the input had no error with the same ID and message, and the fixed code has more errors with that ID than the
/// input had. Locations take no part (a fix moves code). Both conditions are needed on damaged code: a sound fix may
/// copy a piece of the input, a type name that does not bind say, and so repeat an error the input had (same message,
/// one more of them); and a fix that retypes a symbol changes the text of an error the input had about it ('C.C(IMemoryCache)
/// must declare a body' becomes 'C.C(IDistributedCache) must declare a body': a new message, no more of them). A fix
/// that writes code that does not parse or bind gives an error of a new kind or one more of a kind with a new message.
/// </summary>
internal static class FixCompilation
{
    public static ErrorSummary Summarize(IEnumerable<Diagnostic> diagnostics)
    {
        var summary = new ErrorSummary();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity != DiagnosticSeverity.Error)
                continue;
            summary.Keys.Add(Key(diagnostic));
            summary.CountById[diagnostic.Id] = summary.CountById.GetValueOrDefault(diagnostic.Id) + 1;
        }

        return summary;
    }

    /// <summary>The errors of the fixed code that the fix added, by the criterion above.</summary>
    public static List<Diagnostic> AddedErrors(ErrorSummary before, IEnumerable<Diagnostic> after)
    {
        var errors = after.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var countAfter = errors.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return errors.Where(d => !before.Keys.Contains(Key(d)) && countAfter[d.Id] > before.CountById.GetValueOrDefault(d.Id)).ToList();
    }

    public static string Key(Diagnostic diagnostic) => diagnostic.Id + ": " + diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <summary>The compiler errors of one compilation, as the criterion needs them.</summary>
    internal sealed class ErrorSummary
    {
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> CountById { get; } = new(StringComparer.Ordinal);
    }
}
