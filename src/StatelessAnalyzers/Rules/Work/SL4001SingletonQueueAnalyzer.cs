using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Work;

/// <summary>
/// SL4001: a singleton registration whose service or implementation type is an in-memory queue, or a class with an
/// instance field of one (the <c>BackgroundTaskQueue</c> read by a <c>QueuedHostedService</c>). Reported at the registration.
/// </summary>
public sealed class SL4001SingletonQueueAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL4001SingletonQueue);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebOrWorker || symbols.IServiceCollection is null || symbols.QueueTypes.IsEmpty)
                return;
            start.RegisterInvocationAction(context => Analyze(context, symbols), ServiceRegistrations.SingletonMethodNames, configuredSingletonMethods: true);
        });
    }

    private static void Analyze(OperationAnalysisContext context, WellKnownSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var options = symbols.GetOptions(context.Options, invocation.Syntax.SyntaxTree);
        if (ServiceRegistrations.TryRead(invocation, symbols, options) is not { Lifetime: ServiceLifetime.Singleton } registration)
            return;
        var rules = symbols.GetContext(options);
        if (!rules.MayReportInfrastructure(invocation))
            return;

        var queueHolder = HoldsQueue(registration.ImplementationType, rules.Types)
            ? registration.ImplementationType
            : HoldsQueue(registration.ServiceType, rules.Types) ? registration.ServiceType : null;
        if (queueHolder is null)
            return;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SL4001SingletonQueue, SyntaxLocations.InvokedName(invocation.Syntax), queueHolder.Name));
    }

    /// <summary>A queue type, or a class with an instance field (or auto-property) of a queue type.</summary>
    private static bool HoldsQueue(ITypeSymbol? type, StateTypeClassifier types)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
            return false;
        if (types.IsQueue(type))
            return true;
        if (type.TypeKind != TypeKind.Class)
            return false;
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsStatic: false } field && types.IsQueue(field.Type))
                return true;
        }
        return false;
    }
}
