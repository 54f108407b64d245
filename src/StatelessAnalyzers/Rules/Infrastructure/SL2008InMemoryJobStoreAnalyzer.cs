using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Infrastructure;

/// <summary>
/// SL2008: a job scheduler or message bus that keeps its jobs or messages in process memory: Hangfire
/// <c>UseInMemoryStorage</c>/<c>UseMemoryStorage</c>/<c>MemoryStorage</c>, Quartz <c>UseInMemoryStore</c>/<c>RAMJobStore</c>,
/// MassTransit <c>UsingInMemory</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SL2008InMemoryJobStoreAnalyzer : DiagnosticAnalyzer
{
    private const string RamJobStoreName = "Quartz.Simpl.RAMJobStore";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL2008InMemoryJobStore);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebOrWorker)
                return;
            var apis = new Apis(symbols);
            if (!apis.AnyResolved)
                return;

            start.RegisterOperationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    if (!apis.IsInMemoryStoreCall(invocation.TargetMethod))
                        return;
                    Report(operationContext, invocation, SyntaxLocations.InvokedName(invocation.Syntax), invocation.TargetMethod.Name);
                },
                OperationKind.Invocation);

            start.RegisterOperationAction(
                operationContext =>
                {
                    var creation = (IObjectCreationOperation)operationContext.Operation;
                    if (creation.Type is not INamedTypeSymbol type || !apis.IsInMemoryStoreType(type))
                        return;
                    var location = creation.Syntax is ObjectCreationExpressionSyntax { Type: { } typeSyntax } ? typeSyntax.GetLocation() : creation.Syntax.GetLocation();
                    Report(operationContext, creation, location, type.Name);
                },
                OperationKind.ObjectCreation);

            if (apis.RamJobStore is not null)
            {
                // Quartz configured through properties: ["quartz.jobStore.type"] = "Quartz.Simpl.RAMJobStore, Quartz".
                start.RegisterOperationAction(
                    operationContext =>
                    {
                        var literal = (ILiteralOperation)operationContext.Operation;
                        if (literal.ConstantValue is { HasValue: true, Value: string text }
                            && text.StartsWith(RamJobStoreName, StringComparison.Ordinal)
                            && (text.Length == RamJobStoreName.Length || text[RamJobStoreName.Length] == ','))
                            Report(operationContext, literal, literal.Syntax.GetLocation(), "RAMJobStore");
                    },
                    OperationKind.Literal);
            }

            void Report(OperationAnalysisContext operationContext, IOperation operation, Location location, string name)
            {
                if (symbols.GetContext(operationContext.Options, operation.Syntax.SyntaxTree).MayReportInfrastructure(operation))
                    operationContext.ReportDiagnostic(Diagnostic.Create(Descriptors.SL2008InMemoryJobStore, location, name));
            }
        });
    }

    private sealed class Apis
    {
        private readonly INamedTypeSymbol? hangfireMemoryStorage;
        private readonly INamedTypeSymbol? hangfireInMemoryStorage;
        private readonly INamedTypeSymbol? quartzConfigurator;
        private readonly INamedTypeSymbol? quartzSchedulerBuilder;
        private readonly INamedTypeSymbol? massTransitInMemory;
        private readonly INamedTypeSymbol? hangfireConfiguration;

        public Apis(WellKnownSymbols symbols)
        {
            hangfireConfiguration = symbols.Get("Hangfire.IGlobalConfiguration");
            hangfireMemoryStorage = symbols.Get("Hangfire.MemoryStorage.MemoryStorage");
            hangfireInMemoryStorage = symbols.Get("Hangfire.InMemory.InMemoryStorage");
            quartzConfigurator = symbols.Get("Quartz.IServiceCollectionQuartzConfigurator");
            quartzSchedulerBuilder = symbols.Get("Quartz.SchedulerBuilder");
            RamJobStore = symbols.Get(RamJobStoreName);
            massTransitInMemory = symbols.Get("MassTransit.InMemoryConfigurationExtensions");
        }

        public INamedTypeSymbol? RamJobStore { get; }

        public bool AnyResolved => hangfireConfiguration is not null || hangfireMemoryStorage is not null || hangfireInMemoryStorage is not null
            || quartzConfigurator is not null || quartzSchedulerBuilder is not null || RamJobStore is not null || massTransitInMemory is not null;

        public bool IsInMemoryStoreCall(IMethodSymbol method)
        {
            switch (method.Name)
            {
                case "UseInMemoryStorage" or "UseMemoryStorage":
                    // Hangfire.InMemory and Hangfire.MemoryStorage both name their class GlobalConfigurationExtensions:
                    // recognised as an extension of Hangfire's IGlobalConfiguration.
                    var definition = method.ReducedFrom ?? method;
                    return definition.IsExtensionMethod && definition.Parameters.Length > 0
                        && definition.Parameters[0].Type.OriginalDefinition is INamedTypeSymbol receiver
                        && receiver.IsOrImplements(hangfireConfiguration);
                case "UseInMemoryStore":
                    return method.ContainingType is { } type
                        && (type.Is(quartzSchedulerBuilder) || type.IsOrImplements(quartzConfigurator));
                case "UsingInMemory" or "CreateUsingInMemory":
                    return method.ContainingType.Is(massTransitInMemory);
            }
            return false;
        }

        public bool IsInMemoryStoreType(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.Is(hangfireMemoryStorage) || current.Is(hangfireInMemoryStorage) || current.Is(RamJobStore))
                    return true;
            }
            return false;
        }
    }
}
