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
    /// <remarks>
    /// Types declared in source are seen once or a few times each (every class of a project passes here), so their
    /// declared interfaces are walked without building or caching the full interface list. Types from references
    /// recur in every file (<c>List&lt;T&gt;</c>, <c>ILogger&lt;T&gt;</c>), so their original definition's full
    /// interface list is read once and kept.
    /// </remarks>
    public static bool IsOrImplements(this ITypeSymbol? type, INamedTypeSymbol? expected)
    {
        if (type is null || expected is null)
            return false;
        var definition = type.OriginalDefinition;
        if (definition.Is(expected))
            return true;
        return expected.TypeKind == TypeKind.Interface && Implements(definition, expected, depth: 0);
    }

    private static bool Implements(ITypeSymbol definition, INamedTypeSymbol expected, int depth)
    {
        // Source types walk their declared interfaces and base types up to the first type from a reference. The depth
        // bounds the walk in broken code (an interface that inherits itself).
        for (var current = definition; current is not null && depth < 64; current = current.BaseType?.OriginalDefinition, depth++)
        {
            if (current.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface) || !IsInSource(current))
                return Contains(GetAllInterfaces(current), expected);
            foreach (var declared in current.Interfaces)
            {
                var declaredDefinition = declared.OriginalDefinition;
                if (declaredDefinition.Is(expected) || Implements(declaredDefinition, expected, depth + 1))
                    return true;
            }
        }
        return false;
    }

    private static bool IsInSource(ITypeSymbol type) => type.Locations is { Length: > 0 } locations && locations[0].IsInSource;

    private static bool Contains(ImmutableArray<INamedTypeSymbol> interfaces, INamedTypeSymbol expected)
    {
        foreach (var implemented in interfaces)
        {
            if (implemented.OriginalDefinition.Is(expected))
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
