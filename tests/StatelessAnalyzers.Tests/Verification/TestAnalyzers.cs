using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

// Test-only analyzers and fixes that live in the test assembly and are never shipped as compiler extensions.
#pragma warning disable RS1036, RS1037, RS1038, RS1041, RS2008

namespace StatelessAnalyzers.Tests.Verification;

/// <summary>Tiny analyzers and fixes that exercise the verifier; never shipped.</summary>
internal static class TestDescriptors
{
    public static readonly DiagnosticDescriptor BadField = new(
        "TST0001", "Bad field", "Field '{0}' is bad", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OptionOnTree = new(
        "TST0002", "Option seen", "Type '{0}' sees test_option = {1}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OptionGlobal = new(
        "TST0003", "Global option seen", "Global test_option = {0}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor References = new(
        "TST0004", "References", "References: {0}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Pair = new(
        "TST0005", "Pair", "Field '{0}' pairs with its type", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor BadFieldAgain = new(
        "TST0001", "Bad field (other wording)", "Field '{0}' is really bad", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
}

/// <summary>TST0001 on every field whose name starts with <c>bad</c>; skips generated code.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class BadFieldAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(TestDescriptors.BadField);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolAction(Analyze, SymbolKind.Field);
    }

    internal static void Analyze(SymbolAnalysisContext context)
    {
        if (context.Symbol.Name.StartsWith("bad", StringComparison.Ordinal) && !context.Symbol.IsImplicitlyDeclared)
            context.ReportDiagnostic(Diagnostic.Create(TestDescriptors.BadField, context.Symbol.Locations[0], context.Symbol.Name));
    }
}

/// <summary>Like <see cref="BadFieldAnalyzer"/> but analyses and reports in generated code: the generated-code check must catch it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class BadFieldInGeneratedCodeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(TestDescriptors.BadField);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterSymbolAction(BadFieldAnalyzer.Analyze, SymbolKind.Field);
    }
}

/// <summary>Throws on every field.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ThrowingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(TestDescriptors.BadField);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolAction(_ => throw new InvalidOperationException("boom from the test analyzer"), SymbolKind.Field);
    }
}

/// <summary>
/// TST0002 on each class when its tree's options have <c>test_option</c>; TST0003 (no location) when the
/// global options have it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class OptionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(TestDescriptors.OptionOnTree, TestDescriptors.OptionGlobal);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var options = c.Options.AnalyzerConfigOptionsProvider.GetOptions(c.Node.SyntaxTree);
                if (options.TryGetValue("test_option", out var value))
                {
                    var identifier = ((ClassDeclarationSyntax)c.Node).Identifier;
                    c.ReportDiagnostic(Diagnostic.Create(TestDescriptors.OptionOnTree, identifier.GetLocation(), identifier.ValueText, value));
                }
            },
            SyntaxKind.ClassDeclaration);
        context.RegisterCompilationAction(c =>
        {
            if (c.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("test_option", out var value))
                c.ReportDiagnostic(Diagnostic.Create(TestDescriptors.OptionGlobal, Location.None, value));
        });
    }
}

/// <summary>TST0004 (no location) naming what the compilation references: aspnetcore, xunit, output kind.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ReferenceProbeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(TestDescriptors.References);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(c =>
        {
            var parts = new List<string>();
            if (c.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext") is not null)
                parts.Add("aspnetcore");
            if (c.Compilation.GetTypeByMetadataName("Xunit.FactAttribute") is not null)
                parts.Add("xunit");
            parts.Add(c.Compilation.Options.OutputKind.ToString());
            c.ReportDiagnostic(Diagnostic.Create(TestDescriptors.References, Location.None, string.Join("+", parts)));
        });
    }
}

/// <summary>TST0005 on fields named <c>pair*</c>, with the containing type's name as additional location.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class PairAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(TestDescriptors.Pair);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolAction(
            c =>
            {
                if (c.Symbol.Name.StartsWith("pair", StringComparison.Ordinal))
                {
                    c.ReportDiagnostic(Diagnostic.Create(
                        TestDescriptors.Pair, c.Symbol.Locations[0], new[] { c.Symbol.ContainingType.Locations[0] }, c.Symbol.Name));
                }
            },
            SymbolKind.Field);
    }
}

/// <summary>Two descriptors sharing TST0001: <c>bad*</c> fields get the first wording, <c>worse*</c> the second.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SharedIdAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(TestDescriptors.BadField, TestDescriptors.BadFieldAgain);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolAction(
            c =>
            {
                if (c.Symbol.Name.StartsWith("bad", StringComparison.Ordinal))
                    c.ReportDiagnostic(Diagnostic.Create(TestDescriptors.BadField, c.Symbol.Locations[0], c.Symbol.Name));
                else if (c.Symbol.Name.StartsWith("worse", StringComparison.Ordinal))
                    c.ReportDiagnostic(Diagnostic.Create(TestDescriptors.BadFieldAgain, c.Symbol.Locations[0], c.Symbol.Name));
            },
            SymbolKind.Field);
    }
}

/// <summary>Renames the declaration of a <c>bad*</c> field to <c>good*</c>; declines for names ending in <c>Keep</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenameBadFieldFix)), Shared]
internal sealed class RenameBadFieldFix : CodeFixProvider
{
    public const string Key = "TST0001.RenameToGood";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST0001");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var token = root!.FindToken(context.Span.Start);
        if (token.ValueText.EndsWith("Keep", StringComparison.Ordinal))
            return;
        context.RegisterCodeFix(TestFixes.Rename(context.Document, root, token, "good", "Rename to good", Key), context.Diagnostics);
    }
}

/// <summary>Offers two renames (<c>good*</c> and <c>fine*</c>) with different keys.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TwoRenamesFix)), Shared]
internal sealed class TwoRenamesFix : CodeFixProvider
{
    public const string GoodKey = "TST0001.RenameToGood";
    public const string FineKey = "TST0001.RenameToFine";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST0001");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var token = root!.FindToken(context.Span.Start);
        context.RegisterCodeFix(TestFixes.Rename(context.Document, root, token, "good", "Rename to good", GoodKey), context.Diagnostics);
        context.RegisterCodeFix(TestFixes.Rename(context.Document, root, token, "fine", "Rename to fine", FineKey), context.Diagnostics);
    }
}

/// <summary>Offers the rename inside a code action group: the verifier must flatten nested actions.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NestedRenameFix)), Shared]
internal sealed class NestedRenameFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST0001");

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var token = root!.FindToken(context.Span.Start);
        var group = CodeAction.Create(
            "Rename…",
            ImmutableArray.Create(TestFixes.Rename(context.Document, root, token, "good", "Rename to good", RenameBadFieldFix.Key)),
            isInlinable: false);
        context.RegisterCodeFix(group, context.Diagnostics);
    }
}

/// <summary>Replaces the field's type with an undefined one: a fix that breaks the build.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BreakingFix)), Shared]
internal sealed class BreakingFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST0001");

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var token = root!.FindToken(context.Span.Start);
        if (token.Parent?.Parent is not VariableDeclarationSyntax declaration)
            return;
        context.RegisterCodeFix(
            CodeAction.Create(
                "Break the build",
                _ =>
                {
                    var renamed = root.ReplaceToken(token, SyntaxFactory.Identifier(token.LeadingTrivia, "good" + token.ValueText[3..], token.TrailingTrivia));
                    var newDeclaration = (VariableDeclarationSyntax)renamed.FindNode(declaration.Span);
                    var broken = renamed.ReplaceNode(
                        newDeclaration.Type,
                        SyntaxFactory.IdentifierName("UndefinedType").WithTriviaFrom(newDeclaration.Type));
                    return Task.FromResult(context.Document.WithSyntaxRoot(broken));
                },
                "TST0001.Break"),
            context.Diagnostics);
    }
}

/// <summary>Registers no action at all.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NoActionFix)), Shared]
internal sealed class NoActionFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST0001");

    public override FixAllProvider? GetFixAllProvider() => null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => Task.CompletedTask;
}

/// <summary>A correct single fix whose FixAll provider only fixes the first diagnostic: FixAll verification must fail.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BrokenFixAllFix)), Shared]
internal sealed class BrokenFixAllFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST0001");

    public override FixAllProvider GetFixAllProvider() => new FirstOnlyFixAllProvider();

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var token = root!.FindToken(context.Span.Start);
        context.RegisterCodeFix(TestFixes.Rename(context.Document, root, token, "good", "Rename to good", RenameBadFieldFix.Key), context.Diagnostics);
    }

    private sealed class FirstOnlyFixAllProvider : FixAllProvider
    {
        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var document = fixAllContext.Document!;
            var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            var first = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First();
            var root = await document.GetSyntaxRootAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
            var token = root!.FindToken(first.Location.SourceSpan.Start);
            return TestFixes.Rename(document, root, token, "good", "Rename to good", RenameBadFieldFix.Key);
        }
    }
}

/// <summary>Renames <c>bad*</c> to the prefix in the option <c>test_fix_prefix</c>, read from the workspace's config documents.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConfiguredRenameFix)), Shared]
internal sealed class ConfiguredRenameFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TST0001");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var tree = await context.Document.GetSyntaxTreeAsync(context.CancellationToken).ConfigureAwait(false);
        var options = context.Document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree!);
        var prefix = options.TryGetValue("test_fix_prefix", out var value) ? value : "good";
        var token = root!.FindToken(context.Span.Start);
        context.RegisterCodeFix(TestFixes.Rename(context.Document, root, token, prefix, "Rename to " + prefix, "TST0001.Configured"), context.Diagnostics);
    }
}

internal static class TestFixes
{
    /// <summary>Replaces the <c>bad</c> prefix of <paramref name="token"/> with <paramref name="prefix"/>.</summary>
    public static CodeAction Rename(Document document, SyntaxNode root, SyntaxToken token, string prefix, string title, string key) =>
        CodeAction.Create(
            title,
            _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceToken(
                token, SyntaxFactory.Identifier(token.LeadingTrivia, prefix + token.ValueText[3..], token.TrailingTrivia)))),
            key);
}
