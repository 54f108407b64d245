using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace StatelessAnalyzers.Tests.Robustness;

/// <summary>The kinds of damage, one family of variants each.</summary>
internal enum DamageKind
{
    /// <summary>A prefix of the source, cut at an evenly spaced offset (mid-token, mid-comment, mid-string alike).</summary>
    Truncated,

    /// <summary>A prefix of the source ending just after a token picked at random.</summary>
    TruncatedAtToken,

    /// <summary>One token picked at random removed (its trivia stays).</summary>
    TokenDeleted,

    /// <summary>One <c>}</c> picked at random removed.</summary>
    CloseBraceDropped,

    /// <summary>An extra <c>{</c> inserted before a token picked at random.</summary>
    OpenBraceAdded,

    /// <summary>One <c>)</c> picked at random removed: argument and parameter lists run on.</summary>
    CloseParenDropped,

    /// <summary>Every type the source declares renamed at its declaration, so each use of it fails to bind.</summary>
    DeclaredTypesRenamed,

    /// <summary>One type name the source uses, picked at random, misspelled, so that one reference fails to bind.</summary>
    TypeReferenceRenamed,
}

/// <summary>One damaged variant of a source.</summary>
internal sealed record DamagedSource(DamageKind Kind, string Description, string Text)
{
    public override string ToString() => $"{Kind} ({Description})";
}

/// <summary>
/// Deterministic damage: the same source and seed always give the same variants. Each generator returns
/// nothing when the source offers nothing to damage (no <c>}</c> to drop, no type to rename), and a variant
/// always differs from the source.
/// </summary>
internal static class Damage
{
    /// <summary>The suffix that renamed type names get; no real type ends with it.</summary>
    public const string RenameSuffix = "_Unbound";

    public const int EvenCuts = 4;
    public const int TokenCuts = 2;
    public const int TokenDeletions = 2;

    /// <summary>Every variant of <paramref name="text"/>: up to 13, fewer when variants coincide or a family has nothing to damage.</summary>
    public static ImmutableArray<DamagedSource> All(string text, int seed)
    {
        var random = new Random(seed);
        var tokens = Tokens(text);
        var variants = ImmutableArray.CreateBuilder<DamagedSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { text };
        void Add(DamagedSource? variant)
        {
            if (variant is not null && seen.Add(variant.Text))
                variants.Add(variant);
        }

        foreach (var variant in Truncations(text))
            Add(variant);
        foreach (var variant in TokenTruncations(text, tokens, random, TokenCuts))
            Add(variant);
        foreach (var variant in TokenDeletion(text, tokens, random, TokenDeletions))
            Add(variant);
        Add(DropCloseBrace(text, tokens, random));
        Add(AddOpenBrace(text, tokens, random));
        Add(DropCloseParen(text, tokens, random));
        Add(RenameDeclaredTypes(text));
        Add(RenameTypeReference(text, random));
        return variants.ToImmutable();
    }

    /// <summary>A stable seed for a source name (string hash codes differ between runs).</summary>
    public static int SeedFor(string name)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in name)
                hash = (hash ^ c) * 16777619;
            return hash & int.MaxValue;
        }
    }

    /// <summary>Prefixes cut at <see cref="EvenCuts"/> evenly spaced offsets strictly inside the text.</summary>
    public static IEnumerable<DamagedSource> Truncations(string text)
    {
        for (var i = 1; i <= EvenCuts; i++)
        {
            var cut = (int)((long)text.Length * i / (EvenCuts + 1));
            if (cut > 0 && cut < text.Length)
                yield return new DamagedSource(DamageKind.Truncated, Invariant($"cut at {cut} of {text.Length}"), text[..cut]);
        }
    }

    /// <summary>Prefixes ending just after <paramref name="count"/> tokens picked at random (the last token excluded).</summary>
    public static IEnumerable<DamagedSource> TokenTruncations(string text, IReadOnlyList<SyntaxToken> tokens, Random random, int count)
    {
        if (tokens.Count < 2)
            yield break;
        for (var i = 0; i < count; i++)
        {
            var token = tokens[random.Next(tokens.Count - 1)];
            yield return new DamagedSource(DamageKind.TruncatedAtToken, Describe("cut after", token), text[..token.Span.End]);
        }
    }

    /// <summary>Variants with one token picked at random removed, <paramref name="count"/> of them.</summary>
    public static IEnumerable<DamagedSource> TokenDeletion(string text, IReadOnlyList<SyntaxToken> tokens, Random random, int count)
    {
        if (tokens.Count == 0)
            yield break;
        for (var i = 0; i < count; i++)
        {
            var token = tokens[random.Next(tokens.Count)];
            yield return new DamagedSource(DamageKind.TokenDeleted, Describe("deleted", token), Remove(text, token.Span));
        }
    }

    public static DamagedSource? DropCloseBrace(string text, IReadOnlyList<SyntaxToken> tokens, Random random) =>
        Pick(tokens, SyntaxKind.CloseBraceToken, random) is { } token
            ? new DamagedSource(DamageKind.CloseBraceDropped, Describe("dropped", token), Remove(text, token.Span))
            : null;

    public static DamagedSource? DropCloseParen(string text, IReadOnlyList<SyntaxToken> tokens, Random random) =>
        Pick(tokens, SyntaxKind.CloseParenToken, random) is { } token
            ? new DamagedSource(DamageKind.CloseParenDropped, Describe("dropped", token), Remove(text, token.Span))
            : null;

    public static DamagedSource? AddOpenBrace(string text, IReadOnlyList<SyntaxToken> tokens, Random random)
    {
        if (tokens.Count == 0)
            return null;
        var token = tokens[random.Next(tokens.Count)];
        return new DamagedSource(DamageKind.OpenBraceAdded, Describe("'{' before", token), text.Insert(token.SpanStart, "{ "));
    }

    /// <summary>Renames every declared class, struct, record, interface, enum and delegate at its declaration only.</summary>
    public static DamagedSource? RenameDeclaredTypes(string text)
    {
        var root = CSharpSyntaxTree.ParseText(text).GetRoot();
        var names = new List<SyntaxToken>();
        foreach (var node in root.DescendantNodes())
        {
            var identifier = node switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier,
                DelegateDeclarationSyntax type => type.Identifier,
                _ => default,
            };
            if (!identifier.IsMissing && identifier.Span.Length > 0)
                names.Add(identifier);
        }

        if (names.Count == 0)
            return null;
        var renamed = text;
        foreach (var name in names.OrderByDescending(n => n.SpanStart))
            renamed = renamed.Insert(name.Span.End, RenameSuffix);
        return new DamagedSource(DamageKind.DeclaredTypesRenamed, Invariant($"{names.Count} declaration(s): {string.Join(", ", names.Select(n => n.ValueText).Distinct())}"), renamed);
    }

    /// <summary>Misspells one type name used in a type position (base list, field, parameter, return, generic argument, <c>new</c>).</summary>
    public static DamagedSource? RenameTypeReference(string text, Random random)
    {
        var root = CSharpSyntaxTree.ParseText(text).GetRoot();
        var candidates = root.DescendantNodes().OfType<SimpleNameSyntax>().Where(IsTypeReference).ToList();
        if (candidates.Count == 0)
            return null;
        var name = candidates[random.Next(candidates.Count)];
        var identifier = name.Identifier;
        return new DamagedSource(DamageKind.TypeReferenceRenamed, Describe("renamed", identifier), text.Insert(identifier.Span.End, RenameSuffix));
    }

    /// <summary>The tokens of the text, end of file excluded.</summary>
    public static IReadOnlyList<SyntaxToken> Tokens(string text) =>
        CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();

    private static bool IsTypeReference(SimpleNameSyntax name)
    {
        if (name.Identifier.IsMissing || name.IsVar)
            return false;
        // The rightmost name of a qualified type, or a simple one: the part that names the type itself.
        SyntaxNode type = name;
        while (type.Parent is QualifiedNameSyntax qualified && qualified.Right == type)
            type = qualified;
        if (type.Parent is QualifiedNameSyntax)
            return false;
        return type.Parent switch
        {
            SimpleBaseTypeSyntax or TypeArgumentListSyntax or ObjectCreationExpressionSyntax or NullableTypeSyntax
                or ArrayTypeSyntax or TypeOfExpressionSyntax => true,
            VariableDeclarationSyntax declaration => declaration.Type == type,
            ParameterSyntax parameter => parameter.Type == type,
            PropertyDeclarationSyntax property => property.Type == type,
            MethodDeclarationSyntax method => method.ReturnType == type,
            AttributeSyntax => true,
            _ => false,
        };
    }

    private static SyntaxToken? Pick(IReadOnlyList<SyntaxToken> tokens, SyntaxKind kind, Random random)
    {
        var matching = tokens.Where(t => t.IsKind(kind)).ToList();
        return matching.Count == 0 ? null : matching[random.Next(matching.Count)];
    }

    private static string Remove(string text, TextSpan span) => text.Remove(span.Start, span.Length);

    private static string Describe(string what, SyntaxToken token) =>
        Invariant($"{what} '{Shorten(token.Text)}' at {token.SpanStart}");

    private static string Shorten(string text) => text.Length <= 20 ? text.ReplaceLineEndings(" ") : text[..17].ReplaceLineEndings(" ") + "...";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
