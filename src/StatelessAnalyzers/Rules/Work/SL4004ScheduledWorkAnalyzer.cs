using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Work;

/// <summary>
/// SL4004: a hosted service (<c>BackgroundService</c>, <c>IHostedService</c>) loops on <c>PeriodicTimer</c> or
/// <c>Task.Delay</c>, or creates a <c>System.Threading.Timer</c>/<c>System.Timers.Timer</c>: every replica runs it.
/// Reported once per type, on its name.
/// </summary>
public sealed class SL4004ScheduledWorkAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL4004ScheduledWork);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebOrWorker || symbols.IHostedService is null)
                return;
            start.RegisterSymbolStartAction(context => OnTypeStart(context, symbols), SymbolKind.NamedType);
        });
    }

    private static void OnTypeStart(SymbolStartAnalysisContext context, WellKnownSymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || !symbols.IsHostedService(type)
            || type.Locations.Length == 0 || type.Locations[0].SourceTree is not { } tree)
            return;
        var rules = symbols.GetContext(context.Options, tree);
        if (!rules.InfrastructureRulesApply)
            return;

        // The first schedule found names the mechanism in the message; one finding per type.
        string? mechanism = null;
        context.RegisterOperationAction(
            operationContext =>
            {
                var found = Describe(operationContext.Operation, symbols);
                if (found is not null && !DevelopmentGuards.IsGuarded(operationContext.Operation, rules.Options))
                    Interlocked.CompareExchange(ref mechanism, found, null);
            },
            OperationKind.Invocation,
            OperationKind.ObjectCreation);

        context.RegisterSymbolEndAction(endContext =>
        {
            if (Volatile.Read(ref mechanism) is { } what)
                endContext.ReportDiagnostic(Diagnostic.Create(Descriptors.SL4004ScheduledWork, type.Locations[0], type.Name, what));
        });
    }

    private static string? Describe(IOperation operation, WellKnownSymbols symbols)
    {
        switch (operation)
        {
            case IObjectCreationOperation creation when creation.Type.Is(symbols.ThreadingTimer):
                return "System.Threading.Timer";
            case IObjectCreationOperation creation when creation.Type.Is(symbols.TimersTimer):
                return "System.Timers.Timer";
            case IInvocationOperation invocation when IsInLoop(invocation):
                var method = invocation.TargetMethod;
                if (method.Name == "WaitForNextTickAsync" && method.ContainingType.Is(symbols.PeriodicTimer))
                    return "PeriodicTimer";
                if (method.Name == "Delay" && method.ContainingType.Is(symbols.Task))
                    return "Task.Delay in a loop";
                return null;
            default:
                return null;
        }
    }

    private static bool IsInLoop(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is ILoopOperation)
                return true;
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                return false;
        }
        return false;
    }
}
