using System.Collections.Concurrent;
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
/// <remarks>
/// Symbol actions look at each field, property and instance constructor, and a compilation-wide operation action at
/// every object creation and property reference: both ask first whether a type is a cache, answered once per type
/// definition, and no class's member list is read. A creation counts for the class whose member
/// contains it. Findings in request-handling types are reported at once, the others at compilation end when their
/// class is a singleton.
/// </remarks>
public sealed class SL2003InProcessCacheAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.SL2003InProcessCache, Descriptors.SL2003InProcessCacheCompilationEnd);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebOrWorker || (symbols.IMemoryCache is null && symbols.RuntimeMemoryCache is null))
                return;

            var analysis = new CompilationAnalysis(symbols);
            start.RegisterSymbolAction(analysis.OnMember, SymbolKind.Field, SymbolKind.Property);
            start.RegisterSymbolAction(analysis.OnMethod, SymbolKind.Method);
            start.RegisterOperationAction(analysis.OnCreationOrProperty, OperationKind.ObjectCreation);
            if (symbols.RuntimeMemoryCache is not null)
            {
                // MemoryCache.Default: property references are many, so they are looked at only when the type exists.
                start.RegisterOperationAction(analysis.OnCreationOrProperty, OperationKind.PropertyReference);
            }
            analysis.Singletons.RegisterWith(start);
            start.RegisterCompilationEndAction(analysis.OnCompilationEnd);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly WellKnownSymbols symbols;

        // Findings in types that are not request-handling types: reported at the end if the type is a singleton.
        private readonly ConcurrentBag<(INamedTypeSymbol Type, Location Location, string Name)> pending = new();

        // IsCacheType by original definition: the same few hundred types recur in every constructor, field and
        // creation, so nearly every call is a lookup.
        private readonly IdentityMap<ISymbol, bool> cacheTypes = new(capacity: 1024);

        public CompilationAnalysis(WellKnownSymbols symbols)
        {
            this.symbols = symbols;
            Singletons = new SingletonRegistry(symbols);
        }

        public SingletonRegistry Singletons { get; }

        /// <summary>A field or property of a class: reported when its type is a cache.</summary>
        public void OnMember(SymbolAnalysisContext context)
        {
            // Every field and property of the compilation comes here. The class first: an enum's members and those of
            // interfaces and structs go no further, and the members of a class come one after another, so its symbol
            // is at hand where the member's type is not. Whether the class handles requests is asked only for a cache:
            // classifying every class would cost more than reading every member's type.
            var member = context.Symbol;
            if (member.IsImplicitlyDeclared || member.ContainingType is not { TypeKind: TypeKind.Class, IsImplicitlyDeclared: false } type
                || !IsCacheType(MemberFacts.GetMemberType(member)))
                return;
            Report(context, type, member.Locations[0], member.Name);
        }

        /// <summary>
        /// An instance constructor of a class (the primary one included): its cache parameters, when no field or property
        /// of the class holds a cache (that member is the finding; one finding per construct).
        /// </summary>
        public void OnMethod(SymbolAnalysisContext context)
        {
            // Every method of the compilation comes here: the kind of method decides before its parameters are read.
            if (context.Symbol is not IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false } constructor
                || constructor.ContainingType is not { TypeKind: TypeKind.Class, IsImplicitlyDeclared: false } type)
                return;
            var checkedMembers = false;
            foreach (var parameter in constructor.Parameters)
            {
                if (!IsCacheType(parameter.Type) || parameter.Locations.Length == 0 || !parameter.Locations[0].IsInSource)
                    continue;
                if (!checkedMembers)
                {
                    if (HasCacheMember(type))
                        return;
                    checkedMembers = true;
                }
                Report(context, type, parameter.Locations[0], parameter.Name);
            }
        }

        private void Report(SymbolAnalysisContext context, INamedTypeSymbol type, Location location, string name)
        {
            if (GetRules(type, context.Options) is not { } rules)
                return;
            if (rules.Handlers.IsRequestHandlingType(type))
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL2003InProcessCache, location, name, type.Name));
            else
                pending.Add((type, location, name));
        }

        /// <summary>True when the class declares a field or property of a cache type (read only for a constructor with a cache parameter).</summary>
        private bool HasCacheMember(INamedTypeSymbol type)
        {
            foreach (var member in type.GetMembers())
            {
                if (IsCacheMember(member, type))
                    return true;
            }
            return false;
        }

        /// <summary>
        /// Every object creation and property reference of the compilation: the cheap type test goes first, the
        /// classes that own the operation and the walk up to a development guard only for a cache.
        /// </summary>
        public void OnCreationOrProperty(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            var name = operation switch
            {
                IObjectCreationOperation creation when IsCacheType(creation.Type) => creation.Type!.Name,
                IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Default" } property }
                    when property.ContainingType.Is(symbols.RuntimeMemoryCache) => "MemoryCache.Default",
                _ => null,
            };
            if (name is null || context.ContainingSymbol is not { IsImplicitlyDeclared: false } containingSymbol)
                return;

            // The creation belongs to the class whose member holds it (not to a class that one is nested in).
            var type = containingSymbol as INamedTypeSymbol ?? containingSymbol.ContainingType;
            if (type is null || type.TypeKind != TypeKind.Class || type.IsImplicitlyDeclared || GetRules(type, context.Options) is not { } rules
                || InitializesCacheMember(operation, type) || DevelopmentGuards.IsGuarded(operation, rules.Options))
                return;
            var location = operation.Syntax.GetLocation();
            if (rules.Handlers.IsRequestHandlingType(type))
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL2003InProcessCache, location, name, type.Name));
            else
                pending.Add((type, location, name));
        }

        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            foreach (var (type, location, name) in pending)
            {
                if (Singletons.Contains(type))
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL2003InProcessCacheCompilationEnd, location, name, type.Name));
            }
        }

        /// <summary>The rules configured for the first declaration of <paramref name="type"/>, when the family applies there.</summary>
        private RuleContext? GetRules(INamedTypeSymbol type, AnalyzerOptions options)
        {
            if (type.FirstSourceTree() is not { } tree)
                return null;
            var rules = symbols.GetContext(options, tree);
            return rules.InfrastructureRulesApply ? rules : null;
        }

        /// <summary>
        /// True for IMemoryCache and its implementations, MemoryCache and its subclasses. Asked for every member,
        /// constructor parameter and creation: special types, enums and arrays answer at once, the others once per
        /// type definition.
        /// </summary>
        private bool IsCacheType(ITypeSymbol? type)
        {
            if (type is null || type.SpecialType != SpecialType.None
                || type.TypeKind is not (TypeKind.Class or TypeKind.Interface or TypeKind.Struct or TypeKind.TypeParameter))
                return false;
            var definition = type.OriginalDefinition;
            return cacheTypes.TryGetValue(definition, out var known) ? known : cacheTypes.GetOrAdd(definition, Classify(definition));
        }

        /// <summary>Whether a type definition is a cache: IMemoryCache or an implementation of it, or a MemoryCache.</summary>
        private bool Classify(ITypeSymbol definition) =>
            definition.IsOrImplements(symbols.IMemoryCache)
            || (symbols.RuntimeMemoryCache is { } runtimeCache && definition.IsOrDerivesFrom(runtimeCache));

        /// <summary>
        /// True for the initializer of a member of <paramref name="type"/> that is reported itself (one finding per
        /// construct).
        /// </summary>
        private bool InitializesCacheMember(IOperation operation, INamedTypeSymbol type)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IFieldInitializerOperation fieldInitializer:
                        foreach (var field in fieldInitializer.InitializedFields)
                        {
                            if (IsCacheMember(field, type))
                                return true;
                        }
                        return false;
                    case IPropertyInitializerOperation propertyInitializer:
                        foreach (var property in propertyInitializer.InitializedProperties)
                        {
                            if (IsCacheMember(property, type))
                                return true;
                        }
                        return false;
                    case ISimpleAssignmentOperation { Target: IMemberReferenceOperation target }
                        when IsCacheMember(target.Member, type):
                        return true;
                }
            }
            return false;
        }

        /// <summary>A field or property that <paramref name="type"/> declares, of a cache type: the members reported themselves.</summary>
        private bool IsCacheMember(ISymbol? member, INamedTypeSymbol type) =>
            member is IFieldSymbol or IPropertySymbol
            && !member.IsImplicitlyDeclared
            && SymbolEqualityComparer.Default.Equals(member.ContainingType, type)
            && IsCacheType(MemberFacts.GetMemberType(member));
    }
}
