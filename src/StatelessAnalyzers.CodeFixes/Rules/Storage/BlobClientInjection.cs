using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using StatelessAnalyzers.CodeFixes.Common;

namespace StatelessAnalyzers.CodeFixes.Rules.Storage;

/// <summary>How a type gets (or already has) its blob client.</summary>
internal enum BlobClientInjectionKind
{
    /// <summary>A field, property or primary-constructor parameter of the client type exists: nothing to add.</summary>
    Existing,

    /// <summary>Append a parameter to the primary constructor.</summary>
    PrimaryConstructorParameter,

    /// <summary>Append a parameter to the only instance constructor, and add a field assigned there.</summary>
    ConstructorParameter,

    /// <summary>No constructor: add a field and a public constructor that assigns it.</summary>
    NewConstructor,
}

/// <summary>The outcome of <see cref="BlobClientInjection.TryPlan"/>; apply it with <see cref="BlobClientInjection.ApplyTo"/>.</summary>
internal sealed class BlobClientInjectionPlan
{
    internal BlobClientInjectionPlan(
        BlobClientInjectionKind kind, string name, bool qualifyWithThis, TypeDeclarationSyntax? declaration, string? parameterName, string typeName)
    {
        Kind = kind;
        Name = name;
        QualifyWithThis = qualifyWithThis;
        Declaration = declaration;
        ParameterName = parameterName;
        TypeName = typeName;
    }

    public BlobClientInjectionKind Kind { get; }

    /// <summary>The field, property or primary-constructor parameter that holds the client.</summary>
    public string Name { get; }

    /// <summary>True when the client is reached as <c>this.Name</c> (camelCase fields, which locals could hide).</summary>
    public bool QualifyWithThis { get; }

    /// <summary>The partial part that <see cref="BlobClientInjection.ApplyTo"/> edits; null for <see cref="BlobClientInjectionKind.Existing"/>.</summary>
    public TypeDeclarationSyntax? Declaration { get; }

    /// <summary>The constructor parameter added, if any.</summary>
    public string? ParameterName { get; }

    /// <summary>The simple name of the client type, as written in the added parameter and field.</summary>
    public string TypeName { get; }

    /// <summary>True when the plan changes the constructors (and so needs the client type's namespace imported).</summary>
    public bool ChangesConstructors => Kind != BlobClientInjectionKind.Existing;

    /// <summary><c>_blobStorage</c>, <c>this.blobStorage</c> or <c>blobStorage</c>.</summary>
    public ExpressionSyntax CreateAccessExpression() => QualifyWithThis
        ? SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ThisExpression(), SyntaxFactory.IdentifierName(Name))
        : SyntaxFactory.IdentifierName(Name);
}

/// <summary>
/// Finds or adds the injected blob client of a type, the way <see cref="DistributedCacheInjection"/> does for the
/// cache (whose plan is tied to <c>IDistributedCache</c>): <see cref="TryPlan"/> decides, <see cref="ApplyTo"/> edits.
/// </summary>
internal static class BlobClientInjection
{
    /// <summary>
    /// Plans how <paramref name="type"/> gets a client of <paramref name="clientType"/> (null: a type the fix is about to
    /// generate, so nothing can hold it yet): an existing instance field or property of that type (declared or inherited
    /// and accessible), else an existing primary-constructor parameter, else a new primary-constructor parameter, else a
    /// new parameter and field on the only instance constructor, else (no constructor) a new field and constructor.
    /// Null (decline) for several constructors, a primary constructor next to explicit ones, records, structs, static
    /// classes, or a constructor without a body.
    /// </summary>
    public static BlobClientInjectionPlan? TryPlan(
        TypeDeclarationSyntax declaration,
        INamedTypeSymbol type,
        INamedTypeSymbol? clientType,
        string typeName,
        string baseName,
        string alternateName,
        CancellationToken cancellationToken)
    {
        if (type.TypeKind != TypeKind.Class || type.IsStatic || type.IsRecord)
            return null;

        if (clientType is not null && FindExistingMember(type, clientType) is { } existing)
            return new BlobClientInjectionPlan(BlobClientInjectionKind.Existing, existing.Name, existing is IFieldSymbol && char.IsLower(existing.Name[0]), null, null, typeName);

        var parts = type.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(cancellationToken))
            .OfType<TypeDeclarationSyntax>()
            .ToList();
        var primaryPart = parts.FirstOrDefault(p => p.ParameterList is not null);
        var explicitConstructors = type.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared).ToList();

        if (primaryPart is not null)
        {
            var primary = explicitConstructors.FirstOrDefault(c => c.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax));
            if (primary is null || explicitConstructors.Count != 1)
                return null; // other constructors chain to the primary one: each would need the new argument
            if (clientType is not null)
            {
                foreach (var parameter in primary.Parameters)
                {
                    if (SymbolEqualityComparer.Default.Equals(parameter.Type, clientType))
                        return new BlobClientInjectionPlan(BlobClientInjectionKind.Existing, parameter.Name, false, null, null, typeName);
                }
            }
            var name = ChooseName(type, parts, baseName, alternateName);
            return new BlobClientInjectionPlan(BlobClientInjectionKind.PrimaryConstructorParameter, name, false, primaryPart, name, typeName);
        }

        var underscore = UsesUnderscoreFields(type);
        if (explicitConstructors.Count > 1)
            return null;
        if (explicitConstructors.Count == 1)
        {
            var constructor = explicitConstructors[0].DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as ConstructorDeclarationSyntax;
            if (constructor?.Parent is not TypeDeclarationSyntax part || (constructor.Body is null && constructor.ExpressionBody is null))
                return null;
            var parameterName = ChooseName(type, parts, baseName, alternateName);
            var fieldName = underscore ? ChooseName(type, parts, "_" + baseName, "_" + alternateName) : parameterName;
            return new BlobClientInjectionPlan(BlobClientInjectionKind.ConstructorParameter, fieldName, !underscore, part, parameterName, typeName);
        }

        var newParameter = ChooseName(type, parts, baseName, alternateName);
        var newField = underscore ? ChooseName(type, parts, "_" + baseName, "_" + alternateName) : newParameter;
        return new BlobClientInjectionPlan(BlobClientInjectionKind.NewConstructor, newField, !underscore, declaration, newParameter, typeName);
    }

    /// <summary>
    /// True when changing the constructors cannot break other code: the plan adds nothing, or no type in the solution
    /// derives from <paramref name="type"/> and no source code calls its constructors (the DI container does).
    /// </summary>
    public static async Task<bool> IsConstructorChangeSafeAsync(
        BlobClientInjectionPlan plan, INamedTypeSymbol type, Solution solution, CancellationToken cancellationToken)
    {
        if (!plan.ChangesConstructors)
            return true;
        if (type.IsAbstract)
            return false;
        var derived = await SymbolFinder.FindDerivedClassesAsync(type, solution, transitive: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (derived.Any())
            return false;
        foreach (var constructor in type.InstanceConstructors)
        {
            var references = await SymbolFinder.FindReferencesAsync(constructor, solution, cancellationToken).ConfigureAwait(false);
            if (references.Any(r => r.Locations.Any()))
                return false;
        }
        return true;
    }

    /// <summary>Applies the plan to the current version of <see cref="BlobClientInjectionPlan.Declaration"/>.</summary>
    public static TypeDeclarationSyntax ApplyTo(BlobClientInjectionPlan plan, TypeDeclarationSyntax current, SyntaxTrivia endOfLine)
    {
        var parameterName = plan.ParameterName ?? plan.Name;
        var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(parameterName))
            .WithType(SyntaxFactory.IdentifierName(plan.TypeName).WithTrailingTrivia(SyntaxFactory.Space));
        switch (plan.Kind)
        {
            case BlobClientInjectionKind.PrimaryConstructorParameter when current.ParameterList is { } parameters:
                return current.WithParameterList(AppendParameter(parameters, parameter));

            case BlobClientInjectionKind.ConstructorParameter:
            {
                var constructor = current.Members.OfType<ConstructorDeclarationSyntax>().FirstOrDefault(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword));
                if (constructor is null)
                    return current;
                var updated = constructor.WithParameterList(AppendParameter(constructor.ParameterList, parameter));
                if (constructor.ExpressionBody is { } expressionBody)
                {
                    // The expression body becomes the first statement of a block on lines of its own.
                    updated = updated
                        .WithExpressionBody(null)
                        .WithSemicolonToken(default)
                        .WithParameterList(updated.ParameterList.WithTrailingTrivia(endOfLine))
                        .WithBody(SyntaxFactory.Block(
                            SyntaxFactory.ExpressionStatement(expressionBody.Expression.WithoutTrivia()).WithAdditionalAnnotations(Formatter.Annotation),
                            CreateAssignment(plan, parameterName)))
                        .WithTrailingTrivia(constructor.GetTrailingTrivia())
                        .WithAdditionalAnnotations(Formatter.Annotation);
                }
                else
                {
                    updated = updated.AddBodyStatements(CreateAssignment(plan, parameterName));
                }
                current = current.ReplaceNode(constructor, updated);
                return MemberLayout.Insert(current, FieldInsertionIndex(current), CreateField(plan), endOfLine);
            }

            case BlobClientInjectionKind.NewConstructor:
            {
                var index = FieldInsertionIndex(current);
                current = MemberLayout.Insert(current, index, CreateField(plan), endOfLine);
                var constructor = SyntaxFactory.ConstructorDeclaration(current.Identifier.WithoutTrivia())
                    .AddModifiers(SyntaxFactory.Token(SyntaxKind.PublicKeyword))
                    .AddParameterListParameters(parameter)
                    .WithBody(SyntaxFactory.Block(CreateAssignment(plan, parameterName)));
                return MemberLayout.Insert(current, index + 1, constructor, endOfLine);
            }

            default:
                return current;
        }
    }

    /// <summary>An instance field or readable property of <paramref name="clientType"/> that <paramref name="type"/> can use.</summary>
    internal static ISymbol? FindExistingMember(INamedTypeSymbol type, INamedTypeSymbol clientType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || member.IsImplicitlyDeclared)
                    continue;
                if (!SymbolEqualityComparer.Default.Equals(current, type)
                    && member.DeclaredAccessibility is Accessibility.Private or Accessibility.NotApplicable)
                    continue;
                var memberType = member switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
                    _ => null,
                };
                if (memberType is not null && SymbolEqualityComparer.Default.Equals(memberType, clientType))
                    return member;
            }
        }
        return null;
    }

    /// <summary>True when <paramref name="type"/> holds a <paramref name="clientType"/> in a member or primary-constructor parameter.</summary>
    internal static bool HasClient(INamedTypeSymbol type, INamedTypeSymbol clientType, CancellationToken cancellationToken)
    {
        if (FindExistingMember(type, clientType) is not null)
            return true;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax)
                && constructor.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.Type, clientType)))
                return true;
        }
        return false;
    }

    private static ParameterListSyntax AppendParameter(ParameterListSyntax list, ParameterSyntax parameter)
    {
        var nodes = list.Parameters.GetWithSeparators();
        if (list.Parameters.Count > 0)
            nodes = nodes.Add(SyntaxFactory.Token(default, SyntaxKind.CommaToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)));
        return list.WithParameters(SyntaxFactory.SeparatedList<ParameterSyntax>(nodes.Add(parameter)));
    }

    /// <summary>The naming style of the type's instance fields: <c>_x</c> (also the default) or <c>x</c> used as <c>this.x</c>.</summary>
    private static bool UsesUnderscoreFields(INamedTypeSymbol type)
    {
        var plain = false;
        foreach (var member in type.GetMembers())
        {
            if (member is not IFieldSymbol { IsStatic: false, IsConst: false, IsImplicitlyDeclared: false } field)
                continue;
            if (field.Name.StartsWith("_", StringComparison.Ordinal))
                return true;
            if (char.IsLower(field.Name[0]))
                plain = true;
        }
        return !plain;
    }

    /// <summary>The first candidate used by no member (inherited ones included) and no identifier in the type's code.</summary>
    private static string ChooseName(INamedTypeSymbol type, List<TypeDeclarationSyntax> parts, params string[] candidates)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var token in part.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken))
                    used.Add(token.ValueText);
            }
        }
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
                used.Add(member.Name);
        }
        foreach (var candidate in candidates)
        {
            if (!used.Contains(candidate))
                return candidate;
        }
        for (var i = 2; ; i++)
        {
            var numbered = candidates[0] + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!used.Contains(numbered))
                return numbered;
        }
    }

    private static int FieldInsertionIndex(TypeDeclarationSyntax declaration)
    {
        var index = 0;
        for (var i = 0; i < declaration.Members.Count; i++)
        {
            if (declaration.Members[i] is FieldDeclarationSyntax)
                index = i + 1;
        }
        return index;
    }

    private static FieldDeclarationSyntax CreateField(BlobClientInjectionPlan plan) =>
        SyntaxFactory.FieldDeclaration(
                SyntaxFactory.VariableDeclaration(SyntaxFactory.IdentifierName(plan.TypeName))
                    .AddVariables(SyntaxFactory.VariableDeclarator(plan.Name)))
            .AddModifiers(SyntaxFactory.Token(SyntaxKind.PrivateKeyword), SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword))
            .NormalizeWhitespace();

    private static StatementSyntax CreateAssignment(BlobClientInjectionPlan plan, string parameterName) =>
        SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                plan.CreateAccessExpression(),
                SyntaxFactory.IdentifierName(parameterName)))
            .NormalizeWhitespace()
            .WithAdditionalAnnotations(Formatter.Annotation);
}
