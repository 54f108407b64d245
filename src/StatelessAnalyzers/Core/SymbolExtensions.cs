using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers.Core;

internal static class SymbolExtensions
{
    // ITypeSymbol.AllInterfaces builds a new array on every call; a type's interfaces are read once and kept as long
    // as the type symbol lives.
    private static readonly ConditionalWeakTable<ITypeSymbol, StrongBox<ImmutableArray<INamedTypeSymbol>>> AllInterfacesCache = new();
    private static readonly ConditionalWeakTable<ITypeSymbol, StrongBox<ImmutableArray<INamedTypeSymbol>>>.CreateValueCallback ReadAllInterfaces =
        static type => new StrongBox<ImmutableArray<INamedTypeSymbol>>(type.AllInterfaces);

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
        if (expected.TypeKind != TypeKind.Interface || !MayImplementInterfaces(type))
            return false;
        foreach (var implemented in GetAllInterfaces(type))
        {
            if (implemented.OriginalDefinition.Is(expected))
                return true;
        }
        return false;
    }

    /// <summary>
    /// False for a class or struct none of whose base types declares an interface, as most classes of an application:
    /// their interface list is empty, known from a walk up the base types that builds no array and caches nothing.
    /// </summary>
    private static bool MayImplementInterfaces(ITypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            return true;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (!current.Interfaces.IsEmpty)
                return true;
        }
        return false;
    }

    /// <summary><see cref="ITypeSymbol.AllInterfaces"/>, read once per type symbol.</summary>
    public static ImmutableArray<INamedTypeSymbol> GetAllInterfaces(this ITypeSymbol type) =>
        AllInterfacesCache.GetValue(type, ReadAllInterfaces).Value;

    /// <summary>
    /// True when <paramref name="ns"/> is the namespace <paramref name="qualifiedName"/> (such as
    /// <c>System.Collections.Immutable</c>), compared name by name from the innermost: no display string is built.
    /// </summary>
    public static bool IsNamespace(this INamespaceSymbol? ns, string qualifiedName)
    {
        var end = qualifiedName.Length;
        for (var current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            if (end <= 0)
                return false;
            var dot = qualifiedName.LastIndexOf('.', end - 1);
            var start = dot + 1;
            var name = current.Name;
            if (name.Length != end - start || string.CompareOrdinal(name, 0, qualifiedName, start, name.Length) != 0)
                return false;
            if (dot < 0)
                return current.ContainingNamespace is { IsGlobalNamespace: true };
            end = dot;
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
