using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Memory;

/// <summary>
/// The static-state analysis behind SL1001 (members of request-handling types and the types nested in them) and
/// SL1005 (members of every other class of a web project): which static members hold state, and which are changed
/// after type initialisation, from their own type or, for non-private members, from anywhere in the compilation.
/// </summary>
internal static class StaticStateAnalysis
{
    // Whether an outermost type declares static storage, shared by the SL1001 and SL1005 analyses of a compilation.
    private static readonly ConditionalWeakTable<WellKnownSymbols, StaticStorage> StaticStorageByCompilation = new();
    private static readonly ConditionalWeakTable<WellKnownSymbols, StaticStorage>.CreateValueCallback NewStaticStorage =
        static _ => new StaticStorage();

    /// <summary>Registers the analysis for the members of request-handling types (SL1001) or of the other types (SL1005).</summary>
    public static void Register(AnalysisContext context, bool requestHandlingTypes)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebProject)
                return; // family 1 looks at web projects only: nothing registered, no cost

            var analysis = new CompilationAnalysis(symbols, requestHandlingTypes, StaticStorageByCompilation.GetValue(symbols, NewStaticStorage));
            start.RegisterSymbolStartAction(analysis.OnTypeStart, SymbolKind.NamedType);
            start.RegisterWrittenReferenceAction(analysis.OnWrittenReference);
            start.RegisterCompilationEndAction(analysis.OnCompilationEnd);
        });
    }

    /// <summary>What makes a static member state.</summary>
    private enum Verdict
    {
        /// <summary>Not state.</summary>
        None,

        /// <summary>State by its declaration alone: writable and not a safe type, or <c>[ThreadStatic]</c> (SL1001 only).</summary>
        State,

        /// <summary>State once written outside type initialisation.</summary>
        StateIfWritten,

        /// <summary>A <c>static readonly</c> mutable collection: state once mutated outside type initialisation.</summary>
        StateIfMutated,
    }

    /// <summary>One static member that may be state, the rule it belongs to and what makes it state.</summary>
    private readonly record struct Candidate(Verdict Verdict, bool InRequestHandlingType);

    private sealed class CompilationAnalysis
    {
        private readonly WellKnownSymbols symbols;
        private readonly ConcurrentDictionary<ISymbol, Lazy<TypeAnalysis?>> typeAnalyses = new(DefinitionComparer.Instance);

        // Non-private candidates not changed inside their own type: their verdict waits for the whole compilation.
        private readonly ConcurrentBag<(ISymbol Member, Candidate Candidate)> pending = new();

        // Non-private static members of this compilation changed from anywhere, by kind of change.
        private readonly ConcurrentDictionary<ISymbol, bool> writtenOutsideInitialization = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, bool> mutatedOutsideInitialization = new(SymbolEqualityComparer.Default);

        private readonly bool requestHandlingTypes;
        private readonly StaticStorage staticStorage;

        public CompilationAnalysis(WellKnownSymbols symbols, bool requestHandlingTypes, StaticStorage staticStorage)
        {
            this.symbols = symbols;
            this.requestHandlingTypes = requestHandlingTypes;
            this.staticStorage = staticStorage;
        }

        public void OnTypeStart(SymbolStartAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            var outermost = type;
            while (outermost.ContainingType is not null)
                outermost = outermost.ContainingType;

            // Most types declare no static field or property at all: the syntax says so without binding anything.
            if (!staticStorage.Declares(outermost, nested: !ReferenceEquals(type, outermost), context.CancellationToken))
                return;

            // Candidates are collected once for the outermost type and its nested types: a private static member can
            // be written from any of them, and each type's own symbol-start actions see only that type's code.
            if (!typeAnalyses.TryGetValue(outermost, out var lazy))
                lazy = typeAnalyses.GetOrAdd(outermost, new Lazy<TypeAnalysis?>(() => CreateTypeAnalysis(outermost, context)));
            var analysis = lazy.Value;
            if (analysis is null)
                return;

            if (analysis.HasConditionalCandidates)
            {
                context.RegisterOperationAction(
                    WrittenReferences.Dispatcher(new Action<OperationAnalysisContext, IOperation>[] { analysis.Record }),
                    WrittenReferences.SiteKinds);
            }

            if (!SymbolEqualityComparer.Default.Equals(type, outermost))
                return;

            // The outermost type ends after its members, nested types included, have been analysed.
            context.RegisterSymbolEndAction(endContext =>
            {
                foreach (var entry in analysis.Candidates)
                {
                    var member = entry.Key;
                    var reportNow = entry.Value.Verdict == Verdict.State || analysis.Changed.ContainsKey(member);
                    // A member of a partial type can be declared in its generated part (GeneratedCode.Contains).
                    if ((!reportNow && MemberFacts.IsEffectivelyPrivate(member))
                        || GeneratedCode.Contains(member, member.Locations[0], symbols, endContext.Options, endContext.CancellationToken))
                        continue;
                    if (reportNow)
                        endContext.ReportDiagnostic(CreateDiagnostic(entry.Value, member, compilationEnd: false));
                    else
                        pending.Add((member, entry.Value));
                }
                typeAnalyses.TryRemove(outermost, out _);
            });
        }

        /// <summary>Records changes of non-private static members of this compilation, from anywhere.</summary>
        public void OnWrittenReference(OperationAnalysisContext context, IOperation reference)
        {
            if (MemberFacts.GetReferencedMember(reference) is not { IsStatic: true } member
                || member is IFieldSymbol { IsConst: true }
                || !SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, context.Compilation.Assembly)
                || MemberFacts.IsEffectivelyPrivate(member))
                return;

            var rules = symbols.GetContext(context.Options, reference.Syntax.SyntaxTree);
            var kind = StateWrites.Classify(reference, rules.Types);
            if (kind == WriteKind.None
                || rules.Handlers.IsInRequestHandlingType(member.ContainingType) != requestHandlingTypes
                || MemberFacts.IsTypeInitialization(reference, context.ContainingSymbol, member.ContainingType))
                return;

            var definition = member.OriginalDefinition;
            if (kind == WriteKind.Mutation)
                mutatedOutsideInitialization.TryAdd(definition, true);
            else
                writtenOutsideInitialization.TryAdd(definition, true);
        }

        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            foreach (var (member, candidate) in pending)
            {
                var changed = candidate.Verdict == Verdict.StateIfMutated
                    ? mutatedOutsideInitialization.ContainsKey(member)
                    : writtenOutsideInitialization.ContainsKey(member) || mutatedOutsideInitialization.ContainsKey(member);
                if (changed)
                    context.ReportDiagnostic(CreateDiagnostic(candidate, member, compilationEnd: true));
            }
        }

        private TypeAnalysis? CreateTypeAnalysis(INamedTypeSymbol outermost, SymbolStartAnalysisContext context)
        {
            if (outermost.FirstSourceTree() is not { } tree)
                return null;
            var rules = symbols.GetContext(context.Options, tree);
            if (!rules.MemoryRulesApply)
                return null;
            Dictionary<ISymbol, Candidate>? candidates = null;
            CollectCandidates(outermost, rules, insideHandler: false, ref candidates, context.CancellationToken);
            return candidates is null ? null : new TypeAnalysis(candidates, rules.Types);
        }

        private void CollectCandidates(
            INamedTypeSymbol type,
            RuleContext rules,
            bool insideHandler,
            ref Dictionary<ISymbol, Candidate>? candidates,
            System.Threading.CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var classified = insideHandler;
            foreach (var member in type.GetMembers())
            {
                if (member is INamedTypeSymbol nested)
                {
                    if (!classified)
                    {
                        insideHandler = rules.Handlers.IsRequestHandlingType(type);
                        classified = true;
                    }
                    CollectCandidates(nested, rules, insideHandler, ref candidates, cancellationToken);
                    continue;
                }

                // Whether the type handles requests is asked only once it has a static member to classify.
                if (!member.IsStatic || member is not (IFieldSymbol or IPropertySymbol))
                    continue;
                if (!classified)
                {
                    insideHandler = rules.Handlers.IsRequestHandlingType(type);
                    classified = true;
                }
                if (insideHandler != requestHandlingTypes)
                    continue;
                var verdict = Classify(member, rules.Types, insideHandler);
                if (verdict != Verdict.None)
                    (candidates ??= new Dictionary<ISymbol, Candidate>(SymbolEqualityComparer.Default))[member] = new Candidate(verdict, insideHandler);
            }
        }

        private Verdict Classify(ISymbol member, StateTypeClassifier types, bool insideHandler)
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
            if (!insideHandler && types.IsRebuildableCache(type))
                return Verdict.None; // SL1005: reflection caches, Lazy<T> and ConditionalWeakTable are rebuilt on demand

            Verdict verdict;
            if (member is IFieldSymbol field && IsThreadStatic(field))
                verdict = Verdict.State;
            else if (MemberFacts.IsReadOnly(member))
                verdict = types.IsMutableCollection(type) ? Verdict.StateIfMutated : Verdict.None;
            else
                verdict = types.IsSafeOrImmutable(type) ? Verdict.StateIfWritten : Verdict.State;

            // SL1005 reports only state that some member writes after type initialisation.
            return !insideHandler && verdict == Verdict.State ? Verdict.StateIfWritten : verdict;
        }

        private bool IsThreadStatic(IFieldSymbol field)
        {
            if (symbols.ThreadStaticAttribute is null)
                return false;
            foreach (var attribute in field.GetAttributes())
            {
                if (attribute.AttributeClass.Is(symbols.ThreadStaticAttribute))
                    return true;
            }
            return false;
        }

        private static Diagnostic CreateDiagnostic(Candidate candidate, ISymbol member, bool compilationEnd)
        {
            var descriptor = candidate.InRequestHandlingType
                ? compilationEnd ? Descriptors.SL1001StaticMutableStateCompilationEnd : Descriptors.SL1001StaticMutableState
                : compilationEnd ? Descriptors.SL1005StaticStateInWebProjectCompilationEnd : Descriptors.SL1005StaticStateInWebProject;
            return Diagnostic.Create(descriptor, member.Locations[0], member.Name, member.ContainingType.Name);
        }
    }

    /// <summary>
    /// Whether an outermost type declares static storage, read from its syntax once for the SL1001 and SL1005 analyses
    /// of a compilation. The two ask one after the other for the same type (the host runs their symbol-start actions in
    /// one callback), which the last answer serves; the answers for types with nested types are kept for those.
    /// </summary>
    private sealed class StaticStorage
    {
        private readonly ConcurrentDictionary<ISymbol, bool> withNestedTypes = new(DefinitionComparer.Instance);
        private LastAnswer<ISymbol, bool>? last;

        /// <summary>
        /// True when a declaration of <paramref name="outermost"/> or of a type nested in it declares a <c>static</c>
        /// field or property: only those can be candidates (constants carry no <c>static</c> modifier, and every other
        /// static member is declared with one). <paramref name="nested"/>: asked for a type nested in it.
        /// </summary>
        public bool Declares(INamedTypeSymbol outermost, bool nested, CancellationToken cancellationToken)
        {
            if (LastAnswer<ISymbol, bool>.TryGet(ref last, outermost, out var declares))
                return declares;
            if (!nested || !withNestedTypes.TryGetValue(outermost, out declares))
            {
                var hasNestedTypes = false;
                declares = false;
                foreach (var reference in outermost.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration)
                        declares |= Scan(declaration, ref hasNestedTypes);
                }
                if (hasNestedTypes)
                    withNestedTypes.TryAdd(outermost, declares);
            }
            return LastAnswer<ISymbol, bool>.Set(ref last, outermost, declares);
        }

        private static bool Scan(TypeDeclarationSyntax declaration, ref bool hasNestedTypes)
        {
            var declares = false;
            foreach (var member in declaration.Members)
            {
                switch (member)
                {
                    case FieldDeclarationSyntax field:
                        declares |= field.Modifiers.Any(SyntaxKind.StaticKeyword);
                        break;
                    case PropertyDeclarationSyntax property:
                        declares |= property.Modifiers.Any(SyntaxKind.StaticKeyword);
                        break;
                    case TypeDeclarationSyntax nestedType:
                        hasNestedTypes = true;
                        declares |= Scan(nestedType, ref hasNestedTypes);
                        break;
                }
            }
            return declares;
        }
    }

    /// <summary>The static members of one outermost type (and its nested types) that may be state, and which were changed.</summary>
    private sealed class TypeAnalysis
    {
        private readonly StateTypeClassifier types;

        public TypeAnalysis(Dictionary<ISymbol, Candidate> candidates, StateTypeClassifier types)
        {
            Candidates = candidates;
            this.types = types;
            foreach (var entry in candidates)
                HasConditionalCandidates |= entry.Value.Verdict != Verdict.State;
        }

        public Dictionary<ISymbol, Candidate> Candidates { get; }

        public bool HasConditionalCandidates { get; }

        public ConcurrentDictionary<ISymbol, bool> Changed { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>Records a change of a candidate by a write site in the type's own code.</summary>
        public void Record(OperationAnalysisContext context, IOperation reference)
        {
            if (MemberFacts.GetReferencedMember(reference) is not { IsStatic: true } member
                || !Candidates.TryGetValue(member.OriginalDefinition, out var candidate)
                || candidate.Verdict == Verdict.State)
                return;
            var kind = StateWrites.Classify(reference, types);
            if (kind == WriteKind.None || (candidate.Verdict == Verdict.StateIfMutated && kind != WriteKind.Mutation))
                return;
            if (!MemberFacts.IsTypeInitialization(reference, context.ContainingSymbol, member.ContainingType))
                Changed.TryAdd(member.OriginalDefinition, true);
        }
    }
}
