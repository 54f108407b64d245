using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using StatelessAnalyzers.CodeFixes.Common;

namespace StatelessAnalyzers.CodeFixes.Rules.Memory;

/// <summary>
/// SL1001 fix "Store in IDistributedCache": moves a static dictionary of a request-handling type to the injected
/// <c>IDistributedCache</c>.
/// </summary>
/// <remarks>
/// <para>Design. The field is removed; <c>IDistributedCache</c> is injected (an existing field, property or
/// primary-constructor parameter is reused; otherwise a primary-constructor parameter, or a constructor parameter
/// assigned to a <c>private readonly</c> field). Each dictionary operation becomes an awaited call to a small private
/// helper named after the field (<c>Carts</c>: <c>GetCartsAsync</c>, <c>SetCartsAsync</c>, <c>RemoveCartsAsync</c>,
/// <c>TryAddCartsAsync</c>, <c>GetOrAddCartsAsync</c>, <c>AddOrUpdateCartsAsync</c>; only those used are generated,
/// appended to the type) that mirrors it, so call sites keep their shape. Values are stored as System.Text.Json under
/// the key <c>"Carts:" + key</c> (the field name keeps the entries of different fields apart; <c>int</c> keys are
/// formatted with the invariant culture). The helpers take a <c>CancellationToken</c> defaulting to <c>default</c>;
/// a call site passes the token its method has (a <c>CancellationToken</c> parameter, or <c>HttpContext.RequestAborted</c>).</para>
/// <para>Rewrites: <c>d[k]</c> → <c>await GetXAsync(k)</c> (null, or <c>default</c> for value types, instead of a
/// <c>KeyNotFoundException</c>: a cache entry can expire); <c>d[k] = v;</c> → <c>await SetXAsync(k, v);</c>;
/// <c>d.TryGetValue(k, out var v)</c> as a condition → <c>await GetXAsync(k) is { } v</c> (<c>is not { } v</c> when
/// negated), as a statement → <c>var v = await GetXAsync(k);</c>; <c>d.ContainsKey(k)</c> → <c>await GetXAsync(k) is
/// not null</c>; <c>d.Remove(k);</c> → <c>await RemoveXAsync(k);</c>; <c>TryAdd</c>, <c>GetOrAdd</c>,
/// <c>AddOrUpdate</c> → the matching helper. A method that now awaits is made async when it is an action method that
/// can be (<see cref="Common.AsyncConversion"/>).</para>
/// <para>Limits, accepted on purpose: a value mutated in place after it was read (<c>d[k].Items.Add(x)</c>) is no
/// longer written back; <c>TryAdd</c>/<c>GetOrAdd</c>/<c>AddOrUpdate</c> read then write, so they are not atomic
/// across replicas. The fix is offered only when every use in the compilation is one of the shapes above, inside the
/// type, in a method that is async or can become async, and when the rewritten document compiles as well as before;
/// otherwise nothing is registered.</para>
/// <para>FixAll works per document and per type: fields of one type share the injection, so they are rewritten together.</para>
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SL1001StoreInDistributedCacheCodeFix)), Shared]
public sealed class SL1001StoreInDistributedCacheCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the code action.</summary>
    public const string EquivalenceKey = "SL1001.StoreInDistributedCache";

    private const string Title = "Store in IDistributedCache";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SL1001");

    private static readonly FixAllProvider FixAllInstance = new DefaultActionFixAll(FixAll.Instance, EquivalenceKey);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllInstance;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var field = await FindFieldAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (field is null)
                continue;
            var fixedDocument = await CacheFieldRewriter.TryFixAsync(context.Document, new[] { field }, context.CancellationToken).ConfigureAwait(false);
            if (fixedDocument is null)
                continue;
            context.RegisterCodeFix(
                CodeAction.Create(Title, _ => Task.FromResult(fixedDocument), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<ISymbol?> FindFieldAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
            return null;
        var node = root.FindToken(span.Start).Parent;
        return node is null ? null : model.GetDeclaredSymbol(node, cancellationToken) as ISymbol is { Kind: SymbolKind.Field or SymbolKind.Property } symbol ? symbol : null;
    }

    /// <summary>Rewrites each type of a document once, with all its fixable fields, since they share the injected cache.</summary>
    private sealed class FixAll : DocumentBasedFixAllProvider
    {
        public static readonly FixAll Instance = new();

        protected override string GetFixAllTitle(FixAllContext fixAllContext) => Title;

        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var cancellationToken = fixAllContext.CancellationToken;
            if (fixAllContext.CodeActionEquivalenceKey != EquivalenceKey)
                return null;

            // Fields by type, in source order, remembered by ID: each rewrite changes the document the next one reads.
            var groups = new List<(string Type, List<string> Fields)>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                if (await FindFieldAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false) is not { } field
                    || DocumentationCommentId.CreateDeclarationId(field) is not { } fieldId
                    || DocumentationCommentId.CreateDeclarationId(field.ContainingType) is not { } typeId)
                    continue;
                var group = groups.FirstOrDefault(g => g.Type == typeId);
                if (group.Fields is null)
                {
                    group = (typeId, new List<string>());
                    groups.Add(group);
                }
                if (!group.Fields.Contains(fieldId))
                    group.Fields.Add(fieldId);
            }

            var current = document;
            foreach (var (_, fieldIds) in groups)
            {
                var compilation = await current.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                if (compilation is null)
                    continue;
                var fields = fieldIds
                    .Select(id => DocumentationCommentId.GetFirstSymbolForDeclarationId(id, compilation))
                    .Where(f => f is not null)
                    .ToList();

                // Only the fields the single fix would take; then all of them together.
                var fixable = new List<ISymbol>();
                foreach (var field in fields)
                {
                    if (await CacheFieldRewriter.TryFixAsync(current, new[] { field! }, cancellationToken).ConfigureAwait(false) is not null)
                        fixable.Add(field!);
                }
                if (fixable.Count > 0 && await CacheFieldRewriter.TryFixAsync(current, fixable, cancellationToken).ConfigureAwait(false) is { } rewritten)
                    current = rewritten;
            }
            return current;
        }
    }
}
