using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Memory;

/// <summary>SL1001: a request-handling type (or a type nested in one) keeps mutable state in a static field or property.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SL1001StaticMutableStateAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.SL1001StaticMutableState, Descriptors.SL1001StaticMutableStateCompilationEnd);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebProject)
                return; // no request-handling types outside web projects: nothing registered, no cost

            var analysis = new CompilationAnalysis(symbols);
            start.RegisterSymbolStartAction(analysis.OnTypeStart, SymbolKind.NamedType);
            start.RegisterOperationAction(analysis.OnMemberReference, OperationKind.FieldReference, OperationKind.PropertyReference);
            start.RegisterCompilationEndAction(analysis.OnCompilationEnd);
        });
    }

    /// <summary>What makes a static member state.</summary>
    private enum Verdict
    {
        /// <summary>Not state.</summary>
        None,

        /// <summary>State by its declaration alone: writable and not a safe type, or <c>[ThreadStatic]</c>.</summary>
        State,

        /// <summary>A writable safe or immutable value: state once written outside type initialisation.</summary>
        StateIfWritten,

        /// <summary>A <c>static readonly</c> mutable collection: state once mutated outside type initialisation.</summary>
        StateIfMutated,
    }

    private sealed class CompilationAnalysis
    {
        private readonly WellKnownSymbols symbols;
        private readonly ConcurrentDictionary<INamedTypeSymbol, Lazy<TypeAnalysis?>> typeAnalyses = new(SymbolEqualityComparer.Default);

        // Non-private candidates not written inside their own type: their verdict waits for the whole compilation.
        private readonly ConcurrentBag<(ISymbol Member, Verdict Verdict)> pending = new();

        // Non-private static members of request-handling types written from anywhere, by write kind.
        private readonly ConcurrentDictionary<ISymbol, bool> writtenOutsideInitialization = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, bool> mutatedOutsideInitialization = new(SymbolEqualityComparer.Default);

        public CompilationAnalysis(WellKnownSymbols symbols) => this.symbols = symbols;

        public void OnTypeStart(SymbolStartAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            var outermost = type;
            while (outermost.ContainingType is not null)
                outermost = outermost.ContainingType;

            // Candidates are collected once for the outermost type and its nested types: a private static member can
            // be written from any of them, and each type's own symbol-start actions see only that type's code.
            var analysis = typeAnalyses.GetOrAdd(outermost, t => new Lazy<TypeAnalysis?>(() => CreateTypeAnalysis(t, context))).Value;
            if (analysis is null)
                return;

            if (analysis.HasConditionalCandidates)
            {
                context.RegisterOperationAction(
                    operationContext => analysis.Record(operationContext),
                    OperationKind.FieldReference,
                    OperationKind.PropertyReference);
            }

            if (!SymbolEqualityComparer.Default.Equals(type, outermost))
                return;

            // The outermost type ends after its members, nested types included, have been analysed.
            context.RegisterSymbolEndAction(endContext =>
            {
                foreach (var entry in analysis.Candidates)
                {
                    var member = entry.Key;
                    if (entry.Value == Verdict.State || analysis.Changed.ContainsKey(member))
                        endContext.ReportDiagnostic(CreateDiagnostic(Descriptors.SL1001StaticMutableState, member));
                    else if (!MemberFacts.IsEffectivelyPrivate(member))
                        pending.Add((member, entry.Value));
                }
                typeAnalyses.TryRemove(outermost, out _);
            });
        }

        private TypeAnalysis? CreateTypeAnalysis(INamedTypeSymbol outermost, SymbolStartAnalysisContext context)
        {
            if (outermost.Locations.Length == 0 || outermost.Locations[0].SourceTree is not { } tree)
                return null;
            var rules = symbols.GetContext(context.Options, tree);
            if (!rules.MemoryRulesApply)
                return null;
            Dictionary<ISymbol, Verdict>? candidates = null;
            CollectCandidates(outermost, rules, insideHandler: false, ref candidates, context.CancellationToken);
            return candidates is null ? null : new TypeAnalysis(candidates, rules.Types);
        }

        /// <summary>Records writes to non-private static members of request-handling types, from anywhere.</summary>
        public void OnMemberReference(OperationAnalysisContext context)
        {
            if (MemberFacts.GetReferencedMember(context.Operation) is not { IsStatic: true } member
                || member is IFieldSymbol { IsConst: true }
                || !SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, context.Compilation.Assembly)
                || MemberFacts.IsEffectivelyPrivate(member))
                return;

            var rules = symbols.GetContext(context.Options, context.Operation.Syntax.SyntaxTree);
            var kind = StateWrites.Classify(context.Operation, rules.Types);
            if (kind == WriteKind.None
                || !rules.Handlers.IsInRequestHandlingType(member.ContainingType)
                || MemberFacts.IsTypeInitialization(context.Operation, context.ContainingSymbol, member.ContainingType))
                return;

            var definition = member.OriginalDefinition;
            if (kind == WriteKind.Mutation)
                mutatedOutsideInitialization.TryAdd(definition, true);
            else
                writtenOutsideInitialization.TryAdd(definition, true);
        }

        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            foreach (var (member, verdict) in pending)
            {
                var changed = verdict == Verdict.StateIfMutated
                    ? mutatedOutsideInitialization.ContainsKey(member)
                    : writtenOutsideInitialization.ContainsKey(member) || mutatedOutsideInitialization.ContainsKey(member);
                if (changed)
                    context.ReportDiagnostic(CreateDiagnostic(Descriptors.SL1001StaticMutableStateCompilationEnd, member));
            }
        }

        private void CollectCandidates(
            INamedTypeSymbol type,
            RuleContext rules,
            bool insideHandler,
            ref Dictionary<ISymbol, Verdict>? candidates,
            System.Threading.CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            insideHandler = insideHandler || rules.Handlers.IsRequestHandlingType(type);
            foreach (var member in type.GetMembers())
            {
                if (member is INamedTypeSymbol nested)
                {
                    CollectCandidates(nested, rules, insideHandler, ref candidates, cancellationToken);
                    continue;
                }
                if (!insideHandler)
                    continue;
                var verdict = Classify(member, rules.Types);
                if (verdict != Verdict.None)
                    (candidates ??= new Dictionary<ISymbol, Verdict>(SymbolEqualityComparer.Default))[member] = verdict;
            }
        }

        private Verdict Classify(ISymbol member, StateTypeClassifier types)
        {
            if (!member.IsStatic || member.IsImplicitlyDeclared || member is IFieldSymbol { IsConst: true })
                return Verdict.None;
            if (member is not (IFieldSymbol or IPropertySymbol) || !MemberFacts.HasStorage(member))
                return Verdict.None;

            var type = MemberFacts.GetMemberType(member);
            if (type is null || type.TypeKind == TypeKind.Error)
                return Verdict.None; // broken code: no verdict on a type that does not bind

            // AsyncLocal<T> flows with the request; queue types are SL4002's, one finding per declaration.
            if (types.IsFlowLocal(type) || types.IsQueue(type))
                return Verdict.None;
            if (member is IFieldSymbol field && IsThreadStatic(field))
                return Verdict.State;
            if (MemberFacts.IsReadOnly(member))
                return types.IsMutableCollection(type) ? Verdict.StateIfMutated : Verdict.None;
            return types.IsSafeOrImmutable(type) ? Verdict.StateIfWritten : Verdict.State;
        }

        private bool IsThreadStatic(IFieldSymbol field)
        {
            if (symbols.ThreadStaticAttribute is null)
                return false;
            foreach (var attribute in field.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.ThreadStaticAttribute))
                    return true;
            }
            return false;
        }

        private static Diagnostic CreateDiagnostic(DiagnosticDescriptor descriptor, ISymbol member) =>
            Diagnostic.Create(descriptor, member.Locations[0], member.Name, member.ContainingType.Name);
    }

    /// <summary>The static members of one outermost type (and its nested types) that may be state, and which were changed.</summary>
    private sealed class TypeAnalysis
    {
        private readonly StateTypeClassifier types;

        public TypeAnalysis(Dictionary<ISymbol, Verdict> candidates, StateTypeClassifier types)
        {
            Candidates = candidates;
            this.types = types;
            foreach (var entry in candidates)
                HasConditionalCandidates |= entry.Value != Verdict.State;
        }

        public Dictionary<ISymbol, Verdict> Candidates { get; }

        public bool HasConditionalCandidates { get; }

        public ConcurrentDictionary<ISymbol, bool> Changed { get; } = new(SymbolEqualityComparer.Default);

        public void Record(OperationAnalysisContext context)
        {
            if (MemberFacts.GetReferencedMember(context.Operation) is not { IsStatic: true } member
                || !Candidates.TryGetValue(member.OriginalDefinition, out var verdict)
                || verdict == Verdict.State)
                return;
            var kind = StateWrites.Classify(context.Operation, types);
            if (kind == WriteKind.None || (verdict == Verdict.StateIfMutated && kind != WriteKind.Mutation))
                return;
            if (!MemberFacts.IsTypeInitialization(context.Operation, context.ContainingSymbol, member.ContainingType))
                Changed.TryAdd(member.OriginalDefinition, true);
        }
    }
}
