using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers.Core;

internal static class SymbolExtensions
{
    /// <summary>True when <paramref name="type"/> is <paramref name="expected"/>; false when the expected type did not resolve.</summary>
    public static bool Is(this ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    /// <summary>
    /// True when <paramref name="type"/> is the interface <paramref name="expected"/> or implements it (compared by
    /// original definition, so a generic interface matches any of its constructions).
    /// </summary>
    public static bool IsOrImplements(this ITypeSymbol? type, INamedTypeSymbol? expected)
    {
        if (type is null || expected is null)
            return false;
        if (type.OriginalDefinition.Is(expected))
            return true;
        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.OriginalDefinition.Is(expected))
                return true;
        }
        return false;
    }

    /// <summary>True when <paramref name="type"/> is <paramref name="expected"/> or derives from it.</summary>
    public static bool IsOrDerivesFrom(this ITypeSymbol? type, INamedTypeSymbol? expected)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.OriginalDefinition.Is(expected))
                return true;
        }
        return false;
    }
}
