using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace StatelessAnalyzers.CodeFixes.Common;

/// <summary>
/// A fix's Fix All that also runs when the request names no code action. <c>dotnet format analyzers</c> takes the
/// equivalence key from the first diagnostic of the analyzer that reported the fix's ID; the package's one analyzer
/// reports every rule, so that diagnostic can belong to another rule, the fix registers nothing for it, and the key
/// arrives empty. An empty key then means the fix's only action, <paramref name="equivalenceKey"/>.
/// </summary>
internal sealed class DefaultActionFixAll(FixAllProvider inner, string equivalenceKey) : FixAllProvider
{
    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => inner.GetSupportedFixAllScopes();

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (fixAllContext.CodeActionEquivalenceKey is null)
            fixAllContext = WithKey(fixAllContext, equivalenceKey);
        return inner.GetFixAsync(fixAllContext);
    }

    private static FixAllContext WithKey(FixAllContext context, string key)
    {
        var diagnostics = new SameDiagnostics(context);
        return context.Document is { } document
            ? new FixAllContext(document, context.CodeFixProvider, context.Scope, key, context.DiagnosticIds, diagnostics, context.CancellationToken)
            : new FixAllContext(context.Project, context.CodeFixProvider, context.Scope, key, context.DiagnosticIds, diagnostics, context.CancellationToken);
    }

    /// <summary>The diagnostics of the original request, for the same IDs.</summary>
    private sealed class SameDiagnostics(FixAllContext original) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            await original.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await original.GetProjectDiagnosticsAsync(project).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await original.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
    }
}
