using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Memory;

/// <summary>
/// SL1004: an endpoint handler captures a local variable (or reaches an instance field through a captured
/// <c>this</c>) of a mutable collection type, or assigns it. Reported once, on the declaration.
/// </summary>
public sealed class SL1004CapturedStateAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL1004CapturedState);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebProject || symbols.IEndpointRouteBuilder is null)
                return;

            // A captured variable used by several handlers is reported once.
            var reported = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
            start.RegisterOperationAction(
                context =>
                {
                    var function = (IAnonymousFunctionOperation)context.Operation;
                    if (!EndpointHandlers.IsEndpointHandler(function, symbols))
                        return;
                    var rules = symbols.GetContext(context.Options, function.Syntax.SyntaxTree);
                    if (!rules.MemoryRulesApply)
                        return;
                    foreach (var operation in function.Body.Descendants())
                    {
                        var captured = CapturedState(operation, function, rules.Types);
                        if (captured is not null && captured.Locations.Length > 0 && captured.Locations[0].IsInSource
                            && !GeneratedCode.Contains(captured, captured.Locations[0], symbols, context.Options, context.CancellationToken)
                            && reported.TryAdd(captured, true))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL1004CapturedState, captured.Locations[0], captured.Name));
                        }
                    }
                },
                OperationKind.AnonymousFunction);
        });
    }

    /// <summary>The local or instance field that <paramref name="operation"/> shows to be captured state, or null.</summary>
    private static ISymbol? CapturedState(IOperation operation, IAnonymousFunctionOperation handler, StateTypeClassifier types)
    {
        // By kind, not by interface: every operation of a handler's body comes here, and each interface test is a search.
        ISymbol symbol;
        ITypeSymbol? type;
        switch (operation.Kind)
        {
            case OperationKind.LocalReference:
                var local = ((ILocalReferenceOperation)operation).Local;
                if (IsDeclaredInside(local, handler))
                    return null;
                symbol = local;
                type = local.Type;
                break;
            case OperationKind.FieldReference:
                var reference = (IFieldReferenceOperation)operation;
                if (reference.Field.IsStatic || reference.Instance?.Kind != OperationKind.InstanceReference)
                    return null;
                symbol = reference.Field.OriginalDefinition;
                type = reference.Field.Type;
                break;
            default:
                return null;
        }
        if (type is null || type.TypeKind == TypeKind.Error || types.IsFlowLocal(type))
            return null;
        if (types.IsMutableCollection(type) || StateWrites.Classify(operation, types) != WriteKind.None)
            return symbol;
        return null;
    }

    private static bool IsDeclaredInside(ILocalSymbol local, IAnonymousFunctionOperation handler)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (handler.Syntax.Span.Contains(reference.Span))
                return true;
        }
        return false;
    }
}
