using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers.Core;

/// <summary>
/// Compares symbols by reference: exact for the original definitions of one compilation (one symbol object each), and
/// much cheaper to hash than <see cref="SymbolEqualityComparer"/>, which looks into the symbol. For dictionaries keyed
/// by <see cref="ISymbol.OriginalDefinition"/> on a hot path.
/// </summary>
internal static class DefinitionComparer
{
    public static readonly IEqualityComparer<ISymbol> Instance = ReferenceComparer<ISymbol>.Instance;
}
