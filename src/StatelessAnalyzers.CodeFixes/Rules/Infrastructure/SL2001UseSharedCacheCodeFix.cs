using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;
using StatelessAnalyzers.Rules.Infrastructure;
using StatelessAnalyzers.CodeFixes.Common;

namespace StatelessAnalyzers.CodeFixes.Rules.Infrastructure;

/// <summary>
/// SL2001 fix: replaces <c>AddDistributedMemoryCache()</c> with <c>AddStackExchangeRedisCache(...)</c>, or with
/// <c>AddDistributedSqlServerCache(...)</c> when only that package is referenced, configured from the
/// <c>IConfiguration</c> in scope. Not offered when neither registration resolves, when no configuration is in scope,
/// or when the call configures the memory cache (those options mean nothing to a shared cache).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SL2001UseSharedCacheCodeFix)), Shared]
public sealed class SL2001UseSharedCacheCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, for FixAll and tests.</summary>
    public const string EquivalenceKey = "SL2001.UseSharedCache";

    /// <summary>The connection string name the Redis registration reads.</summary>
    public const string RedisConnectionStringName = "Redis";

    /// <summary>The connection string name the SQL Server registration reads.</summary>
    public const string SqlServerConnectionStringName = "DistributedCache";

    private const string ConfigurationNamespace = "Microsoft.Extensions.Configuration";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SL2001");

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

        foreach (var diagnostic in context.Diagnostics)
        {
            var plan = TryPlan(root, model, diagnostic.Location.SourceSpan, context.CancellationToken);
            if (plan is null)
                continue;
            var title = "Use " + plan.Value.MethodName;
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ApplyAsync(context.Document, plan.Value, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private readonly record struct Plan(InvocationExpressionSyntax Invocation, InvocationExpressionSyntax Replacement, string MethodName, bool NeedsConfigurationUsing);

    private static Plan? TryPlan(SyntaxNode root, SemanticModel model, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
    {
        var invocation = root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (invocation is null || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
            return null;
        if (operation.TargetMethod.Name != "AddDistributedMemoryCache" || operation.Arguments.Length != 1)
            return null; // a call that configures the memory cache: its options have no shared-cache meaning

        var symbols = WellKnownSymbols.Get(model.Compilation);
        string methodName;
        if (symbols.Get(SL2001InMemoryDistributedCacheAnalyzer.RedisExtensions) is not null)
            methodName = "AddStackExchangeRedisCache";
        else if (symbols.Get(SL2001InMemoryDistributedCacheAnalyzer.SqlServerExtensions) is not null)
            methodName = "AddDistributedSqlServerCache";
        else
            return null;

        var services = ServicesExpression(invocation);
        var configuration = services is null ? null : ConfigurationInScope.Find(model, invocation, services, cancellationToken);
        if (services is null || configuration is null)
            return null;

        var replacement = BuildReplacement(services, methodName, configuration).WithTriviaFrom(invocation);
        var needsUsing = !BindsAt(model, invocation.SpanStart, configuration);
        return new Plan(invocation, replacement, methodName, needsUsing);
    }

    /// <summary>The service collection the call registers on: the receiver, or the first argument of the static form.</summary>
    private static ExpressionSyntax? ServicesExpression(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member when invocation.ArgumentList.Arguments.Count == 0 => member.Expression,
        MemberAccessExpressionSyntax when invocation.ArgumentList.Arguments.Count == 1 => invocation.ArgumentList.Arguments[0].Expression,
        _ => null,
    };

    private static InvocationExpressionSyntax BuildReplacement(ExpressionSyntax services, string methodName, ExpressionSyntax configuration)
    {
        var getConnectionString = SyntaxFactory.ParseExpression(
            configuration.WithoutTrivia().ToFullString() + ".GetConnectionString(\"" +
            (methodName == "AddStackExchangeRedisCache" ? RedisConnectionStringName : SqlServerConnectionStringName) + "\")");
        var lambda = methodName == "AddStackExchangeRedisCache"
            ? SyntaxFactory.ParseExpression("options => options.Configuration = " + getConnectionString.ToFullString())
            : SyntaxFactory.ParseExpression(
                "options =>\n{\n    options.ConnectionString = " + getConnectionString.ToFullString() +
                ";\n    options.SchemaName = \"dbo\";\n    options.TableName = \"DistributedCache\";\n}");
        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression, services.WithoutTrivia(), SyntaxFactory.IdentifierName(methodName)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(lambda))))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>Whether <c>configuration.GetConnectionString</c> binds at the position without another using directive.</summary>
    private static bool BindsAt(SemanticModel model, int position, ExpressionSyntax configuration)
    {
        var probe = SyntaxFactory.ParseExpression(configuration.WithoutTrivia().ToFullString() + ".GetConnectionString(\"x\")");
        return model.GetSpeculativeSymbolInfo(position, probe, SpeculativeBindingOption.BindAsExpression).Symbol is not null;
    }

    private static async Task<Document> ApplyAsync(Document document, Plan plan, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
            return document;
        var newRoot = root.ReplaceNode(plan.Invocation, plan.Replacement);
        if (plan.NeedsConfigurationUsing && newRoot is CompilationUnitSyntax unit)
            newRoot = Common.UsingDirectives.Add(unit, ConfigurationNamespace);
        return document.WithSyntaxRoot(newRoot);
    }
}
