using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Infrastructure;

/// <summary>
/// SL2003: a request-handling type or a singleton holds an in-process cache (<c>IMemoryCache</c>,
/// <c>System.Runtime.Caching.MemoryCache</c>) in a field, property or constructor parameter, or creates one.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SL2003InProcessCacheAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.SL2003InProcessCache, Descriptors.SL2003InProcessCacheCompilationEnd);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebOrWorker || (symbols.IMemoryCache is null && symbols.RuntimeMemoryCache is null))
                return;

            var analysis = new CompilationAnalysis(symbols);
            start.RegisterSymbolStartAction(analysis.OnTypeStart, SymbolKind.NamedType);
            start.RegisterOperationAction(analysis.Singletons.Record, OperationKind.Invocation);
            start.RegisterCompilationEndAction(analysis.OnCompilationEnd);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly WellKnownSymbols symbols;

        // Findings in types that are not request-handling types: reported at the end if the type is a singleton.
        private readonly ConcurrentBag<(INamedTypeSymbol Type, Location Location, string Name)> pending = new();

        public CompilationAnalysis(WellKnownSymbols symbols)
        {
            this.symbols = symbols;
            Singletons = new SingletonRegistry(symbols);
        }

        public SingletonRegistry Singletons { get; }

        public void OnTypeStart(SymbolStartAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (type.TypeKind != TypeKind.Class || type.Locations.Length == 0 || type.Locations[0].SourceTree is not { } tree)
                return;
            var rules = symbols.GetContext(context.Options, tree);
            if (!rules.InfrastructureRulesApply)
                return;

            // Fields and properties first; a constructor parameter only when no member holds a cache (no double report).
            var findings = new List<(Location Location, string Name)>();
            var cacheMembers = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var member in type.GetMembers())
            {
                if (member.IsImplicitlyDeclared || member is not (IFieldSymbol or IPropertySymbol) || !IsCacheType(MemberFacts.GetMemberType(member)))
                    continue;
                cacheMembers.Add(member);
                findings.Add((member.Locations[0], member.Name));
            }
            if (findings.Count == 0)
            {
                foreach (var constructor in type.InstanceConstructors)
                {
                    foreach (var parameter in constructor.Parameters)
                    {
                        if (IsCacheType(parameter.Type) && parameter.Locations.Length > 0 && parameter.Locations[0].IsInSource)
                            findings.Add((parameter.Locations[0], parameter.Name));
                    }
                }
            }

            var created = new ConcurrentBag<(Location Location, string Name)>();
            if (symbols.RuntimeMemoryCache is not null || symbols.IMemoryCache is not null)
            {
                context.RegisterOperationAction(
                    operationContext =>
                    {
                        // Every object creation and property reference of the type comes here: the cheap type test
                        // goes first, the walk up to a development guard only for a cache.
                        var operation = operationContext.Operation;
                        var name = operation switch
                        {
                            IObjectCreationOperation creation when IsCacheType(creation.Type) => creation.Type!.Name,
                            IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Default" } property }
                                when property.ContainingType.Is(symbols.RuntimeMemoryCache) => "MemoryCache.Default",
                            _ => null,
                        };
                        if (name is null || InitializesCacheMember(operation, cacheMembers) || DevelopmentGuards.IsGuarded(operation, rules.Options))
                            return;
                        created.Add((operation.Syntax.GetLocation(), name));
                    },
                    OperationKind.ObjectCreation,
                    OperationKind.PropertyReference);
            }

            context.RegisterSymbolEndAction(endContext =>
            {
                findings.AddRange(created);
                if (findings.Count == 0)
                    return;
                if (rules.Handlers.IsRequestHandlingType(type))
                {
                    foreach (var (location, name) in findings)
                        endContext.ReportDiagnostic(Diagnostic.Create(Descriptors.SL2003InProcessCache, location, name, type.Name));
                    return;
                }
                foreach (var (location, name) in findings)
                    pending.Add((type, location, name));
            });
        }

        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            foreach (var (type, location, name) in pending)
            {
                if (Singletons.Contains(type))
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL2003InProcessCacheCompilationEnd, location, name, type.Name));
            }
        }

        private bool IsCacheType(ITypeSymbol? type)
        {
            return type is not null && type.TypeKind != TypeKind.Error
                && (type.IsOrImplements(symbols.IMemoryCache) || type.IsOrDerivesFrom(symbols.RuntimeMemoryCache));
        }

        /// <summary>True for the initializer of a member that is reported itself (one finding per construct).</summary>
        private static bool InitializesCacheMember(IOperation operation, HashSet<ISymbol> cacheMembers)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IFieldInitializerOperation fieldInitializer:
                        foreach (var field in fieldInitializer.InitializedFields)
                        {
                            if (cacheMembers.Contains(field))
                                return true;
                        }
                        return false;
                    case IPropertyInitializerOperation propertyInitializer:
                        foreach (var property in propertyInitializer.InitializedProperties)
                        {
                            if (cacheMembers.Contains(property))
                                return true;
                        }
                        return false;
                    case ISimpleAssignmentOperation { Target: IMemberReferenceOperation target }
                        when cacheMembers.Contains(target.Member):
                        return true;
                }
            }
            return false;
        }
    }
}
