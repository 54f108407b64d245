using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StatelessAnalyzers.CodeFixes.Common;

/// <summary>Adds <c>using</c> directives the way a developer would: once, sorted into place, System first.</summary>
internal static class UsingDirectives
{
    /// <summary>
    /// Adds a <c>using</c> for each namespace not already imported (by a plain or <c>global using</c> of this document).
    /// The directives go to the compilation unit, unless the file keeps its usings inside its only namespace
    /// declaration (block or file-scoped), in which case they go there.
    /// </summary>
    public static CompilationUnitSyntax Add(CompilationUnitSyntax root, params string[] namespaces)
    {
        var imported = new HashSet<string>(StringComparer.Ordinal);
        CollectImports(root.Usings, imported);
        var container = FindContainer(root);
        if (container is BaseNamespaceDeclarationSyntax namespaceDeclaration)
            CollectImports(namespaceDeclaration.Usings, imported);

        var missing = new List<string>();
        foreach (var name in namespaces)
        {
            if (!string.IsNullOrEmpty(name) && imported.Add(name))
                missing.Add(name);
        }
        if (missing.Count == 0)
            return root;
        missing.Sort(Compare);

        var endOfLine = DetectEndOfLine(root);
        if (container is BaseNamespaceDeclarationSyntax target)
        {
            var usings = Insert(target.Usings, missing, endOfLine);
            return root.ReplaceNode(target, target.WithUsings(usings));
        }

        if (root.Usings.Count == 0 && root.Members.Count > 0)
        {
            // No usings yet: the header (comments up to the last blank line) stays first, then the usings, a blank line, the code.
            var first = root.Members[0];
            var trivia = first.GetLeadingTrivia();
            var split = HeaderLength(trivia);
            var header = SyntaxFactory.TriviaList(trivia.Take(split));
            var rest = trivia.Skip(split);
            var added = SyntaxFactory.List(missing.Select((name, i) => CreateUsing(name, endOfLine, i == 0 ? header : default)));
            var newFirst = first.WithLeadingTrivia(SyntaxFactory.TriviaList(new[] { endOfLine }.Concat(rest)));
            return root.ReplaceNode(first, newFirst).WithUsings(added);
        }

        return root.WithUsings(Insert(root.Usings, missing, endOfLine));
    }

    private static SyntaxNode FindContainer(CompilationUnitSyntax root)
    {
        if (root.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.None)))
            return root;
        if (root.Members.Count == 1 && root.Members[0] is BaseNamespaceDeclarationSyntax only && only.Usings.Count > 0)
            return only;
        return root;
    }

    private static void CollectImports(SyntaxList<UsingDirectiveSyntax> usings, HashSet<string> into)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name is { } name)
                into.Add(Normalize(name));
        }
    }

    private static string Normalize(NameSyntax name)
    {
        var text = name.ToString();
        text = text.StartsWith("global::", StringComparison.Ordinal) ? text.Substring("global::".Length) : text;
        return new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
    }

    private static SyntaxList<UsingDirectiveSyntax> Insert(
        SyntaxList<UsingDirectiveSyntax> usings, List<string> missing, SyntaxTrivia endOfLine)
    {
        var list = usings.ToList();
        foreach (var name in missing)
        {
            // Before the first plain using that sorts after it; otherwise after the last plain using.
            var index = -1;
            var lastPlain = -1;
            for (var i = 0; i < list.Count; i++)
            {
                if (!IsPlain(list[i]))
                    continue;
                lastPlain = i;
                if (index < 0 && Compare(name, Normalize(list[i].Name!)) < 0)
                    index = i;
            }
            if (index < 0)
                index = lastPlain >= 0 ? lastPlain + 1 : list.Count(u => !u.GlobalKeyword.IsKind(SyntaxKind.None));

            var indentation = list.Count > 0 ? Indentation(list[Math.Min(index, list.Count - 1)]) : default;
            var directive = CreateUsing(name, endOfLine, indentation);
            if (index < list.Count && index == 0)
            {
                // The first directive carries the file header: keep it first.
                var header = list[0].GetLeadingTrivia();
                directive = directive.WithLeadingTrivia(header);
                list[0] = list[0].WithLeadingTrivia(indentation);
            }
            list.Insert(index, directive);
        }
        return SyntaxFactory.List(list);
    }

    private static bool IsPlain(UsingDirectiveSyntax directive) =>
        directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None)
        && directive.GlobalKeyword.IsKind(SyntaxKind.None) && directive.Name is not null;

    private static SyntaxTriviaList Indentation(UsingDirectiveSyntax directive)
    {
        var leading = directive.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : default;
    }

    private static UsingDirectiveSyntax CreateUsing(string name, SyntaxTrivia endOfLine, SyntaxTriviaList leading) =>
        SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(name))
            .WithUsingKeyword(SyntaxFactory.Token(leading, SyntaxKind.UsingKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)))
            .WithSemicolonToken(SyntaxFactory.Token(default, SyntaxKind.SemicolonToken, SyntaxFactory.TriviaList(endOfLine)));

    /// <summary>System namespaces first, then ordinal, ignoring case (as <c>dotnet_sort_system_directives_first</c>).</summary>
    private static int Compare(string x, string y)
    {
        var xSystem = IsSystem(x);
        var ySystem = IsSystem(y);
        if (xSystem != ySystem)
            return xSystem ? -1 : 1;
        var result = StringComparer.OrdinalIgnoreCase.Compare(x, y);
        return result != 0 ? result : StringComparer.Ordinal.Compare(x, y);
    }

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);

    /// <summary>How many leading trivia belong to the file header: everything up to and including the last blank line.</summary>
    private static int HeaderLength(SyntaxTriviaList trivia)
    {
        var length = 0;
        var previousWasEndOfLine = true;
        for (var i = 0; i < trivia.Count; i++)
        {
            if (trivia[i].IsKind(SyntaxKind.WhitespaceTrivia))
                continue;
            var isEndOfLine = trivia[i].IsKind(SyntaxKind.EndOfLineTrivia);
            if (isEndOfLine && previousWasEndOfLine && i > 0)
                length = i + 1;
            previousWasEndOfLine = isEndOfLine;
        }
        return length;
    }

    /// <summary>The line ending the document already uses.</summary>
    internal static SyntaxTrivia DetectEndOfLine(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                return trivia;
        }
        return SyntaxFactory.LineFeed;
    }
}
