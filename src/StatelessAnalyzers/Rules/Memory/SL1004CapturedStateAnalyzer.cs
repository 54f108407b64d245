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
        ISymbol symbol;
        ITypeSymbol? type;
        switch (operation)
        {
            case ILocalReferenceOperation local when !IsDeclaredInside(local.Local, handler):
                symbol = local.Local;
                type = local.Local.Type;
                break;
            case IFieldReferenceOperation { Field.IsStatic: false, Instance: IInstanceReferenceOperation } field:
                symbol = field.Field.OriginalDefinition;
                type = field.Field.Type;
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
