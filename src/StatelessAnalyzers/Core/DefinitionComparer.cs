using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers.Core;

/// <summary>
/// Compares symbols by reference: exact for the original definitions of one compilation (one symbol object each), and
/// much cheaper to hash than <see cref="SymbolEqualityComparer"/>, which looks into the symbol. For dictionaries keyed
/// by <see cref="ISymbol.OriginalDefinition"/> on a hot path.
/// </summary>
internal sealed class DefinitionComparer : IEqualityComparer<ISymbol>
{
    public static readonly DefinitionComparer Instance = new();

    private DefinitionComparer()
    {
    }

    public bool Equals(ISymbol? x, ISymbol? y) => ReferenceEquals(x, y);

    public int GetHashCode(ISymbol obj) => RuntimeHelpers.GetHashCode(obj);
}
