using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace StatelessAnalyzers.CodeFixes.Common;

/// <summary>
/// Inserts and removes members while keeping the usual blank lines: none between consecutive fields, one before
/// and after any other member, none after the opening brace.
/// </summary>
internal static class MemberLayout
{
    /// <summary>Inserts <paramref name="member"/> (formatted later through <see cref="Formatter.Annotation"/>) at <paramref name="index"/>.</summary>
    public static TypeDeclarationSyntax Insert(TypeDeclarationSyntax type, int index, MemberDeclarationSyntax member, SyntaxTrivia endOfLine)
    {
        var members = type.Members;
        var previous = index > 0 ? members[index - 1] : null;
        var next = index < members.Count ? members[index] : null;

        var trailing = member.GetTrailingTrivia();
        if (trailing.Count == 0 || !trailing[trailing.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia))
            member = member.WithTrailingTrivia(trailing.Add(endOfLine));
        member = WithBlankLine(member.WithAdditionalAnnotations(Formatter.Annotation), previous is not null && !BothFields(previous, member), endOfLine);
        if (next is not null && !BothFields(member, next) && !HasBlankLine(next))
            members = members.Replace(next, WithBlankLine(next, true, endOfLine));
        return type.WithMembers(members.Insert(index, member));
    }

    /// <summary>Removes <paramref name="member"/> with its leading trivia; the next member loses its blank line when it becomes the first.</summary>
    public static TypeDeclarationSyntax Remove(TypeDeclarationSyntax type, MemberDeclarationSyntax member)
    {
        var members = type.Members;
        var index = members.IndexOf(member);
        if (index < 0)
            return type;
        if (index == 0 && members.Count > 1 && HasBlankLine(members[1]))
            members = members.Replace(members[1], WithBlankLine(members[1], false, default));
        return type.WithMembers(members.RemoveAt(index));
    }

    /// <summary>True when the member's leading trivia starts with an empty line.</summary>
    public static bool HasBlankLine(SyntaxNode member)
    {
        foreach (var trivia in member.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.WhitespaceTrivia))
                continue;
            return trivia.IsKind(SyntaxKind.EndOfLineTrivia);
        }
        return false;
    }

    private static bool BothFields(MemberDeclarationSyntax first, MemberDeclarationSyntax second) =>
        first is BaseFieldDeclarationSyntax && second is BaseFieldDeclarationSyntax;

    private static TMember WithBlankLine<TMember>(TMember member, bool blankLine, SyntaxTrivia endOfLine)
        where TMember : SyntaxNode
    {
        var trivia = member.GetLeadingTrivia();
        // Drop the existing leading empty lines, then add one if wanted.
        var skip = 0;
        for (var i = 0; i < trivia.Count; i++)
        {
            if (trivia[i].IsKind(SyntaxKind.WhitespaceTrivia))
                continue;
            if (!trivia[i].IsKind(SyntaxKind.EndOfLineTrivia))
                break;
            skip = i + 1;
        }
        var kept = trivia.Skip(skip);
        var result = blankLine ? new[] { endOfLine }.Concat(kept) : kept;
        return member.WithLeadingTrivia(SyntaxFactory.TriviaList(result));
    }
}
