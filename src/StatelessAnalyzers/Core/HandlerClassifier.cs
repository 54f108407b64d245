using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StatelessAnalyzers.Core;

/// <summary>Recognises request-handling types exactly as RULES.md defines them.</summary>
internal sealed class HandlerClassifier
{
    private readonly WellKnownSymbols symbols;
    private readonly ImmutableHashSet<INamedTypeSymbol> extraBaseTypes;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> cache = new(SymbolEqualityComparer.Default);

    public HandlerClassifier(WellKnownSymbols symbols, ImmutableHashSet<INamedTypeSymbol> extraBaseTypes)
    {
        this.symbols = symbols;
        this.extraBaseTypes = extraBaseTypes;
    }

    /// <summary>True when <paramref name="type"/> or a type it is nested in is a request-handling type.</summary>
    public bool IsInRequestHandlingType(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (IsRequestHandlingType(current))
                return true;
        }
        return false;
    }

    /// <summary>
    /// A controller (base type, attribute or naming convention), Razor page model, SignalR hub, middleware,
    /// gRPC service, or a type deriving from one of <c>stateless_analyzers.handler_base_types</c>.
    /// </summary>
    public bool IsRequestHandlingType(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class)
            return false;
        var definition = type.OriginalDefinition;
        if (cache.TryGetValue(definition, out var known))
            return known;
        return cache.GetOrAdd(definition, Classify(definition));
    }

    private bool Classify(INamedTypeSymbol type)
    {
        if (IsController(type) || IsMiddleware(type))
            return true;

        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            var definition = baseType.OriginalDefinition;
            if (definition.Is(symbols.PageModel) || definition.Is(symbols.Hub) || extraBaseTypes.Contains(definition))
                return true;
            if (symbols.BindServiceMethodAttribute is not null && HasAttribute(GetAttributes(definition), symbols.BindServiceMethodAttribute))
                return true;
        }

        if (!extraBaseTypes.IsEmpty)
        {
            foreach (var implemented in type.GetAllInterfaces())
            {
                if (extraBaseTypes.Contains(implemented.OriginalDefinition))
                    return true;
            }
        }
        return false;
    }

    private bool IsController(INamedTypeSymbol type)
    {
        if (symbols.ControllerBase is null && symbols.ControllerAttribute is null && symbols.ApiControllerAttribute is null)
            return false;

        // [NonController] (inherited) wins over every other sign, as it does for MVC's own discovery.
        var derivesFromControllerBase = false;
        var hasControllerAttribute = false;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.OriginalDefinition.Is(symbols.ControllerBase))
                derivesFromControllerBase = true;
            var attributes = GetAttributes(current);
            if (attributes.IsEmpty)
                continue;
            if (HasAttribute(attributes, symbols.NonControllerAttribute))
                return false;
            if (HasAttribute(attributes, symbols.ControllerAttribute) || HasAttribute(attributes, symbols.ApiControllerAttribute))
                hasControllerAttribute = true;
        }
        if (derivesFromControllerBase || hasControllerAttribute)
            return true;

        // Naming convention: only in projects that reference MVC.
        return symbols.ControllerBase is not null
            && type.DeclaredAccessibility == Accessibility.Public
            && !type.IsAbstract
            && type.Name.EndsWith("Controller", StringComparison.Ordinal)
            && type.Name.Length > "Controller".Length;
    }

    private bool IsMiddleware(INamedTypeSymbol type)
    {
        if (type.IsOrImplements(symbols.IMiddleware))
            return true;

        if (symbols.HttpContext is null || symbols.RequestDelegate is null)
            return false;

        // The methods by name, not the whole member list: a type's members sorted in declaration order are built on
        // the first call of GetMembers(), and most classes asked about here have no Invoke method at all.
        if (!HasInvoke(type.GetMembers("Invoke")) && !HasInvoke(type.GetMembers("InvokeAsync")))
            return false;
        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (parameter.Type.Is(symbols.RequestDelegate))
                    return true;
            }
        }
        return false;
    }

    /// <summary>A public instance method among <paramref name="members"/> whose first parameter is the <c>HttpContext</c>.</summary>
    private bool HasInvoke(ImmutableArray<ISymbol> members)
    {
        foreach (var member in members)
        {
            if (member is IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public } method
                && method.Parameters.Length > 0
                && method.Parameters[0].Type.Is(symbols.HttpContext))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The attributes of <paramref name="type"/>. A source type none of whose declarations has an attribute list has
    /// none, and its attributes are not bound for nothing (binding them is compiler work the analyzer would pay for).
    /// </summary>
    private static ImmutableArray<AttributeData> GetAttributes(INamedTypeSymbol type)
    {
        var references = type.DeclaringSyntaxReferences;
        if (references.IsEmpty)
            return type.GetAttributes();
        foreach (var reference in references)
        {
            if (reference.GetSyntax() is not MemberDeclarationSyntax declaration || declaration.AttributeLists.Count > 0)
                return type.GetAttributes();
        }
        return ImmutableArray<AttributeData>.Empty;
    }

    private static bool HasAttribute(ImmutableArray<AttributeData> attributes, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
            return false;
        foreach (var attribute in attributes)
        {
            for (var attributeClass = attribute.AttributeClass; attributeClass is not null; attributeClass = attributeClass.BaseType)
            {
                if (attributeClass.Is(attributeType))
                    return true;
            }
        }
        return false;
    }
}
