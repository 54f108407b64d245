using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.CodeFixes.Common;

/// <summary>Finds the cancellation token a rewritten async call should pass.</summary>
internal static class CancellationTokens
{
    /// <summary>
    /// An expression for the request's cancellation token at <paramref name="position"/>: a <c>CancellationToken</c>
    /// parameter of the enclosing method, local function, lambda or anonymous method (innermost first), else
    /// <c>context.RequestAborted</c> for an <c>HttpContext</c> parameter; null when there is none (the call then relies
    /// on a <c>cancellationToken = default</c> parameter). A parameter hidden by a local of the same name is skipped.
    /// </summary>
    public static ExpressionSyntax? FindInScope(SemanticModel semanticModel, SyntaxNode position, CancellationToken cancellationToken = default)
    {
        var symbols = WellKnownSymbols.Get(semanticModel.Compilation);
        var tokenType = symbols.Get("System.Threading.CancellationToken");
        if (tokenType is null)
            return null;

        ExpressionSyntax? fromHttpContext = null;
        foreach (var ancestor in position.AncestorsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var parameters = GetParameters(semanticModel, ancestor, cancellationToken);
            foreach (var parameter in parameters)
            {
                if (!IsVisible(semanticModel, position, parameter))
                    continue;
                if (parameter.Type.Is(tokenType))
                    return SyntaxFactory.IdentifierName(parameter.Name);
                if (fromHttpContext is null && symbols.HttpContext is not null && parameter.Type.Is(symbols.HttpContext))
                {
                    fromHttpContext = SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        SyntaxFactory.IdentifierName(parameter.Name),
                        SyntaxFactory.IdentifierName("RequestAborted"));
                }
            }
            if (ancestor is MemberDeclarationSyntax)
                break;
        }
        return fromHttpContext;
    }

    private static ImmutableArray<IParameterSymbol> GetParameters(SemanticModel semanticModel, SyntaxNode node, CancellationToken cancellationToken)
    {
        var symbol = node switch
        {
            BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax => semanticModel.GetDeclaredSymbol(node, cancellationToken),
            AnonymousFunctionExpressionSyntax => semanticModel.GetSymbolInfo(node, cancellationToken).Symbol,
            _ => null,
        };
        return symbol is IMethodSymbol method ? method.Parameters : ImmutableArray<IParameterSymbol>.Empty;
    }

    private static bool IsVisible(SemanticModel semanticModel, SyntaxNode position, IParameterSymbol parameter)
    {
        foreach (var found in semanticModel.LookupSymbols(position.SpanStart, name: parameter.Name))
        {
            if (SymbolEqualityComparer.Default.Equals(found, parameter))
                return true;
        }
        return false;
    }
}
