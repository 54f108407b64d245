using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;

namespace StatelessAnalyzers.CodeFixes.Common;

/// <summary>How a type gets (or already has) an injected dependency.</summary>
internal enum DependencyInjectionKind
{
    /// <summary>A field, property or primary-constructor parameter of that type already exists: nothing to add.</summary>
    Existing,

    /// <summary>Append a parameter to the primary constructor.</summary>
    PrimaryConstructorParameter,

    /// <summary>Append a parameter to the only instance constructor, and add a field assigned there.</summary>
    ConstructorParameter,

    /// <summary>No constructor: add a field and a public constructor that assigns it.</summary>
    NewConstructor,
}

/// <summary>The outcome of <see cref="DependencyInjection.TryPlan"/>; apply it with <see cref="DependencyInjection.Apply"/> or <see cref="DependencyInjection.ApplyTo"/>.</summary>
internal class DependencyInjectionPlan
{
    internal DependencyInjectionPlan(
        DependencyInjectionKind kind, string name, bool qualifyWithThis, TypeDeclarationSyntax? declaration, string? parameterName, string typeName)
    {
        Kind = kind;
        Name = name;
        QualifyWithThis = qualifyWithThis;
        Declaration = declaration;
        ParameterName = parameterName;
        TypeName = typeName;
    }

    /// <summary>A copy of <paramref name="plan"/>, for plans specialised to one dependency.</summary>
    protected DependencyInjectionPlan(DependencyInjectionPlan plan)
        : this(plan.Kind, plan.Name, plan.QualifyWithThis, plan.Declaration, plan.ParameterName, plan.TypeName)
    {
    }

    /// <summary>What the plan adds, if anything.</summary>
    public DependencyInjectionKind Kind { get; }

    /// <summary>The field, property or primary-constructor parameter that holds the dependency.</summary>
    public string Name { get; }

    /// <summary>True when the dependency is reached as <c>this.Name</c> (camelCase fields, which parameters and locals could hide).</summary>
    public bool QualifyWithThis { get; }

    /// <summary>The partial part that <see cref="DependencyInjection.Apply"/> edits; null for <see cref="DependencyInjectionKind.Existing"/>.</summary>
    public TypeDeclarationSyntax? Declaration { get; }

    /// <summary>The constructor parameter added, if any.</summary>
    public string? ParameterName { get; }

    /// <summary>The simple name of the dependency type, as written in the added parameter and field.</summary>
    public string TypeName { get; }

    /// <summary>True when the plan changes the constructors: callers in source and derived types would break, and the dependency type's namespace must be imported.</summary>
    public bool ChangesConstructors => Kind != DependencyInjectionKind.Existing;

    /// <summary>The tree <see cref="DependencyInjection.Apply"/> edits, if any.</summary>
    public SyntaxTree? EditedTree => Declaration?.SyntaxTree;

    /// <summary><c>_name</c>, <c>this.name</c> or <c>name</c>.</summary>
    public ExpressionSyntax CreateAccessExpression() => QualifyWithThis
        ? SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ThisExpression(), SyntaxFactory.IdentifierName(Name))
        : SyntaxFactory.IdentifierName(Name);
}

/// <summary>
/// Finds or adds an injected dependency (a cache, a blob client...) of a type, in two steps: <see cref="TryPlan"/>
/// decides (pure analysis, so a fix can decline in <c>RegisterCodeFixesAsync</c>) and <see cref="Apply"/> or
/// <see cref="ApplyTo"/> edits.
/// </summary>
internal static class DependencyInjection
{
    /// <summary>
    /// Plans how <paramref name="type"/> (all its partial parts) gets a <paramref name="dependencyType"/> (null: a type
    /// the fix is about to generate, so nothing can hold it yet): an existing instance field or property of that type
    /// (declared in the type or inherited and accessible), else an existing primary-constructor parameter, else a new
    /// primary-constructor parameter, else a new parameter and field on the only instance constructor, else (no
    /// constructor) a new field and constructor in <paramref name="declaration"/>. New members are named
    /// <paramref name="baseName"/>, else <paramref name="alternateName"/> (with <c>_</c> for underscore-style fields), else
    /// <paramref name="baseName"/> numbered, and typed <paramref name="typeName"/>.
    /// Null (decline) for several constructors, a primary constructor next to explicit ones, records, structs,
    /// static classes, or a constructor without a body. <paramref name="removedMembers"/> are members the caller is
    /// removing: they neither count as the type's naming style nor block a name.
    /// </summary>
    public static DependencyInjectionPlan? TryPlan(
        TypeDeclarationSyntax declaration,
        INamedTypeSymbol type,
        INamedTypeSymbol? dependencyType,
        string typeName,
        string baseName,
        string alternateName,
        IEnumerable<ISymbol>? removedMembers,
        CancellationToken cancellationToken)
    {
        if (type.TypeKind != TypeKind.Class || type.IsStatic || type.IsRecord)
            return null;
        var removed = new HashSet<ISymbol>(removedMembers ?? Enumerable.Empty<ISymbol>(), SymbolEqualityComparer.Default);

        if (dependencyType is not null && FindExistingMember(type, dependencyType, removed) is { } existing)
            return new DependencyInjectionPlan(DependencyInjectionKind.Existing, existing.Name, existing is IFieldSymbol && char.IsLower(existing.Name[0]), null, null, typeName);

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
            if (dependencyType is not null)
            {
                foreach (var parameter in primary.Parameters)
                {
                    if (SymbolEqualityComparer.Default.Equals(parameter.Type, dependencyType))
                        return new DependencyInjectionPlan(DependencyInjectionKind.Existing, parameter.Name, false, null, null, typeName);
                }
            }
            var name = ChooseName(type, parts, removed, baseName, alternateName);
            return new DependencyInjectionPlan(DependencyInjectionKind.PrimaryConstructorParameter, name, false, primaryPart, name, typeName);
        }

        var underscore = UsesUnderscoreFields(type, removed);
        if (explicitConstructors.Count > 1)
            return null;
        if (explicitConstructors.Count == 1)
        {
            var constructor = explicitConstructors[0].DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as ConstructorDeclarationSyntax;
            if (constructor?.Parent is not TypeDeclarationSyntax part || (constructor.Body is null && constructor.ExpressionBody is null))
                return null;
            var parameterName = ChooseName(type, parts, removed, baseName, alternateName);
            var fieldName = underscore ? ChooseName(type, parts, removed, "_" + baseName, "_" + alternateName) : parameterName;
            return new DependencyInjectionPlan(DependencyInjectionKind.ConstructorParameter, fieldName, !underscore, part, parameterName, typeName);
        }

        var newParameter = ChooseName(type, parts, removed, baseName, alternateName);
        var newField = underscore ? ChooseName(type, parts, removed, "_" + baseName, "_" + alternateName) : newParameter;
        return new DependencyInjectionPlan(DependencyInjectionKind.NewConstructor, newField, !underscore, declaration, newParameter, typeName);
    }

    /// <summary>
    /// True when changing the constructors cannot break other code: the plan adds nothing, or no type in the solution
    /// derives from <paramref name="type"/> and no source code calls its constructors (the DI container does).
    /// </summary>
    public static async Task<bool> IsConstructorChangeSafeAsync(
        DependencyInjectionPlan plan, INamedTypeSymbol type, Solution solution, CancellationToken cancellationToken)
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

    /// <summary>Applies the plan through <paramref name="editor"/>, whose tree must be <see cref="DependencyInjectionPlan.EditedTree"/>.</summary>
    public static void Apply(DependencyInjectionPlan plan, SyntaxEditor editor)
    {
        if (plan.Declaration is null)
            return;
        var endOfLine = UsingDirectives.DetectEndOfLine(editor.OriginalRoot);
        editor.ReplaceNode(plan.Declaration, (current, _) => ApplyTo(plan, (TypeDeclarationSyntax)current, endOfLine));
    }

    /// <summary>Applies the plan to the current version of <see cref="DependencyInjectionPlan.Declaration"/>.</summary>
    public static TypeDeclarationSyntax ApplyTo(DependencyInjectionPlan plan, TypeDeclarationSyntax current, SyntaxTrivia endOfLine)
    {
        var parameterName = plan.ParameterName ?? plan.Name;
        var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(parameterName))
            .WithType(SyntaxFactory.IdentifierName(plan.TypeName).WithTrailingTrivia(SyntaxFactory.Space));
        switch (plan.Kind)
        {
            case DependencyInjectionKind.PrimaryConstructorParameter when current.ParameterList is { } parameters:
                return current.WithParameterList(AppendParameter(parameters, parameter));

            case DependencyInjectionKind.ConstructorParameter:
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

            case DependencyInjectionKind.NewConstructor:
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

    /// <summary>True when <paramref name="type"/> holds a <paramref name="dependencyType"/> in a member or primary-constructor parameter.</summary>
    public static bool HasDependency(INamedTypeSymbol type, INamedTypeSymbol dependencyType, CancellationToken cancellationToken)
    {
        if (FindExistingMember(type, dependencyType, new HashSet<ISymbol>(SymbolEqualityComparer.Default)) is not null)
            return true;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax)
                && constructor.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.Type, dependencyType)))
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

    /// <summary>An instance field or readable property of <paramref name="dependencyType"/> that <paramref name="type"/> can use.</summary>
    private static ISymbol? FindExistingMember(INamedTypeSymbol type, INamedTypeSymbol dependencyType, HashSet<ISymbol> removed)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || member.IsImplicitlyDeclared || removed.Contains(member))
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
                if (memberType is not null && SymbolEqualityComparer.Default.Equals(memberType, dependencyType))
                    return member;
            }
        }
        return null;
    }

    /// <summary>The naming style of the type's instance fields: <c>_x</c> (also the default) or <c>x</c> used as <c>this.x</c>.</summary>
    private static bool UsesUnderscoreFields(INamedTypeSymbol type, HashSet<ISymbol> removed)
    {
        var plain = false;
        foreach (var member in type.GetMembers())
        {
            if (member is not IFieldSymbol { IsStatic: false, IsConst: false, IsImplicitlyDeclared: false } field || removed.Contains(field))
                continue;
            if (field.Name.StartsWith("_", StringComparison.Ordinal))
                return true;
            if (char.IsLower(field.Name[0]))
                plain = true;
        }
        return !plain;
    }

    /// <summary>The first candidate used by no member (inherited ones included) and no identifier in the type's code.</summary>
    private static string ChooseName(INamedTypeSymbol type, List<TypeDeclarationSyntax> parts, HashSet<ISymbol> removed, params string[] candidates)
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
            {
                if (!removed.Contains(member))
                    used.Add(member.Name);
            }
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

    private static FieldDeclarationSyntax CreateField(DependencyInjectionPlan plan) =>
        SyntaxFactory.FieldDeclaration(
                SyntaxFactory.VariableDeclaration(SyntaxFactory.IdentifierName(plan.TypeName))
                    .AddVariables(SyntaxFactory.VariableDeclarator(plan.Name)))
            .AddModifiers(SyntaxFactory.Token(SyntaxKind.PrivateKeyword), SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword))
            .NormalizeWhitespace();

    private static StatementSyntax CreateAssignment(DependencyInjectionPlan plan, string parameterName) =>
        SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                plan.CreateAccessExpression(),
                SyntaxFactory.IdentifierName(parameterName)))
            .NormalizeWhitespace()
            .WithAdditionalAnnotations(Formatter.Annotation);
}
