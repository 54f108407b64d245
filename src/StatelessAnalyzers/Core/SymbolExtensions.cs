using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers.Core;

internal static class SymbolExtensions
{
    /// <summary>True when <paramref name="type"/> is <paramref name="expected"/>; false when the expected type did not resolve.</summary>
    public static bool Is(this ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
