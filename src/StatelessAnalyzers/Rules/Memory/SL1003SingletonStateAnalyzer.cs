using System.Collections.Concurrent;
using System.Collections.Generic;
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
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SL1003SingletonStateAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL1003SingletonState);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebOrWorker || symbols.IServiceCollection is null)
                return;
            var analysis = new CompilationAnalysis(symbols);
            start.RegisterOperationAction(analysis.Singletons.Record, OperationKind.Invocation);
            start.RegisterSymbolStartAction(analysis.OnTypeStart, SymbolKind.NamedType);
            start.RegisterCompilationEndAction(analysis.OnCompilationEnd);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly WellKnownSymbols symbols;
        private readonly ConcurrentBag<(ISymbol Member, INamedTypeSymbol Type)> changedMembers = new();

        public CompilationAnalysis(WellKnownSymbols symbols)
        {
            this.symbols = symbols;
            Singletons = new SingletonRegistry(symbols);
        }

        public SingletonRegistry Singletons { get; }

        public void OnTypeStart(SymbolStartAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (type.TypeKind != TypeKind.Class || type.IsStatic || type.Locations.Length == 0 || type.Locations[0].SourceTree is not { } tree)
                return;
            var rules = symbols.GetContext(context.Options, tree);
            if (!rules.InfrastructureRulesApply)
                return;

            // Members whose writes make them state: any write for writable members, mutation for readonly collections.
            Dictionary<ISymbol, bool>? candidates = null;
            foreach (var member in type.GetMembers())
            {
                if (member.IsStatic || member.IsImplicitlyDeclared || member is not (IFieldSymbol or IPropertySymbol)
                    || member is IFieldSymbol { IsConst: true } || !MemberFacts.HasStorage(member))
                    continue;
                AddCandidate(ref candidates, member, MemberFacts.GetMemberType(member), MemberFacts.IsReadOnly(member), rules.Types);
            }

            // Primary-constructor parameters: writable, and state once a member other than an initializer uses them.
            var hasParameters = false;
            if (GetPrimaryConstructor(type, context.CancellationToken) is { } primary)
            {
                foreach (var parameter in primary.Parameters)
                {
                    if (parameter.RefKind == RefKind.None)
                        hasParameters |= AddCandidate(ref candidates, parameter, parameter.Type, readOnly: false, rules.Types);
                }
            }
            if (candidates is null)
                return;

            var changed = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
            context.RegisterOperationAction(
                operationContext =>
                {
                    var operation = operationContext.Operation;
                    var referenced = operation is IParameterReferenceOperation parameterReference
                        ? parameterReference.Parameter
                        : MemberFacts.GetReferencedMember(operation);
                    if (referenced is not { IsStatic: false } || !candidates.TryGetValue(referenced.OriginalDefinition, out var readOnly))
                        return;
                    var kind = StateWrites.Classify(operation, rules.Types);
                    if (kind == WriteKind.None || (readOnly && kind != WriteKind.Mutation)
                        || IsConstruction(operation, operationContext.ContainingSymbol, type))
                        return;
                    changed.TryAdd(referenced.OriginalDefinition, true);
                },
                hasParameters
                    ? ImmutableArray.Create(OperationKind.FieldReference, OperationKind.PropertyReference, OperationKind.ParameterReference)
                    : ImmutableArray.Create(OperationKind.FieldReference, OperationKind.PropertyReference));

            context.RegisterSymbolEndAction(_ =>
            {
                foreach (var member in changed.Keys)
                    changedMembers.Add((member, type));
            });
        }

        private bool AddCandidate(ref Dictionary<ISymbol, bool>? candidates, ISymbol member, ITypeSymbol? memberType, bool readOnly, StateTypeClassifier types)
        {
            if (memberType is null || memberType.TypeKind == TypeKind.Error || IsExcluded(memberType, types))
                return false;
            if (readOnly && !types.IsMutableCollection(memberType))
                return false;
            (candidates ??= new Dictionary<ISymbol, bool>(SymbolEqualityComparer.Default))[member] = readOnly;
            return true;
        }

        /// <summary>The constructor declared by a class's parameter list (<c>class C(int x)</c>), if it has one.</summary>
        private static IMethodSymbol? GetPrimaryConstructor(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
        {
            if (type.IsRecord)
                return null; // a record's parameters become properties, which the member loop already sees
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

        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            foreach (var (member, type) in changedMembers)
            {
                if (Singletons.Contains(type))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL1003SingletonState, member.Locations[0], member.Name, type.Name));
                }
            }
        }

        /// <summary>
        /// Handles, cache abstractions (SL2003's), hosted-service plumbing, queues (SL4001's) and flow-local values are
        /// not singleton state.
        /// </summary>
        private bool IsExcluded(ITypeSymbol type, StateTypeClassifier types)
        {
            if (types.IsHandle(type) || types.IsQueue(type) || types.IsFlowLocal(type))
                return true;
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
