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
    /// Read from the original definition's full interface list, which Roslyn computes once per type (those of its base
    /// types and of the interfaces it inherits included; a type parameter's come from its constraints). The public
    /// list is a new array on every read: a type from a reference recurs in every file (<c>List&lt;T&gt;</c>,
    /// <c>ILogger&lt;T&gt;</c>), so its list is kept; a type declared in source is asked about once or a few times
    /// (every class of a project passes here), so its list is read and dropped.
    /// </remarks>
    public static bool IsOrImplements(this ITypeSymbol? type, INamedTypeSymbol? expected)
    {
        if (type is null || expected is null)
            return false;
        var definition = type.OriginalDefinition;
        if (definition.Is(expected))
            return true;
        return expected.TypeKind == TypeKind.Interface
            && Contains(IsInSource(definition) ? definition.AllInterfaces : GetAllInterfaces(definition), expected);
    }

    /// <summary>
    /// The type an extension method extends (its <c>this</c> parameter's), whether the method is given reduced or as
    /// the static method; null for any other method.
    /// </summary>
    public static ITypeSymbol? ExtensionReceiverType(this IMethodSymbol method)
    {
        var definition = method.ReducedFrom ?? method;
        if (!definition.IsExtensionMethod)
            return null;
        var parameters = definition.Parameters;
        return parameters.Length > 0 ? parameters[0].Type : null;
    }

    /// <summary>
    /// The file of the first declaration of <paramref name="symbol"/>; null for a symbol from a reference. A source
    /// symbol builds its public list of locations on every read, so the list is read once.
    /// </summary>
    public static SyntaxTree? FirstSourceTree(this ISymbol symbol)
    {
        var locations = symbol.Locations;
        return locations.Length > 0 ? locations[0].SourceTree : null;
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
