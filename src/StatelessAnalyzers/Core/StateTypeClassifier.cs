using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers.Core;

/// <summary>What a type says about state: mutable collection, queue, safe or immutable (RULES.md "Shared definitions").</summary>
internal sealed class StateTypeClassifier
{
    [Flags]
    private enum Traits
    {
        None = 0,
        MutableCollection = 1,
        Queue = 2,
        SafeOrImmutable = 4,
        FlowLocal = 8,
        RebuildableCache = 16,
        Handle = 32,
    }

    private readonly WellKnownSymbols symbols;
    private readonly ImmutableHashSet<INamedTypeSymbol> configuredSafeTypes;
    private readonly ConcurrentDictionary<ITypeSymbol, Traits> cache = new(SymbolEqualityComparer.Default);

    public StateTypeClassifier(WellKnownSymbols symbols, ImmutableHashSet<INamedTypeSymbol> configuredSafeTypes)
    {
        this.symbols = symbols;
        this.configuredSafeTypes = configuredSafeTypes;
    }

    /// <summary>
    /// Arrays, <c>StringBuilder</c>, and types implementing <c>ICollection&lt;T&gt;</c>, <c>IDictionary</c> or
    /// <c>IProducerConsumerCollection&lt;T&gt;</c> that are not immutable, frozen or read-only wrappers.
    /// </summary>
    public bool IsMutableCollection(ITypeSymbol? type) => Has(type, Traits.MutableCollection);

    /// <summary>The in-memory queue types that belong to SL4001/SL4002 (<c>Channel&lt;T&gt;</c>, <c>ConcurrentQueue&lt;T&gt;</c>...).</summary>
    public bool IsQueue(ITypeSymbol? type) => Has(type, Traits.Queue);

    /// <summary>
    /// A safe static type, an immutable collection, or a type of <c>stateless_analyzers.safe_types</c>: holding one
    /// in a static field is not state by itself.
    /// </summary>
    public bool IsSafeOrImmutable(ITypeSymbol? type) => Has(type, Traits.SafeOrImmutable);

    /// <summary><c>AsyncLocal&lt;T&gt;</c> and <c>ThreadLocal&lt;T&gt;</c>: values that belong to one flow or thread.</summary>
    public bool IsFlowLocal(ITypeSymbol? type) => Has(type, Traits.FlowLocal);

    /// <summary>
    /// Caches rebuilt on demand, never state for SL1005: dictionaries keyed by <c>Type</c>, <c>MemberInfo</c> or
    /// <c>Assembly</c> (reflection caches), <c>Lazy&lt;T&gt;</c> and <c>ConditionalWeakTable</c>.
    /// </summary>
    public bool IsRebuildableCache(ITypeSymbol? type) => Has(type, Traits.RebuildableCache);

    /// <summary>
    /// A handle a singleton may keep (SL1003): the safe static types other than strings, enums, primitives and
    /// values (<c>HttpClient</c>, loggers, options, <c>Regex</c>, meters, delegates, <c>Lazy&lt;T&gt;</c>...), and the
    /// types of <c>stateless_analyzers.safe_types</c>.
    /// </summary>
    public bool IsHandle(ITypeSymbol? type) => Has(type, Traits.Handle);

    private bool Has(ITypeSymbol? type, Traits trait)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
            return false;
        if (!cache.TryGetValue(type, out var traits))
            traits = cache.GetOrAdd(type, Classify(type));
        return (traits & trait) != 0;
    }

    private Traits Classify(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol)
            return Traits.MutableCollection;
        if (type is not INamedTypeSymbol named)
            return Traits.None;

        var definition = named.OriginalDefinition;
        if (definition.Is(symbols.Lazy))
            return Traits.Handle | Traits.RebuildableCache | (IsSafe(named) ? Traits.SafeOrImmutable : Traits.None);
        if (IsSafe(named))
            return IsValue(named) ? Traits.SafeOrImmutable : Traits.SafeOrImmutable | Traits.Handle;
        if (definition.Is(symbols.AsyncLocal) || definition.Is(symbols.ThreadLocal))
            return Traits.FlowLocal;

        var traits = Traits.None;
        if (definition.Is(symbols.Lazy) || definition.Is(symbols.ConditionalWeakTable) || IsReflectionKeyedDictionary(named))
            traits |= Traits.RebuildableCache;
        if (IsOrDerivesFromAny(named, symbols.QueueTypes))
            traits |= Traits.Queue;

        if (IsImmutableCollection(named))
            return traits | Traits.SafeOrImmutable;

        if (definition.Is(symbols.StringBuilder) || ImplementsCollectionInterface(named))
            traits |= Traits.MutableCollection;
        return traits;
    }

    /// <summary>Strings, enums, primitives and immutable values: safe when static, but state when a singleton writes them.</summary>
    private static bool IsValue(INamedTypeSymbol type) =>
        type.SpecialType != SpecialType.None
        || type.TypeKind == TypeKind.Enum
        || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
        || type.Name is "TimeSpan" or "Guid" or "DateTime" or "DateTimeOffset" or "DateOnly" or "TimeOnly" or "Uri" or "Version"
            && type.ContainingNamespace.IsNamespace("System");

    private bool IsSafe(INamedTypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_String:
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
                return true;
        }

        if (type.TypeKind is TypeKind.Enum or TypeKind.Delegate)
            return true;

        // Nullable<T> of a safe value type.
        if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && type.TypeArguments.Length == 1)
            return type.TypeArguments[0] is INamedTypeSymbol inner && IsSafe(inner);

        // Lazy<T> of a safe type.
        if (type.OriginalDefinition.Is(symbols.Lazy) && type.TypeArguments.Length == 1)
            return type.TypeArguments[0] is INamedTypeSymbol lazyValue && IsSafe(lazyValue);

        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            var definition = current.OriginalDefinition;
            if (symbols.SafeTypes.Contains(definition) || configuredSafeTypes.Contains(definition) || definition.Is(symbols.Delegate))
                return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            var definition = implemented.OriginalDefinition;
            if (symbols.SafeTypes.Contains(definition) || configuredSafeTypes.Contains(definition))
                return true;
        }

        return false;
    }

    private bool IsReflectionKeyedDictionary(INamedTypeSymbol type)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.OriginalDefinition.Is(symbols.GenericDictionary)
                && implemented.TypeArguments[0] is INamedTypeSymbol key
                && IsOrDerivesFromAny(key, symbols.ReflectionKeyTypes))
                return true;
        }
        return false;
    }

    private bool IsImmutableCollection(INamedTypeSymbol type)
    {
        if (type.ContainingNamespace.IsNamespace("System.Collections.Immutable"))
            return true;
        return IsOrDerivesFromAny(type, symbols.ImmutableCollectionTypes);
    }

    private bool ImplementsCollectionInterface(INamedTypeSymbol type)
    {
        if (IsCollectionInterface(type))
            return true;
        foreach (var implemented in type.AllInterfaces)
        {
            if (IsCollectionInterface(implemented))
                return true;
        }
        return false;
    }

    private bool IsCollectionInterface(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        return definition.Is(symbols.GenericCollection)
            || definition.Is(symbols.NonGenericDictionary)
            || definition.Is(symbols.ProducerConsumerCollection);
    }

    private static bool IsOrDerivesFromAny(INamedTypeSymbol type, ImmutableHashSet<INamedTypeSymbol> candidates)
    {
        if (candidates.IsEmpty)
            return false;
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (candidates.Contains(current.OriginalDefinition))
                return true;
        }
        return false;
    }
}
