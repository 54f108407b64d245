using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Memory;

/// <summary>
/// SL1003: an instance field (or auto-property) of a class registered as a singleton is written outside its
/// constructors, or a readonly mutable collection of it is mutated there. A primary-constructor parameter that
/// the class's members capture is a field the compiler declares, and counts the same way.
/// </summary>
/// <remarks>
/// The rule looks at the operations that can write (assignments, <c>++</c> and <c>--</c>, calls with their receiver
/// and <c>ref</c> arguments), far fewer than the references they write, and takes the written operands from them
/// (<see cref="WrittenReferences"/>, shared with the static-state rules). For
/// an operand that references a field, property or parameter the cheapest questions come first: is it an instance
/// member of a class of this compilation, is the write in that class's own code (not in a type nested in it). Whether
/// the member can hold state is decided once per member and cached. The writes found are recorded with their class,
/// and the classes are matched against the singleton registrations at compilation end.
/// </remarks>
public sealed class SL1003SingletonStateAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL1003SingletonState);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebOrWorker || symbols.IServiceCollection is null)
                return;
            var analysis = new CompilationAnalysis(symbols, start.Compilation.Assembly);
            analysis.Singletons.RegisterWith(start);
            start.RegisterWrittenReferenceAction(analysis.OnWrittenReference);
            start.RegisterCompilationEndAction(analysis.OnCompilationEnd);
        });
    }

    /// <summary>What a member (or primary-constructor parameter) of a class is, for SL1003: whether its writes make it state.</summary>
    private sealed class Candidate
    {
        public Candidate(INamedTypeSymbol type, bool readOnly, StateTypeClassifier types)
        {
            Type = type;
            ReadOnly = readOnly;
            Types = types;
        }

        /// <summary>The class that declares the member.</summary>
        public INamedTypeSymbol Type { get; }

        /// <summary>True when only a mutation (not a write) makes it state: a readonly mutable collection.</summary>
        public bool ReadOnly { get; }

        /// <summary>The classifiers configured for the class's first declaration.</summary>
        public StateTypeClassifier Types { get; }
    }

    private sealed class CompilationAnalysis
    {
        /// <summary>Stands for "not a candidate" in <see cref="candidates"/> (a null value cannot be cached).</summary>
        private static readonly Candidate NotCandidate = new(null!, false, null!);

        private readonly WellKnownSymbols symbols;
        private readonly IAssemblySymbol assembly;

        // Members and primary-constructor parameters by original definition: what their writes mean.
        private readonly ConcurrentDictionary<ISymbol, Candidate> candidates = new(SymbolEqualityComparer.Default);

        // Member types by type: true for handles, caches, plumbing, queues and flow-local values.
        private readonly ConcurrentDictionary<ITypeSymbol, bool> excludedTypes = new(SymbolEqualityComparer.Default);

        // Members (original definitions) written outside construction, with their class.
        private readonly ConcurrentDictionary<ISymbol, INamedTypeSymbol> changed = new(SymbolEqualityComparer.Default);

        public CompilationAnalysis(WellKnownSymbols symbols, IAssemblySymbol assembly)
        {
            this.symbols = symbols;
            this.assembly = assembly;
            Singletons = new SingletonRegistry(symbols);
        }

        public SingletonRegistry Singletons { get; }

        /// <summary>A reference a write site may change (<see cref="WrittenReferences"/>).</summary>
        public void OnWrittenReference(OperationAnalysisContext context, IOperation reference) => OnReference(reference, context);

        /// <summary>
        /// An operation that may be written or mutated: when it references a field, property or primary-constructor
        /// parameter, <see cref="StateWrites.Classify"/> decides.
        /// </summary>
        private void OnReference(IOperation? operation, OperationAnalysisContext context)
        {
            ISymbol? referenced;
            INamedTypeSymbol? declaringType;
            switch (operation)
            {
                case IFieldReferenceOperation field:
                    referenced = field.Field;
                    declaringType = referenced?.ContainingType;
                    break;
                case IPropertyReferenceOperation property:
                    referenced = property.Property;
                    if (referenced is IPropertySymbol { IsIndexer: true })
                        return;
                    declaringType = referenced?.ContainingType;
                    break;
                case IParameterReferenceOperation parameter:
                    // Only a constructor's parameter can be a primary-constructor parameter a member captures.
                    referenced = parameter.Parameter;
                    if (referenced?.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
                        return;
                    declaringType = constructor.ContainingType;
                    break;
                default:
                    return;
            }
            if (referenced is null || referenced.IsStatic || declaringType is null || declaringType.TypeKind != TypeKind.Class
                || !SymbolEqualityComparer.Default.Equals(declaringType.ContainingAssembly, assembly))
                return;

            // Only the class's own code counts: its members, not those of types nested in it or of other types.
            var containingSymbol = context.ContainingSymbol;
            if (containingSymbol is null || containingSymbol.IsImplicitlyDeclared
                || !IsInside(containingSymbol, declaringType.OriginalDefinition))
                return;

            // Construction first: constructors assign most of a class's fields, and their writes are never state.
            if (IsConstruction(operation, containingSymbol, declaringType))
                return;
            var definition = referenced.OriginalDefinition;
            var candidate = GetCandidate(definition, context.Options, context.CancellationToken);
            if (candidate is null)
                return;
            var kind = StateWrites.Classify(operation, candidate.Types);
            if (kind == WriteKind.None || (candidate.ReadOnly && kind != WriteKind.Mutation))
                return;
            changed.TryAdd(definition, candidate.Type);
        }

        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            foreach (var pair in changed)
            {
                var member = pair.Key;
                var type = pair.Value;
                if (member.Locations.Length > 0 && Singletons.Contains(type)
                    && !GeneratedCode.Contains(member, member.Locations[0], symbols, context.Options, context.CancellationToken))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL1003SingletonState, member.Locations[0], member.Name, type.Name));
                }
            }
        }

        /// <summary>
        /// True when <paramref name="symbol"/> (the owner of an operation) is <paramref name="type"/> or one of its
        /// members. The members of a type nested in it are not: a class's writes are those of its own code.
        /// </summary>
        private static bool IsInside(ISymbol symbol, INamedTypeSymbol type)
        {
            var owner = symbol as INamedTypeSymbol ?? symbol.ContainingType;
            return owner is not null && SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, type);
        }

        /// <summary>The candidate for a member or parameter (an original definition), or null when its writes are not state.</summary>
        private Candidate? GetCandidate(ISymbol definition, AnalyzerOptions options, System.Threading.CancellationToken cancellationToken)
        {
            if (!candidates.TryGetValue(definition, out var candidate))
                candidate = candidates.GetOrAdd(definition, Classify(definition, options, cancellationToken) ?? NotCandidate);
            return ReferenceEquals(candidate, NotCandidate) ? null : candidate;
        }

        private Candidate? Classify(ISymbol definition, AnalyzerOptions options, System.Threading.CancellationToken cancellationToken)
        {
            INamedTypeSymbol? type;
            ITypeSymbol? memberType;
            bool readOnly;
            if (definition is IParameterSymbol parameter)
            {
                // Primary-constructor parameters: writable, and state once a member other than an initializer uses them.
                if (parameter.RefKind != RefKind.None || parameter.ContainingSymbol is not IMethodSymbol constructor)
                    return null;
                type = constructor.ContainingType;
                if (type is null || !SymbolEqualityComparer.Default.Equals(GetPrimaryConstructor(type, cancellationToken), constructor))
                    return null;
                memberType = parameter.Type;
                readOnly = false;
            }
            else
            {
                // Members whose writes make them state: any write for writable members, mutation for readonly collections.
                if (definition.IsStatic || definition.IsImplicitlyDeclared || definition is not (IFieldSymbol or IPropertySymbol)
                    || definition is IFieldSymbol { IsConst: true } || !MemberFacts.HasStorage(definition))
                    return null;
                type = definition.ContainingType;
                memberType = MemberFacts.GetMemberType(definition);
                readOnly = MemberFacts.IsReadOnly(definition);
            }

            if (type is null || type.TypeKind != TypeKind.Class || type.IsStatic || type.IsImplicitlyDeclared
                || type.FirstSourceTree() is not { } tree)
                return null;
            var rules = symbols.GetContext(options, tree);
            if (!rules.InfrastructureRulesApply)
                return null;
            var types = rules.Types;
            if (memberType is null || memberType.TypeKind == TypeKind.Error || IsExcluded(memberType, types))
                return null;
            if (readOnly && !types.IsMutableCollection(memberType))
                return null;
            return new Candidate(type, readOnly, types);
        }

        /// <summary>The constructor declared by a class's parameter list (<c>class C(int x)</c>), if it has one.</summary>
        private static IMethodSymbol? GetPrimaryConstructor(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
        {
            if (type.IsRecord)
                return null; // a record's parameters become properties, which the member rules already see
            foreach (var constructor in type.InstanceConstructors)
            {
                if (constructor.IsImplicitlyDeclared || constructor.Parameters.IsEmpty)
                    continue;
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax)
                        return constructor;
                }
            }
            return null;
        }

        /// <summary>
        /// Handles, cache abstractions (SL2003's), hosted-service plumbing, queues (SL4001's) and flow-local values are
        /// not singleton state.
        /// </summary>
        private bool IsExcluded(ITypeSymbol type, StateTypeClassifier types)
        {
            if (types.IsHandle(type) || types.IsQueue(type) || types.IsFlowLocal(type))
                return true;
            if (!excludedTypes.TryGetValue(type, out var excluded))
                excluded = excludedTypes.GetOrAdd(type, IsPlumbing(type));
            return excluded;
        }

        private bool IsPlumbing(ITypeSymbol type)
        {
            var definition = type.OriginalDefinition;
            return type.IsOrImplements(symbols.IMemoryCache) || type.IsOrImplements(symbols.IDistributedCache)
                || type.IsOrImplements(symbols.IServiceScope) || definition.Is(symbols.HybridCache)
                || definition.Is(symbols.ThreadingTimer) || definition.Is(symbols.TimersTimer) || definition.Is(symbols.PeriodicTimer)
                || definition.Is(symbols.CancellationTokenSource) || symbols.IsTaskLike(type);
        }

        /// <summary>
        /// True in an initializer or an instance constructor of <paramref name="type"/> (the primary one included, for
        /// its base-constructor arguments), outside lambdas.
        /// </summary>
        private static bool IsConstruction(IOperation operation, ISymbol containingSymbol, INamedTypeSymbol type)
        {
            var constructs = containingSymbol switch
            {
                IFieldSymbol { IsStatic: false } => true,
                IPropertySymbol { IsStatic: false } => true,
                IMethodSymbol { MethodKind: MethodKind.Constructor } constructor =>
                    SymbolEqualityComparer.Default.Equals(constructor.ContainingType.OriginalDefinition, type.OriginalDefinition),
                _ => false,
            };
            return constructs && !StateWrites.IsInsideDeferredCode(operation);
        }
    }
}
