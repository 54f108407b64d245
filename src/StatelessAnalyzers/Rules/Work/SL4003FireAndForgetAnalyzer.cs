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
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SL4003FireAndForgetAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL4003FireAndForget);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
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
        var what = Describe(invocation, symbols);
        if (what is null)
            return;
        var rules = symbols.GetContext(context.Options, invocation.Syntax.SyntaxTree);
        if (!rules.MayReportInfrastructure(invocation) || !IsInRequest(invocation, context.ContainingSymbol, rules))
            return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL4003FireAndForget, SyntaxLocations.InvokedName(invocation.Syntax), what));
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, WellKnownSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!method.IsAsync || !method.ReturnsVoid || method.MethodKind != MethodKind.Ordinary
            || method.Locations.Length == 0 || method.Locations[0].SourceTree is not { } tree)
            return;
        var rules = symbols.GetContext(context.Options, tree);
        if (!rules.InfrastructureRulesApply || !rules.Handlers.IsInRequestHandlingType(method.ContainingType))
            return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL4003FireAndForget, method.Locations[0], $"The async void method '{method.Name}'"));
    }

    /// <summary>What the call starts and drops, for the message; null when it is not fire-and-forget.</summary>
    private static string? Describe(IInvocationOperation invocation, WellKnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type.Is(symbols.ThreadPool) && method.Name is "QueueUserWorkItem" or "UnsafeQueueUserWorkItem")
            return "ThreadPool." + method.Name;
        if (type.Is(symbols.Thread) && method.Name == "Start")
            return "Thread.Start";
        if (!symbols.IsTaskLike(method.ReturnType) || !IsDiscarded(invocation))
            return null;
        if (type.Is(symbols.Task) && method.Name == "Run")
            return "Task.Run";
        if (type.Is(symbols.TaskFactory) && method.Name == "StartNew")
            return "Task.Factory.StartNew";
        return $"The discarded call to '{method.Name}'";
    }

    /// <summary>An expression statement, or an assignment to the discard <c>_</c>: nobody waits for the task.</summary>
    private static bool IsDiscarded(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            operation = parent;
            parent = parent.Parent;
        }
        return parent switch
        {
            IExpressionStatementOperation => true,
            ISimpleAssignmentOperation { Target: IDiscardOperation } assignment => ReferenceEquals(assignment.Value, operation),
            _ => false,
        };
    }

    private static bool IsInRequest(IOperation operation, ISymbol containingSymbol, RuleContext rules) =>
        rules.Handlers.IsInRequestHandlingType(containingSymbol.ContainingType)
        || EndpointHandlers.IsInsideEndpointHandlerLambda(operation, rules.Symbols);
}
