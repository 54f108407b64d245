using Microsoft.CodeAnalysis;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Storage;

/// <summary>Where family 3 stays silent beyond guards and test projects.</summary>
internal static class StorageScope
{
    /// <summary>
    /// True in the entry point (<c>Main</c> or top-level statements) of a project that is not a web host: a
    /// console tool's files belong to the run, not to a replica. Lambdas there (handlers, hosted work) still count.
    /// </summary>
    public static bool IsConsoleEntryPoint(IOperation operation, ISymbol containingSymbol, WellKnownSymbols symbols) =>
        !symbols.IsWebProject
        && containingSymbol is IMethodSymbol method
        && (method.Name is "Main" or "<Main>$")
        && method.IsStatic
        && !StateWrites.IsInsideDeferredCode(operation);
}
