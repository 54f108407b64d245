using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatelessAnalyzers.Hosting;

/// <summary>
/// What one rule registered in its <see cref="DiagnosticAnalyzer.Initialize"/>: its compilation-start and compilation
/// actions, with its descriptors (to tell whether the rule is turned off) and the settings it asked for.
/// </summary>
internal sealed class RuleRegistration
{
    private RuleRegistration(
        DiagnosticAnalyzer rule,
        ImmutableArray<Action<CompilationStartAnalysisContext>> compilationStartActions,
        ImmutableArray<Action<CompilationAnalysisContext>> compilationActions,
        bool concurrentExecution,
        GeneratedCodeAnalysisFlags? generatedCodeAnalysis)
    {
        Rule = rule;
        Descriptors = rule.SupportedDiagnostics;
        CompilationStartActions = compilationStartActions;
        CompilationActions = compilationActions;
        ConcurrentExecution = concurrentExecution;
        GeneratedCodeAnalysis = generatedCodeAnalysis;
    }

    public DiagnosticAnalyzer Rule { get; }

    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

    public ImmutableArray<Action<CompilationStartAnalysisContext>> CompilationStartActions { get; }

    public ImmutableArray<Action<CompilationAnalysisContext>> CompilationActions { get; }

    /// <summary>Whether the rule called <see cref="AnalysisContext.EnableConcurrentExecution"/> (the host always does).</summary>
    public bool ConcurrentExecution { get; }

    /// <summary>What the rule passed to <see cref="AnalysisContext.ConfigureGeneratedCodeAnalysis"/> (the host passes ReportDiagnostics: see <see cref="Core.GeneratedCode"/>).</summary>
    public GeneratedCodeAnalysisFlags? GeneratedCodeAnalysis { get; }

    /// <summary>Runs each rule's <see cref="DiagnosticAnalyzer.Initialize"/> against a context that records what it registers.</summary>
    public static ImmutableArray<RuleRegistration> Record(ImmutableArray<DiagnosticAnalyzer> rules)
    {
        var registrations = ImmutableArray.CreateBuilder<RuleRegistration>(rules.Length);
        foreach (var rule in rules)
        {
            var recorder = new Recorder();
            rule.Initialize(recorder);
            registrations.Add(new RuleRegistration(
                rule,
                recorder.CompilationStartActions.ToImmutable(),
                recorder.CompilationActions.ToImmutable(),
                recorder.ConcurrentExecution,
                recorder.GeneratedCodeAnalysis));
        }
        return registrations.MoveToImmutable();
    }

    /// <summary>
    /// The context a rule initialises against. Rules register their work in compilation-start actions (and SL9001 a
    /// compilation action); any other registration at this level is refused, so that every rule can be turned off
    /// per compilation and its callbacks shared.
    /// </summary>
    private sealed class Recorder : AnalysisContext
    {
        public ImmutableArray<Action<CompilationStartAnalysisContext>>.Builder CompilationStartActions { get; } =
            ImmutableArray.CreateBuilder<Action<CompilationStartAnalysisContext>>();

        public ImmutableArray<Action<CompilationAnalysisContext>>.Builder CompilationActions { get; } =
            ImmutableArray.CreateBuilder<Action<CompilationAnalysisContext>>();

        public bool ConcurrentExecution { get; private set; }

        public GeneratedCodeAnalysisFlags? GeneratedCodeAnalysis { get; private set; }

        public override void EnableConcurrentExecution() => ConcurrentExecution = true;

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCodeAnalysis = analysisMode;

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStartActions.Add(action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => CompilationActions.Add(action);

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Refused();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Refused();

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => throw Refused();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Refused();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Refused();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Refused();

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => throw Refused();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Refused();

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Refused();

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => throw Refused();

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => throw Refused();

        private static NotSupportedException Refused() =>
            new("A StatelessAnalyzers rule registers its actions in a compilation-start action (or a compilation action), where the host can share them.");
    }
}
