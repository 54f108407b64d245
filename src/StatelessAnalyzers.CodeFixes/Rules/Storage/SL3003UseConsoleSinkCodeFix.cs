using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StatelessAnalyzers.Core;
using StatelessAnalyzers.Rules.Storage;
using StatelessAnalyzers.CodeFixes.Common;

namespace StatelessAnalyzers.CodeFixes.Rules.Storage;

/// <summary>
/// SL3003 fix: replaces a Serilog file sink (<c>WriteTo.File(...)</c>, <c>WriteTo.RollingFile(...)</c>, also the nested
/// <c>a.File(...)</c> of <c>WriteTo.Async</c>) with <c>WriteTo.Console()</c>, so the platform collects the logs from
/// standard output. Offered only when the console sink (Serilog.Sinks.Console) is referenced, and only for the
/// extension-call form; NLog, log4net and <c>AddFile</c> registrations get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SL3003UseConsoleSinkCodeFix)), Shared]
public sealed class SL3003UseConsoleSinkCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, for FixAll and tests.</summary>
    public const string EquivalenceKey = "SL3003.UseConsoleSink";

    private const string ConsoleSinkExtensions = "Serilog.ConsoleLoggerConfigurationExtensions";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SL3003");

    private static readonly FixAllProvider FixAll = new DefaultActionFixAll(WellKnownFixAllProviders.BatchFixer, EquivalenceKey);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAll;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
            return;
        var symbols = WellKnownSymbols.Get(model.Compilation);
        var consoleSink = symbols.Get(ConsoleSinkExtensions);
        var sinkConfiguration = symbols.Get(SL3003LocalLogFileAnalyzer.SerilogSinkConfiguration);
        if (consoleSink is null || sinkConfiguration is null)
            return;

        foreach (var diagnostic in context.Diagnostics)
        {
            var invocation = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                .FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation?.Expression is not MemberAccessExpressionSyntax access
                || model.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol
                {
                    MethodKind: MethodKind.ReducedExtension,
                    Name: "File" or "RollingFile",
                    ReducedFrom: { } extension,
                }
                || !extension.Parameters[0].Type.Is(sinkConfiguration))
                continue;

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Write logs to the console",
                    ct => ReplaceAsync(context.Document, invocation, access, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(
        Document document, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
            return document;
        var replacement = invocation
            .WithExpression(access.WithName(SyntaxFactory.IdentifierName("Console").WithTriviaFrom(access.Name)))
            .WithArgumentList(SyntaxFactory.ArgumentList().WithTriviaFrom(invocation.ArgumentList));
        return document.WithSyntaxRoot(root.ReplaceNode(invocation, replacement));
    }
}
