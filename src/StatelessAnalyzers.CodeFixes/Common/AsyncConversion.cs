using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.CodeFixes.Common;

/// <summary>Which methods may await, and turning a synchronous action method into an async one.</summary>
internal static class AsyncConversion
{
    /// <summary>The namespace <see cref="MakeAsync"/> needs imported (it writes <c>Task</c>).</summary>
    public const string TasksNamespace = "System.Threading.Tasks";

    /// <summary>True for an <c>async</c> method that returns a Task-like type (<c>Task</c>, <c>ValueTask</c>, generic or not).</summary>
    public static bool IsAsync(IMethodSymbol method) => method.IsAsync && IsTaskLike(method.ReturnType);

    /// <summary><c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    public static bool IsTaskLike(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Task" or "ValueTask" } named
        && named.ContainingNamespace?.ToDisplayString() == TasksNamespace;

    /// <summary><see cref="CanMakeAsync(IMethodSymbol, HandlerClassifier)"/> with the default options' classifier.</summary>
    public static bool CanMakeAsync(IMethodSymbol method, WellKnownSymbols symbols) =>
        CanMakeAsync(method, symbols.GetContext(StatelessOptions.Default).Handlers);

    /// <summary>
    /// True for an action method that <see cref="MakeAsync"/> can turn into an async one without changing what it
    /// means: a public, non-generic instance method of a request-handling type, declared in source with a body, not
    /// already async, not an override, virtual, abstract or interface implementation, not an iterator, with no
    /// <c>ref</c>/<c>out</c>/<c>in</c> or ref-like parameters, returning <c>void</c> or a concrete type that is not
    /// already Task-like (<c>IActionResult</c>, <c>ActionResult&lt;T&gt;</c>, <c>T</c>). Callers in source are not
    /// checked here: see <see cref="HasReferencesAsync"/>.
    /// </summary>
    public static bool CanMakeAsync(IMethodSymbol method, HandlerClassifier handlers)
    {
        if (method.MethodKind != MethodKind.Ordinary
            || method.IsStatic || method.IsAsync || method.IsOverride || method.IsVirtual || method.IsAbstract
            || method.IsExtern || method.IsGenericMethod || method.ReturnsByRef || method.ReturnsByRefReadonly
            || method.DeclaredAccessibility != Accessibility.Public
            || method.PartialDefinitionPart is not null || method.PartialImplementationPart is not null
            || !method.ExplicitInterfaceImplementations.IsEmpty
            || !handlers.IsRequestHandlingType(method.ContainingType))
            return false;

        if (!method.ReturnsVoid)
        {
            var returnType = method.ReturnType;
            if (returnType.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Pointer or TypeKind.FunctionPointer
                || returnType.IsRefLikeType
                || IsTaskLike(returnType))
                return false;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType
                || parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
                return false;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "NonActionAttribute" } attributeClass
                && attributeClass.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Mvc")
                return false;
        }

        if (IsInterfaceImplementation(method))
            return false;

        // A body is needed, and an unsafe context cannot await.
        var syntax = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as MethodDeclarationSyntax;
        return syntax is not null
            && (syntax.Body is not null || syntax.ExpressionBody is not null)
            && !IsIterator(syntax)
            && !syntax.Modifiers.Any(SyntaxKind.UnsafeKeyword)
            && !syntax.Ancestors().OfType<TypeDeclarationSyntax>().Any(t => t.Modifiers.Any(SyntaxKind.UnsafeKeyword));
    }

    /// <summary>True when source code references the method (a call or method group whose result type would change).</summary>
    public static async Task<bool> HasReferencesAsync(IMethodSymbol method, Solution solution, CancellationToken cancellationToken)
    {
        var references = await SymbolFinder.FindReferencesAsync(method, solution, cancellationToken).ConfigureAwait(false);
        return references.Any(r => r.Locations.Any());
    }

    /// <summary>
    /// Adds <c>async</c> (last modifier) and wraps the return type: <c>void</c> becomes <c>Task</c>, <c>T</c> becomes
    /// <c>Task&lt;T&gt;</c>. Block and expression bodies stay as they are (their returns already fit); trivia is kept.
    /// The caller imports <see cref="TasksNamespace"/>.
    /// </summary>
    public static MethodDeclarationSyntax MakeAsync(MethodDeclarationSyntax method)
    {
        if (method.Modifiers.Any(SyntaxKind.AsyncKeyword))
            return method;

        var returnType = method.ReturnType;
        var bareType = returnType.WithoutTrivia();
        TypeSyntax taskType = returnType is PredefinedTypeSyntax predefined && predefined.Keyword.IsKind(SyntaxKind.VoidKeyword)
            ? SyntaxFactory.IdentifierName("Task")
            : SyntaxFactory.GenericName(SyntaxFactory.Identifier("Task"), SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(bareType)));

        SyntaxToken asyncKeyword;
        if (method.Modifiers.Count == 0)
        {
            // The return type carries the method's leading trivia (attributes aside): async takes it over.
            asyncKeyword = SyntaxFactory.Token(returnType.GetLeadingTrivia(), SyntaxKind.AsyncKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            taskType = taskType.WithTrailingTrivia(returnType.GetTrailingTrivia());
        }
        else
        {
            asyncKeyword = SyntaxFactory.Token(default, SyntaxKind.AsyncKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            taskType = taskType.WithTriviaFrom(returnType);
        }

        return method.WithReturnType(taskType).WithModifiers(method.Modifiers.Add(asyncKeyword));
    }

    private static bool IsIterator(MethodDeclarationSyntax method) =>
        method.Body is { } body
        && body.DescendantNodes(n => n is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)).OfType<YieldStatementSyntax>().Any();

    private static bool IsInterfaceImplementation(IMethodSymbol method)
    {
        foreach (var implemented in method.ContainingType.AllInterfaces)
        {
            foreach (var member in implemented.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                    return true;
            }
        }
        return false;
    }
}
