using Microsoft.CodeAnalysis;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules;

/// <summary>
/// A type resolved by metadata name on first use, for the rules that compare against it only after a cheap test (a
/// method name, a type name) has passed. Resolving a name searches every reference of the compilation, so a name that
/// is never needed is never resolved. Two threads may resolve it at once; both get the same symbol.
/// </summary>
internal sealed class LazyType
{
    private readonly WellKnownSymbols symbols;
    private readonly string metadataName;
    private INamedTypeSymbol? value;
    private volatile bool resolved;

    public LazyType(WellKnownSymbols symbols, string metadataName)
    {
        this.symbols = symbols;
        this.metadataName = metadataName;
    }

    /// <summary>The type, or null when it does not resolve.</summary>
    public INamedTypeSymbol? Value
    {
        get
        {
            if (resolved)
                return value;
            value = symbols.Get(metadataName);
            resolved = true;
            return value;
        }
    }
}
