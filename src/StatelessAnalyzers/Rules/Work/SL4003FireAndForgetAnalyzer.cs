using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Work;

/// <summary>
/// SL4003: a request-handling type or an endpoint handler starts work it does not await: <c>Task.Run</c>,
/// <c>Task.Factory.StartNew</c>, <c>ThreadPool.QueueUserWorkItem</c>, <c>Thread.Start</c>, a discarded
/// <c>Task</c>/<c>ValueTask</c>, or an <c>async void</c> method.
/// </summary>
public sealed class SL4003FireAndForgetAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL4003FireAndForget);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebProject || symbols.Task is null)
                return; // request-handling types and endpoint handlers exist only in web projects

            start.RegisterOperationAction(context => AnalyzeInvocation(context, symbols), OperationKind.Invocation);
            start.RegisterSymbolAction(context => AnalyzeMethod(context, symbols), SymbolKind.Method);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, WellKnownSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var kind = Classify(invocation, symbols);
        if (kind == StartKind.None)
            return;
        var rules = symbols.GetContext(context.Options, invocation.Syntax.SyntaxTree);
        if (!rules.MayReportInfrastructure(invocation) || !IsInRequest(invocation, context.ContainingSymbol, rules))
            return;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SL4003FireAndForget, SyntaxLocations.InvokedName(invocation.Syntax), Describe(kind, invocation.TargetMethod)));
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, WellKnownSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!method.IsAsync || !method.ReturnsVoid || method.MethodKind != MethodKind.Ordinary
            || method.FirstSourceTree() is not { } tree)
            return;
        var rules = symbols.GetContext(context.Options, tree);
        if (!rules.InfrastructureRulesApply || !rules.Handlers.IsInRequestHandlingType(method.ContainingType))
            return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL4003FireAndForget, method.Locations[0], $"The async void method '{method.Name}'"));
    }

    private enum StartKind
    {
        None,
        ThreadPool,
        ThreadStart,
        TaskRun,
        StartNew,
        DiscardedTask,
    }

    /// <summary>What the call starts and drops; None when it is not fire-and-forget. Every invocation comes here.</summary>
    private static StartKind Classify(IInvocationOperation invocation, WellKnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        var name = method.Name;
        if (name is "QueueUserWorkItem" or "UnsafeQueueUserWorkItem" && method.ContainingType.Is(symbols.ThreadPool))
            return StartKind.ThreadPool;
        if (name == "Start" && method.ContainingType.Is(symbols.Thread))
            return StartKind.ThreadStart;
        // The parent's kind first: most calls are used, and a used call is never fire-and-forget.
        if (!IsDiscarded(invocation) || method.ReturnsVoid || !symbols.IsTaskLike(method.ReturnType))
            return StartKind.None;
        if (name == "Run" && method.ContainingType.Is(symbols.Task))
            return StartKind.TaskRun;
        if (name == "StartNew" && method.ContainingType.Is(symbols.TaskFactory))
            return StartKind.StartNew;
        return StartKind.DiscardedTask;
    }

    /// <summary>What the call starts and drops, for the message.</summary>
    private static string Describe(StartKind kind, IMethodSymbol method) => kind switch
    {
        StartKind.ThreadPool => "ThreadPool." + method.Name,
        StartKind.ThreadStart => "Thread.Start",
        StartKind.TaskRun => "Task.Run",
        StartKind.StartNew => "Task.Factory.StartNew",
        _ => $"The discarded call to '{method.Name}'",
    };

    /// <summary>An expression statement, or an assignment to the discard <c>_</c>: nobody waits for the task.</summary>
    private static bool IsDiscarded(IOperation operation)
    {
        // By kind, not by interface: every call of the compilation comes here, and each interface test is a search.
        var parent = operation.Parent;
        while (parent is { Kind: OperationKind.Conversion, IsImplicit: true })
        {
            operation = parent;
            parent = parent.Parent;
        }
        return parent?.Kind switch
        {
            OperationKind.ExpressionStatement => true,
            OperationKind.SimpleAssignment => parent is ISimpleAssignmentOperation { Target.Kind: OperationKind.Discard } assignment
                && ReferenceEquals(assignment.Value, operation),
            _ => false,
        };
    }

    private static bool IsInRequest(IOperation operation, ISymbol containingSymbol, RuleContext rules) =>
        rules.Handlers.IsInRequestHandlingType(containingSymbol.ContainingType)
        || EndpointHandlers.IsInsideEndpointHandlerLambda(operation, rules.Symbols);
}
