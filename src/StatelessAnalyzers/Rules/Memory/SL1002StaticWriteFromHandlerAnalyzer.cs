using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Memory;

/// <summary>
/// SL1002: a request-handling type or an endpoint handler writes a static field or property declared outside the
/// current type.
/// </summary>
public sealed class SL1002StaticWriteFromHandlerAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.SL1002StaticWriteFromHandler, Descriptors.SL1002StaticWriteFromHandlerCompilationEnd);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebProject)
                return;

            var analysis = new CompilationAnalysis(symbols);
            start.RegisterWrittenReferenceAction(analysis.OnWrittenReference);
            start.RegisterInvocationAction(analysis.OnInvocation, EndpointHandlers.MapMethodNames);
            start.RegisterCompilationEndAction(analysis.OnCompilationEnd);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly WellKnownSymbols symbols;

        // Methods mapped as endpoint handlers through a method group (app.MapGet("/", Handlers.Get)).
        private readonly ConcurrentDictionary<IMethodSymbol, bool> methodGroupHandlers = new(SymbolEqualityComparer.Default);

        // Writes in methods that are handlers only if some map call names them; decided at compilation end.
        private readonly ConcurrentBag<(IMethodSymbol Method, IOperation Write, ISymbol Member)> deferredWrites = new();

        public CompilationAnalysis(WellKnownSymbols symbols) => this.symbols = symbols;

        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (EndpointHandlers.IsMapCall(invocation, symbols)
                && EndpointHandlers.GetHandler(invocation, symbols) is IMethodReferenceOperation reference)
                methodGroupHandlers.TryAdd(reference.Method.OriginalDefinition, true);
        }

        /// <summary>A reference a write site may change (<see cref="WrittenReferences"/>): a write when it is classified as one.</summary>
        public void OnWrittenReference(OperationAnalysisContext context, IOperation operation)
        {
            if (MemberFacts.GetReferencedMember(operation) is not { IsStatic: true } member
                || member is IFieldSymbol { IsConst: true })
                return;

            // Its own state (SL1001 reports the declaration): tested before anything that looks up options or classifies.
            var declaringType = member.ContainingType;
            var writerType = context.ContainingSymbol.ContainingType;
            if (declaringType is null || IsSameOrEnclosing(declaringType, writerType) || symbols.IsFrameworkAssembly(member.ContainingAssembly))
                return;

            var rules = symbols.GetContext(context.Options, operation.Syntax.SyntaxTree);
            if (!rules.MemoryRulesApply
                || rules.Types.IsFlowLocal(MemberFacts.GetMemberType(member))
                || StateWrites.Classify(operation, rules.Types) == WriteKind.None)
                return;

            if (MemberFacts.IsTypeInitialization(operation, context.ContainingSymbol, writerType ?? declaringType)
                || rules.Handlers.IsInRequestHandlingType(declaringType))
                return; // set up once when a type initialises, or state of a request-handling type (SL1001)

            if (rules.Handlers.IsInRequestHandlingType(writerType) || EndpointHandlers.IsInsideEndpointHandlerLambda(operation, symbols))
            {
                context.ReportDiagnostic(CreateDiagnostic(Descriptors.SL1002StaticWriteFromHandler, operation, member));
                return;
            }

            if (GetEnclosingMethod(operation, context.ContainingSymbol) is { } method)
                deferredWrites.Add((method.OriginalDefinition, operation, member));
        }

        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            if (methodGroupHandlers.IsEmpty)
                return;
            foreach (var (method, write, member) in deferredWrites)
            {
                if (methodGroupHandlers.ContainsKey(method))
                    context.ReportDiagnostic(CreateDiagnostic(Descriptors.SL1002StaticWriteFromHandlerCompilationEnd, write, member));
            }
        }

        /// <summary>The local function or method whose body holds <paramref name="operation"/>.</summary>
        private static IMethodSymbol? GetEnclosingMethod(IOperation operation, ISymbol containingSymbol)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is ILocalFunctionOperation localFunction)
                    return localFunction.Symbol;
            }
            return containingSymbol as IMethodSymbol;
        }

        private static bool IsSameOrEnclosing(INamedTypeSymbol declaringType, INamedTypeSymbol? writerType)
        {
            var declaring = declaringType.OriginalDefinition;
            for (var current = writerType; current is not null; current = current.ContainingType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, declaring))
                    return true;
            }
            return false;
        }

        private static Diagnostic CreateDiagnostic(DiagnosticDescriptor descriptor, IOperation write, ISymbol member) =>
            Diagnostic.Create(descriptor, write.Syntax.GetLocation(), member.Name, member.ContainingType.Name);
    }
}
