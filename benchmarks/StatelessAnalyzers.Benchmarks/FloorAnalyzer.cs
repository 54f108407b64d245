using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatelessAnalyzers.Benchmarks;

/// <summary>
/// The kinds of analysis action a set of analyzers registers: the union over the analyzers, read off the analyzers
/// themselves by <see cref="Record"/>, so that the no-op floor follows the package when its rules change.
/// </summary>
internal sealed class ActionShape
{
    public bool CompilationStart { get; private set; }

    public bool CompilationEnd { get; private set; }

    public bool Compilation { get; private set; }

    public bool SyntaxTree { get; private set; }

    public bool SemanticModel { get; private set; }

    public bool OperationBlock { get; private set; }

    public bool SymbolEnd { get; private set; }

    public SortedSet<SymbolKind> Symbols { get; } = new();

    public SortedSet<SymbolKind> SymbolStarts { get; } = new();

    public SortedSet<OperationKind> Operations { get; } = new();

    /// <summary>Operation kinds registered inside a symbol-start action (analysed for that symbol's members only).</summary>
    public SortedSet<OperationKind> SymbolStartOperations { get; } = new();

    public SortedSet<SyntaxKind> SyntaxNodes { get; } = new();

    /// <summary>
    /// Runs <paramref name="analyzers"/>' <c>Initialize</c>, their compilation-start actions on <paramref name="compilation"/>
    /// and their symbol-start actions on every type declared in it, recording what they register.
    /// </summary>
    public static ActionShape Record(IEnumerable<DiagnosticAnalyzer> analyzers, Compilation compilation)
    {
        var shape = new ActionShape();
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        var types = new List<INamedTypeSymbol>();
        CollectTypes(compilation.Assembly.GlobalNamespace, types);
        foreach (var analyzer in analyzers)
        {
            var context = new RecordingAnalysisContext(shape);
            analyzer.Initialize(context);
            foreach (var start in context.CompilationStartActions)
            {
                var startContext = new RecordingCompilationStartContext(shape, compilation, options);
                start(startContext);
                foreach (var (symbolStart, kind) in startContext.SymbolStartActions)
                {
                    foreach (var type in types)
                    {
                        if (kind == SymbolKind.NamedType)
                            symbolStart(new RecordingSymbolStartContext(shape, type, compilation, options));
                    }
                }
            }
        }

        return shape;
    }

    /// <summary>One line per kind of action, for the report.</summary>
    public IEnumerable<string> Describe()
    {
        if (Compilation)
            yield return "compilation";
        if (CompilationStart)
            yield return "compilation start";
        if (CompilationEnd)
            yield return "compilation end";
        if (SyntaxTree)
            yield return "syntax tree";
        if (SemanticModel)
            yield return "semantic model";
        if (OperationBlock)
            yield return "operation block";
        if (Symbols.Count > 0)
            yield return "symbol: " + string.Join(", ", Symbols);
        if (SymbolStarts.Count > 0)
            yield return "symbol start: " + string.Join(", ", SymbolStarts) + (SymbolEnd ? " (with symbol end)" : string.Empty);
        if (SymbolStartOperations.Count > 0)
            yield return "operation within a symbol: " + string.Join(", ", SymbolStartOperations);
        if (Operations.Count > 0)
            yield return "operation: " + string.Join(", ", Operations);
        if (SyntaxNodes.Count > 0)
            yield return "syntax node: " + string.Join(", ", SyntaxNodes);
    }

    private static void CollectTypes(INamespaceOrTypeSymbol container, List<INamedTypeSymbol> types)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol nested)
            {
                if (nested is INamedTypeSymbol type)
                    types.Add(type);
                CollectTypes(nested, types);
            }
        }
    }

    private static T Single<T>(ImmutableArray<T> kinds, SortedSet<T> into)
    {
        foreach (var kind in kinds)
            into.Add(kind);
        return kinds.IsDefaultOrEmpty ? default! : kinds[0];
    }

    private static void AddSyntaxKinds<TLanguageKindEnum>(ActionShape shape, ImmutableArray<TLanguageKindEnum> kinds)
        where TLanguageKindEnum : struct
    {
        foreach (var kind in kinds)
            shape.SyntaxNodes.Add((SyntaxKind)(object)kind);
    }

    private static NotSupportedException Unsupported(string action) =>
        new($"The no-op floor does not mirror {action} yet: add it to {nameof(ActionShape)} and {nameof(NoOpAnalyzer)}.");

    private sealed class RecordingAnalysisContext(ActionShape shape) : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> CompilationStartActions { get; } = new();

        public override void EnableConcurrentExecution()
        {
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
        {
            shape.CompilationStart = true;
            CompilationStartActions.Add(action);
        }

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => shape.Compilation = true;

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => shape.SemanticModel = true;

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Single(symbolKinds, shape.Symbols);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => throw Unsupported("a symbol-start action outside compilation start");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported("code-block start actions");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported("code-block actions");

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unsupported("operation-block start actions");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => shape.OperationBlock = true;

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => shape.SyntaxTree = true;

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => AddSyntaxKinds(shape, syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Single(operationKinds, shape.Operations);
    }

    private sealed class RecordingCompilationStartContext(ActionShape shape, Compilation compilation, AnalyzerOptions options)
        : CompilationStartAnalysisContext(compilation, options, CancellationToken.None)
    {
        public List<(Action<SymbolStartAnalysisContext> Action, SymbolKind Kind)> SymbolStartActions { get; } = new();

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => shape.CompilationEnd = true;

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => shape.SemanticModel = true;

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Single(symbolKinds, shape.Symbols);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind)
        {
            shape.SymbolStarts.Add(symbolKind);
            SymbolStartActions.Add((action, symbolKind));
        }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported("code-block start actions");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported("code-block actions");

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unsupported("operation-block start actions");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => shape.OperationBlock = true;

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => shape.SyntaxTree = true;

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => AddSyntaxKinds(shape, syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Single(operationKinds, shape.Operations);
    }

    // The public constructor is obsolete for hosts that run analyzers; this context only records what is registered.
#pragma warning disable CS0618
    private sealed class RecordingSymbolStartContext(ActionShape shape, ISymbol symbol, Compilation compilation, AnalyzerOptions options)
        : SymbolStartAnalysisContext(symbol, compilation, options, CancellationToken.None)
#pragma warning restore CS0618
    {
        public override void RegisterSymbolEndAction(Action<SymbolAnalysisContext> action) => shape.SymbolEnd = true;

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported("code-block start actions");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported("code-block actions");

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Unsupported("operation-block start actions");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => shape.OperationBlock = true;

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => AddSyntaxKinds(shape, syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Single(operationKinds, shape.SymbolStartOperations);
    }
}

/// <summary>
/// The floor: an analyzer that registers the same kinds of action as the package (<see cref="ActionShape"/>) and does
/// nothing in them, so what it costs is the analyzer driver's own work (events, operation trees, dispatch).
/// </summary>
#pragma warning disable RS1001 // Not loaded from an assembly by a host: constructed with its shape by the benchmark.
internal sealed class NoOpAnalyzer(ActionShape shape) : DiagnosticAnalyzer
#pragma warning restore RS1001
{
    private static readonly DiagnosticDescriptor Never = new(
        "FLOOR0001", "Never reported", "Never reported", "Floor", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics); // as the package
        if (shape.Compilation)
            context.RegisterCompilationAction(static _ => { });
        if (!shape.CompilationStart)
            return;
        context.RegisterCompilationStartAction(start =>
        {
            if (shape.Symbols.Count > 0)
                start.RegisterSymbolAction(static _ => { }, shape.Symbols.ToImmutableArray());
            foreach (var kind in shape.SymbolStarts)
            {
                start.RegisterSymbolStartAction(
                    symbolStart =>
                    {
                        if (shape.SymbolStartOperations.Count > 0)
                            symbolStart.RegisterOperationAction(static _ => { }, shape.SymbolStartOperations.ToImmutableArray());
                        if (shape.SymbolEnd)
                            symbolStart.RegisterSymbolEndAction(static _ => { });
                    },
                    kind);
            }

            if (shape.Operations.Count > 0)
                start.RegisterOperationAction(static _ => { }, shape.Operations.ToImmutableArray());
            if (shape.SyntaxNodes.Count > 0)
                start.RegisterSyntaxNodeAction(static _ => { }, shape.SyntaxNodes.ToImmutableArray());
            if (shape.SyntaxTree)
                start.RegisterSyntaxTreeAction(static _ => { });
            if (shape.SemanticModel)
                start.RegisterSemanticModelAction(static _ => { });
            if (shape.OperationBlock)
                start.RegisterOperationBlockAction(static _ => { });
            if (shape.CompilationEnd)
                start.RegisterCompilationEndAction(static _ => { });
        });
    }
}
