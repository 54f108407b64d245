using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StatelessAnalyzers.Core;

/// <summary>
/// Reads of the operation tree an operation belongs to, and of the value under its conversions. The analyzer driver has built the whole tree of the member
/// (or of the top-level statements) before any operation action runs, so finding a local's declaration there binds
/// nothing, where <c>SemanticModel.GetOperation</c> on its syntax would look the node up again.
/// </summary>
internal static class OperationTrees
{
    /// <summary>The root of the tree <paramref name="operation"/> belongs to: the member body or the top-level statements.</summary>
    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
            operation = parent;
        return operation;
    }

    /// <summary>
    /// The value <paramref name="local"/> is initialised with in its declaration, found in the tree of
    /// <paramref name="anywhere"/>; null when it has no initializer or is declared outside that tree.
    /// </summary>
    public static IOperation? Initializer(ILocalSymbol local, IOperation anywhere)
    {
        foreach (var operation in Root(anywhere).Descendants())
        {
            if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                return declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
        }
        return null;
    }

    /// <summary>The operand under every conversion, implicit or explicit: the value itself.</summary>
    public static IOperation WithoutConversions(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        return operation;
    }

    /// <summary>The operand under the implicit conversions only (a <c>List</c> passed as <c>IList</c>): what is read or written.</summary>
    public static IOperation WithoutImplicitConversions(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
            operation = conversion.Operand;
        return operation;
    }
}
