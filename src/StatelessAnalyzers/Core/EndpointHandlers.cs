using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StatelessAnalyzers.Core;

/// <summary>
/// Recognises endpoint handlers: a lambda, anonymous method or method group passed as the handler of
/// <c>Map</c>, <c>MapGet</c>, <c>MapPost</c>, <c>MapPut</c>, <c>MapDelete</c>, <c>MapPatch</c>, <c>MapMethods</c>
/// or <c>MapFallback</c>.
/// </summary>
internal static class EndpointHandlers
{
    /// <summary>The names of the endpoint-mapping methods (<see cref="IsMapCall"/> is false for any other name).</summary>
    public static readonly string[] MapMethodNames =
    {
        "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback",
    };

    /// <summary>True when <paramref name="invocation"/> maps an endpoint on an <c>IEndpointRouteBuilder</c>.</summary>
    public static bool IsMapCall(IInvocationOperation invocation, WellKnownSymbols symbols)
    {
        // Every invocation of a compilation may come here (SL1002): the name decides first.
        var method = invocation.TargetMethod;
        if (!IsMapMethodName(method.Name) || symbols.IEndpointRouteBuilder is null)
            return false;
        return method.ExtensionReceiverType().IsOrImplements(symbols.IEndpointRouteBuilder);
    }

    /// <summary>The handler argument of a map call: the lambda or method group, or null.</summary>
    public static IOperation? GetHandler(IInvocationOperation mapCall, WellKnownSymbols symbols)
    {
        foreach (var argument in mapCall.Arguments)
        {
            if (argument.Parameter is not { } parameter || !IsHandlerParameterType(parameter.Type, symbols))
                continue;
            var value = argument.Value;
            while (value is IConversionOperation or IDelegateCreationOperation)
            {
                value = value is IConversionOperation conversion
                    ? conversion.Operand
                    : ((IDelegateCreationOperation)value).Target;
            }
            if (value is IAnonymousFunctionOperation or IMethodReferenceOperation)
                return value;
        }
        return null;
    }

    /// <summary>True when <paramref name="function"/> is passed as the handler of a map call.</summary>
    public static bool IsEndpointHandler(IAnonymousFunctionOperation function, WellKnownSymbols symbols)
    {
        // By kind, not by interface: every lambda of the compilation comes here, and each interface test is a search.
        var current = function.Parent;
        while (current is { Kind: OperationKind.DelegateCreation or OperationKind.Conversion })
            current = current.Parent;
        if (current is not { Kind: OperationKind.Argument, Parent: { Kind: OperationKind.Invocation } parent })
            return false;
        // Most lambdas are passed to LINQ, registrations and options: the called method's name decides first.
        var invocation = (IInvocationOperation)parent;
        return IsMapMethodName(invocation.TargetMethod.Name)
            && ((IArgumentOperation)current).Parameter is { } parameter
            && IsHandlerParameterType(parameter.Type, symbols)
            && IsMapCall(invocation, symbols);
    }

    /// <summary>True when <paramref name="operation"/> runs inside a lambda that is an endpoint handler.</summary>
    public static bool IsInsideEndpointHandlerLambda(IOperation operation, WellKnownSymbols symbols)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation function && IsEndpointHandler(function, symbols))
                return true;
        }
        return false;
    }

    private static bool IsMapMethodName(string name) =>
        name is "Map" or "MapGet" or "MapPost" or "MapPut" or "MapDelete" or "MapPatch" or "MapMethods" or "MapFallback";

    private static bool IsHandlerParameterType(ITypeSymbol type, WellKnownSymbols symbols) =>
        SymbolEqualityComparer.Default.Equals(type, symbols.Delegate)
        || SymbolEqualityComparer.Default.Equals(type, symbols.RequestDelegate);
}
