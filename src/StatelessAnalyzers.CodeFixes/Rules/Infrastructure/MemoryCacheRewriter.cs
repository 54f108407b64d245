using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using StatelessAnalyzers.CodeFixes.Common;

namespace StatelessAnalyzers.CodeFixes.Rules.Infrastructure;

/// <summary>Applies <see cref="MemoryCacheRewritePlan"/>s (all made on the same document snapshot) in one edit.</summary>
internal static class MemoryCacheRewriter
{
    private const string MemoryNamespace = "Microsoft.Extensions.Caching.Memory";

    public static async Task<Document> ApplyAsync(Document document, IReadOnlyList<MemoryCacheRewritePlan> plans, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var eol = DetectEndOfLine(editor.OriginalRoot);
        var uses = plans.SelectMany(p => p.Uses).ToList();

        foreach (var typeSyntax in plans.SelectMany(p => p.CacheTypes))
            editor.ReplaceNode(typeSyntax, SyntaxFactory.IdentifierName("IDistributedCache").WithTriviaFrom(typeSyntax));

        // Expressions first; statements that contain some of them (an if around a Set) are rebuilt from their current form.
        foreach (var use in uses)
        {
            if (RewriteExpression(use) is { } replacement)
                editor.ReplaceNode(use.Invocation, replacement.WithTriviaFrom(use.Invocation).WithAdditionalAnnotations(Formatter.Annotation));
        }
        foreach (var use in uses.Where(u => u.Kind is MemoryCacheUseKind.TryGetIf or MemoryCacheUseKind.GetOrCreate)
            .OrderByDescending(u => (u.IfStatement ?? u.Statement)!.SpanStart))
        {
            if (use.Kind == MemoryCacheUseKind.TryGetIf)
                RewriteTryGetIf(editor, use, eol);
            else
                RewriteGetOrCreate(editor, use, eol);
        }

        var methodsToMakeAsync = plans.SelectMany(p => p.MethodsToMakeAsync).ToList();
        foreach (var method in methodsToMakeAsync)
            editor.ReplaceNode(method, (current, _) => AsyncConversion.MakeAsync((MethodDeclarationSyntax)current));

        var changed = editor.GetChangedDocument();
        var namespaces = methodsToMakeAsync.Count == 0
            ? new[] { "Microsoft.Extensions.Caching.Distributed", "System.Text.Json" }
            : new[] { "Microsoft.Extensions.Caching.Distributed", "System.Text.Json", AsyncConversion.TasksNamespace };
        if (await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax unit)
            changed = changed.WithSyntaxRoot(UsingDirectives.Add(unit, namespaces));
        return await CacheUsings.RemoveIfUnusedAsync(changed, MemoryNamespace, cancellationToken).ConfigureAwait(false);
    }

    private static ExpressionSyntax? RewriteExpression(MemoryCacheUse use)
    {
        switch (use.Kind)
        {
            case MemoryCacheUseKind.Get:
                return Parenthesize(use.Invocation, $"{Lookup(use)} is {{ }} {use.JsonName} ? {Deserialize(use, use.JsonName)} : default");
            case MemoryCacheUseKind.TryGetDiscard:
                return Parenthesize(use.Invocation, $"{Lookup(use)} is not null");
            case MemoryCacheUseKind.Set:
                return SyntaxFactory.ParseExpression(Store(use, use.Value!.ToString(), use.SerializeTypeArgument));
            case MemoryCacheUseKind.Remove:
                return SyntaxFactory.ParseExpression($"await {Receiver(use)}.RemoveAsync({Key(use)}{Token(use)})");
            default:
                return null;
        }
    }

    /// <summary><c>if (cache.TryGetValue(key, out T x))</c>: the lookup and <c>x</c> move before the if, which tests the JSON.</summary>
    private static void RewriteTryGetIf(SyntaxEditor editor, MemoryCacheUse use, string eol)
    {
        var ifStatement = use.IfStatement!;
        var json = use.JsonName;
        var value = $"{json} is null ? default : {Deserialize(use, json)}";
        var text = new StringBuilder()
            .Append($"var {json} = {Lookup(use)};").Append(eol)
            .Append(use.OutDeclaredType is { } declared ? $"{declared} {use.OutName} = {value};" : $"{use.OutName} = {value};").Append(eol)
            .ToString();
        var statements = ParseStatements(text, eol);
        statements[0] = statements[0].WithLeadingTrivia(ifStatement.GetLeadingTrivia());
        editor.InsertBefore(ifStatement, statements);
        var condition = SyntaxFactory.ParseExpression(use.Negated ? $"{json} is null" : $"{json} is not null");
        editor.ReplaceNode(ifStatement, (current, _) => ((IfStatementSyntax)current)
            .WithCondition(condition)
            .WithLeadingTrivia(Indentation(ifStatement))
            .WithAdditionalAnnotations(Formatter.Annotation));
    }

    /// <summary><c>await cache.GetOrCreateAsync(key, factory)</c>: look up; on a miss, run the factory's body and store its result.</summary>
    private static void RewriteGetOrCreate(SyntaxEditor editor, MemoryCacheUse use, string eol)
    {
        var json = use.JsonName;
        var text = new StringBuilder();
        if (use.KeyName is { } keyName)
            text.Append($"var {keyName} = {use.Key};").Append(eol);
        text.Append($"var {json} = {Lookup(use)};").Append(eol);

        var factoryText = string.Concat(use.FactoryStatements.Select(s => s.ToFullString()));
        if (factoryText.Length > 0 && !factoryText.EndsWith("\n", System.StringComparison.Ordinal))
            factoryText += eol;
        var result = use.AwaitFactoryResult ? "await " + Parenthesized(use.FactoryResult!) : use.FactoryResult!.ToString();

        if (use.Target is GetOrCreateTarget.Return or GetOrCreateTarget.ArrowBody)
        {
            var valueName = use.FactoryResultIsLocal ? use.FactoryResult!.ToString() : use.ValueName!;
            text.Append($"if ({json} is not null)").Append(eol).Append('{').Append(eol)
                .Append($"return {Deserialize(use, json)};").Append(eol).Append('}').Append(eol)
                .Append(eol)
                .Append(factoryText);
            if (!use.FactoryResultIsLocal)
                text.Append($"{use.ValueType ?? "var"} {valueName} = {result};").Append(eol);
            text.Append(Store(use, valueName, null)).Append(';').Append(eol)
                .Append($"return {valueName};").Append(eol);
        }
        else
        {
            var target = use.TargetName!;
            if (use.Target == GetOrCreateTarget.Declaration)
                text.Append($"{use.TargetType} {target};").Append(eol);
            text.Append($"if ({json} is not null)").Append(eol).Append('{').Append(eol)
                .Append($"{target} = {Deserialize(use, json)};").Append(eol).Append('}').Append(eol)
                .Append("else").Append(eol).Append('{').Append(eol)
                .Append(factoryText)
                .Append($"{target} = {result};").Append(eol)
                .Append(Store(use, target, null)).Append(';').Append(eol)
                .Append('}').Append(eol);
        }

        var statements = ParseStatements(text.ToString(), eol);
        var original = use.Statement!;
        if (use.Target == GetOrCreateTarget.ArrowBody)
        {
            var arrow = (ArrowExpressionClauseSyntax)original;
            var body = SyntaxFactory.Block(statements).WithAdditionalAnnotations(Formatter.Annotation);
            editor.ReplaceNode(arrow.Parent!, (current, _) => current switch
            {
                MethodDeclarationSyntax method => method.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithBody(body.WithTrailingTrivia(method.SemicolonToken.TrailingTrivia)),
                LocalFunctionStatementSyntax local => local.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithBody(body.WithTrailingTrivia(local.SemicolonToken.TrailingTrivia)),
                _ => current,
            });
            return;
        }

        statements[0] = statements[0].WithLeadingTrivia(original.GetLeadingTrivia());
        statements[statements.Count - 1] = statements[statements.Count - 1].WithTrailingTrivia(original.GetTrailingTrivia());
        editor.InsertBefore(original, statements.Take(statements.Count - 1));
        editor.ReplaceNode(original, statements[statements.Count - 1]);
    }

    private static string Receiver(MemoryCacheUse use) => use.Receiver.ToString();

    private static string Key(MemoryCacheUse use) => use.KeyName ?? use.Key.ToString();

    private static string Token(MemoryCacheUse use) => use.CancellationToken is { } token ? ", " + token : "";

    private static string Lookup(MemoryCacheUse use) => $"await {Receiver(use)}.GetStringAsync({Key(use)}{Token(use)})";

    private static string Deserialize(MemoryCacheUse use, string json) => $"JsonSerializer.Deserialize<{use.ItemType}>({json})";

    private static string Store(MemoryCacheUse use, string value, string? typeArgument)
    {
        var serialize = typeArgument is null ? $"JsonSerializer.Serialize({value})" : $"JsonSerializer.Serialize<{typeArgument}>({value})";
        return $"await {Receiver(use)}.SetStringAsync({Key(use)}, {serialize}{Options(use.Expiration)}{Token(use)})";
    }

    private static string Options(ExpirationPlan expiration)
    {
        if (expiration.OptionsCreation is { } creation)
            return ", " + creation.ToString();
        var assignments = new List<string>();
        if (expiration.RelativeToNow is { } relative)
            assignments.Add("AbsoluteExpirationRelativeToNow = " + relative);
        if (expiration.Absolute is { } absolute)
            assignments.Add("AbsoluteExpiration = " + absolute);
        foreach (var (property, value) in expiration.EntryAssignments)
            assignments.Add(property + " = " + value);
        return assignments.Count == 0 ? "" : ", new DistributedCacheEntryOptions { " + string.Join(", ", assignments) + " }";
    }

    private static string Parenthesized(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or InvocationExpressionSyntax or MemberAccessExpressionSyntax or ParenthesizedExpressionSyntax
            ? expression.ToString()
            : "(" + expression + ")";

    /// <summary>Parentheses around a conditional or <c>is</c> expression, unless it stands alone where it is.</summary>
    private static ExpressionSyntax Parenthesize(InvocationExpressionSyntax original, string text)
    {
        var standsAlone = original.Parent switch
        {
            ArgumentSyntax or EqualsValueClauseSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax or ExpressionStatementSyntax => true,
            AssignmentExpressionSyntax assignment => assignment.Right == original,
            IfStatementSyntax or WhileStatementSyntax => true,
            _ => false,
        };
        return SyntaxFactory.ParseExpression(standsAlone ? text : "(" + text + ")");
    }

    private static List<StatementSyntax> ParseStatements(string text, string eol)
    {
        var block = (BlockSyntax)SyntaxFactory.ParseStatement("{" + eol + text + "}");
        return block.Statements.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)).ToList();
    }

    private static SyntaxTriviaList Indentation(SyntaxNode node)
    {
        var leading = node.GetLeadingTrivia();
        return leading.Count > 0 && leading.Last().IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(leading.Last()) : default;
    }

    private static string DetectEndOfLine(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                return trivia.ToString();
        }
        return "\n";
    }
}
