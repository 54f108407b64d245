using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StatelessAnalyzers.Core;

/// <summary>Small questions about fields and properties that several rules ask.</summary>
internal static class MemberFacts
{
    /// <summary>The field or property an operation references, or null.</summary>
    public static ISymbol? GetReferencedMember(IOperation operation) => operation.Kind switch
    {
        OperationKind.FieldReference => ((IFieldReferenceOperation)operation).Field,
        OperationKind.PropertyReference when ((IPropertyReferenceOperation)operation).Property is { IsIndexer: false } property => property,
        _ => null,
    };

    /// <summary>The type of a field or property.</summary>
    public static ITypeSymbol? GetMemberType(ISymbol member) => member.Kind switch
    {
        // By kind, not by interface: every field and property of the compilation comes here.
        SymbolKind.Field => ((IFieldSymbol)member).Type,
        SymbolKind.Property => ((IPropertySymbol)member).Type,
        _ => null,
    };

    /// <summary>
    /// True for a field, or for a property that stores its value in a compiler-generated backing field (an
    /// auto-property, or one using the <c>field</c> keyword).
    /// </summary>
    public static bool HasStorage(ISymbol member)
    {
        if (member is IFieldSymbol)
            return true;
        if (member is not IPropertySymbol property || property.IsIndexer || property.IsAbstract)
            return false;
        foreach (var candidate in property.ContainingType.GetMembers())
        {
            if (candidate is IFieldSymbol { IsImplicitlyDeclared: true } backing
                && SymbolEqualityComparer.Default.Equals(backing.AssociatedSymbol, property))
                return true;
        }
        return false;
    }

    /// <summary>A field that is <c>readonly</c>, or a property without a setter.</summary>
    public static bool IsReadOnly(ISymbol member) => member switch
    {
        IFieldSymbol field => field.IsReadOnly,
        IPropertySymbol property => property.SetMethod is null,
        _ => true,
    };

    /// <summary>True when only code inside the outermost containing type can reference <paramref name="member"/>.</summary>
    public static bool IsEffectivelyPrivate(ISymbol member)
    {
        for (ISymbol? current = member; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility == Accessibility.Private)
                return true;
        }
        return false;
    }

    /// <summary>
    /// True when the write runs while the type initialises: in a static field or property initializer, or in the static
    /// constructor of <paramref name="declaringType"/>, and not in a lambda or local function that runs later.
    /// </summary>
    public static bool IsTypeInitialization(IOperation operation, ISymbol containingSymbol, INamedTypeSymbol declaringType)
    {
        var initializes = containingSymbol switch
        {
            IFieldSymbol { IsStatic: true } => true,
            IPropertySymbol { IsStatic: true } => true,
            IMethodSymbol { MethodKind: MethodKind.StaticConstructor } constructor =>
                SymbolEqualityComparer.Default.Equals(constructor.ContainingType.OriginalDefinition, declaringType.OriginalDefinition),
            _ => false,
        };
        return initializes && !StateWrites.IsInsideDeferredCode(operation);
    }
}
