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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebOrWorker)
                return;
            // The libraries' types are resolved when a call or creation of a matching name first needs them.
            var apis = new Apis(symbols);

            start.RegisterInvocationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    if (!apis.IsInMemoryStoreCall(invocation.TargetMethod))
                        return;
                    Report(operationContext, invocation, SyntaxLocations.InvokedName(invocation.Syntax), invocation.TargetMethod.Name);
                },
                new[] { "UseInMemoryStorage", "UseMemoryStorage", "UseInMemoryStore", "UsingInMemory", "CreateUsingInMemory" });

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
        private readonly LazyType hangfireMemoryStorage;
        private readonly LazyType hangfireInMemoryStorage;
        private readonly LazyType quartzConfigurator;
        private readonly LazyType quartzSchedulerBuilder;
        private readonly LazyType massTransitInMemory;
        private readonly LazyType hangfireConfiguration;

        public Apis(WellKnownSymbols symbols)
        {
            hangfireConfiguration = new LazyType(symbols, "Hangfire.IGlobalConfiguration");
            hangfireMemoryStorage = new LazyType(symbols, "Hangfire.MemoryStorage.MemoryStorage");
            hangfireInMemoryStorage = new LazyType(symbols, "Hangfire.InMemory.InMemoryStorage");
            quartzConfigurator = new LazyType(symbols, "Quartz.IServiceCollectionQuartzConfigurator");
            quartzSchedulerBuilder = new LazyType(symbols, "Quartz.SchedulerBuilder");
            // Resolved now: it decides whether every literal of the compilation is looked at.
            RamJobStore = symbols.Get(RamJobStoreName);
            massTransitInMemory = new LazyType(symbols, "MassTransit.InMemoryConfigurationExtensions");
        }

        public INamedTypeSymbol? RamJobStore { get; }

        // Found at the first creation (resolving the types once); a race only finds them twice.
        private volatile StoreTypes storeTypes;

        private enum StoreTypes
        {
            Unknown,
            None,
            Sealed,
            Unsealed,
        }

        private StoreTypes FindStoreTypes()
        {
            var found = StoreTypes.None;
            foreach (var store in new[] { hangfireMemoryStorage.Value, hangfireInMemoryStorage.Value, RamJobStore })
            {
                if (store is null)
                    continue;
                if (!store.IsSealed)
                    return StoreTypes.Unsealed;
                found = StoreTypes.Sealed;
            }
            return found;
        }

        public bool IsInMemoryStoreCall(IMethodSymbol method)
        {
            switch (method.Name)
            {
                case "UseInMemoryStorage" or "UseMemoryStorage":
                    // Hangfire.InMemory and Hangfire.MemoryStorage both name their class GlobalConfigurationExtensions:
                    // recognised as an extension of Hangfire's IGlobalConfiguration.
                    return method.ExtensionReceiverType().IsOrImplements(hangfireConfiguration.Value);
                case "UseInMemoryStore":
                    return method.ContainingType is { } type
                        && (type.Is(quartzSchedulerBuilder.Value) || type.IsOrImplements(quartzConfigurator.Value));
                case "UsingInMemory" or "CreateUsingInMemory":
                    return method.ContainingType.Is(massTransitInMemory.Value);
            }
            return false;
        }

        public bool IsInMemoryStoreType(INamedTypeSymbol type)
        {
            // Every object creation comes here. Without the libraries no creation is one; when every store type the
            // references have is sealed, only the created type itself is compared, and no base type is read.
            var stores = storeTypes;
            if (stores == StoreTypes.Unknown)
                storeTypes = stores = FindStoreTypes();
            if (stores == StoreTypes.None)
                return false;
            for (var current = type; current is not null; current = stores == StoreTypes.Unsealed ? current.BaseType : null)
            {
                switch (current.Name)
                {
                    case "MemoryStorage" when current.Is(hangfireMemoryStorage.Value):
                    case "InMemoryStorage" when current.Is(hangfireInMemoryStorage.Value):
                    case "RAMJobStore" when current.Is(RamJobStore):
                        return true;
                }
            }
            return false;
        }
    }
}
