using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StatelessAnalyzers.CodeFixes.Common;

namespace StatelessAnalyzers.CodeFixes.Rules.Infrastructure;

/// <summary>
/// SL2003 fix "Use IDistributedCache": an <c>IMemoryCache</c> dependency (field, property, constructor or primary-constructor
/// parameter) becomes <c>IDistributedCache</c>, and every use in the class becomes an awaited string call with
/// <c>System.Text.Json</c>. Offered only when every use can be rewritten and sits in an async method.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SL2003UseDistributedCacheCodeFix)), Shared]
public sealed class SL2003UseDistributedCacheCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the code action.</summary>
    public const string EquivalenceKey = "SL2003.UseDistributedCache";

    private const string Title = "Use IDistributedCache";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SL2003");

    private static readonly FixAllProvider FixAllInstance = new DefaultActionFixAll(new FixAll(), EquivalenceKey);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllInstance;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var plan = await TryPlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (plan is null)
                continue;
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => MemoryCacheRewriter.ApplyAsync(document, new[] { plan }, ct), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The rewrite of the class whose cache dependency <paramref name="diagnostic"/> reports, or null (no safe fix).</summary>
    private static async Task<MemoryCacheRewritePlan?> TryPlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || !diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree)
            return null;

        // Reported on the identifier of a field, property or parameter; `new MemoryCache(...)` has no dependency to retype.
        var node = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent;
        if (node is not (VariableDeclaratorSyntax or PropertyDeclarationSyntax or ParameterSyntax)
            || node.Span.Start > diagnostic.Location.SourceSpan.Start
            || model.GetDeclaredSymbol(node, cancellationToken) is not { } symbol)
            return null;
        return await MemoryCacheRewritePlan.TryCreateAsync(document, model, symbol, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Fixes all diagnostics of a document together: each class is planned once and rewritten once.</summary>
    private sealed class FixAll : DocumentBasedFixAllProvider
    {
        protected override string GetFixAllTitle(FixAllContext fixAllContext) => Title;

        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var plans = new List<MemoryCacheRewritePlan>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                // A class with several reported dependencies is planned (and rewritten) once.
                if (await TryPlanAsync(document, diagnostic, fixAllContext.CancellationToken).ConfigureAwait(false) is { } plan
                    && !plans.Any(p => p.Type == plan.Type))
                    plans.Add(plan);
            }
            return plans.Count == 0 ? document : await MemoryCacheRewriter.ApplyAsync(document, plans, fixAllContext.CancellationToken).ConfigureAwait(false);
        }
    }
}
