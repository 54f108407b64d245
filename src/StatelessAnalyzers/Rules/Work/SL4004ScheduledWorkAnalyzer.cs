using System.Collections.Concurrent;
using System.Collections.Immutable;
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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebOrWorker || symbols.IHostedService is null)
                return;

            // A schedule is a call or a creation of a few names: the host finds them by name, and only then is the class
            // whose member holds it asked whether it is a hosted service. One finding per class, naming the first
            // schedule found.
            var reported = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
            start.RegisterInvocationAction(context => OnSchedule(context, symbols, reported), new[] { "WaitForNextTickAsync", "Delay" });
            start.RegisterObjectCreationAction(context => OnSchedule(context, symbols, reported), new[] { "Timer" });
        });
    }

    private static void OnSchedule(OperationAnalysisContext context, WellKnownSymbols symbols, ConcurrentDictionary<ISymbol, bool> reported)
    {
        if (Describe(context.Operation, symbols) is not { } mechanism
            || context.ContainingSymbol is not { } member
            || (member as INamedTypeSymbol ?? member.ContainingType) is not { TypeKind: TypeKind.Class, IsAbstract: false } type
            || type.FirstSourceTree() is not { } tree
            || !symbols.IsHostedService(type))
            return;
        var rules = symbols.GetContext(context.Options, tree);
        if (!rules.InfrastructureRulesApply || DevelopmentGuards.IsGuarded(context.Operation, rules.Options))
            return;
        if (reported.TryAdd(type.OriginalDefinition, true))
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL4004ScheduledWork, type.Locations[0], type.Name, mechanism));
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
