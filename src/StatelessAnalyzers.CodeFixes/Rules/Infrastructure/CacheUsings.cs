using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StatelessAnalyzers.CodeFixes.Rules.Infrastructure;

/// <summary>Removes a using directive the cache fix made unnecessary (Common.UsingDirectives only adds).</summary>
internal static class CacheUsings
{
    /// <summary>Removes <c>using <paramref name="namespaceName"/>;</c> when no name in the document needs it any more.</summary>
    public static async Task<Document> RemoveIfUnusedAsync(Document document, string namespaceName, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var directives = root!.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>()
            .Where(u => u.Alias is null && u.StaticKeyword.RawKind == 0 && u.GlobalKeyword.RawKind == 0 && u.Name?.ToString() == namespaceName)
            .ToList();
        if (directives.Count == 0)
            return document;

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            if (name.Ancestors().Any(a => a is UsingDirectiveSyntax))
                continue;
            var info = model!.GetSymbolInfo(name, cancellationToken);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
            var container = symbol switch
            {
                IMethodSymbol { ReducedFrom: { } extension } => extension.ContainingNamespace,
                INamedTypeSymbol type when name.Parent is not QualifiedNameSyntax { Right: var right } || right != name => type.ContainingNamespace,
                _ => null,
            };
            if (container?.ToDisplayString() == namespaceName)
                return document;
        }
        return document.WithSyntaxRoot(root.RemoveNodes(directives, SyntaxRemoveOptions.KeepLeadingTrivia)!);
    }
}
