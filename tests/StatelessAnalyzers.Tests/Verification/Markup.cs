using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace StatelessAnalyzers.Tests.Verification;

/// <summary>One markup span: <c>[|…|]</c> (no name), <c>{|#0:…|}</c> (name <c>#0</c>) or <c>{|SL1002:…|}</c>.</summary>
internal readonly record struct MarkupSpan(string? Name, TextSpan Span)
{
    public bool IsNumbered => Name is not null && Name.StartsWith('#');

    public int Key => int.Parse(Name!.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Source text with its markup removed, and the spans the markup marked.</summary>
internal sealed class MarkupSource
{
    private MarkupSource(string text, IReadOnlyList<MarkupSpan> spans)
    {
        Text = text;
        Spans = spans;
    }

    public string Text { get; }

    public IReadOnlyList<MarkupSpan> Spans { get; }

    /// <summary>
    /// Parses Microsoft's markup grammar: <c>[|text|]</c>, <c>{|#n:text|}</c>, <c>{|ID:text|}</c>, nested freely.
    /// A <c>{|</c> not followed by a name and a colon, and a closer with nothing open, are plain text.
    /// </summary>
    public static MarkupSource Parse(string source, string fileName)
    {
        var text = new StringBuilder(source.Length);
        var spans = new List<MarkupSpan>();
        var open = new Stack<(char Kind, string? Name, int Start, int Line)>();
        var line = 1;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '[' && At(source, i + 1, '|'))
            {
                open.Push(('[', null, text.Length, line));
                i += 2;
                continue;
            }

            if (c == '{' && At(source, i + 1, '|') && TryReadName(source, i + 2, out var name, out var afterColon))
            {
                open.Push(('{', name, text.Length, line));
                i = afterColon;
                continue;
            }

            if (c == '|' && (At(source, i + 1, ']') || At(source, i + 1, '}')) && open.Count > 0)
            {
                var kind = source[i + 1] == ']' ? '[' : '{';
                var top = open.Peek();
                if (top.Kind != kind)
                {
                    throw new VerificationException(
                        $"Markup error in {fileName} line {line}: '|{source[i + 1]}' closes '{top.Kind}|' opened on line {top.Line}.");
                }

                open.Pop();
                spans.Add(new MarkupSpan(top.Name, TextSpan.FromBounds(top.Start, text.Length)));
                i += 2;
                continue;
            }

            if (c == '\n')
                line++;
            text.Append(c);
            i++;
        }

        if (open.Count > 0)
        {
            var unclosed = open.Peek();
            throw new VerificationException(
                $"Markup error in {fileName} line {unclosed.Line}: '{unclosed.Kind}|{unclosed.Name}' is never closed.");
        }

        spans.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
        return new MarkupSource(text.ToString(), spans);
    }

    /// <summary>The source without its markup.</summary>
    public static string Strip(string source) => Parse(source, "source").Text;

    private static bool At(string s, int index, char c) => index < s.Length && s[index] == c;

    private static bool TryReadName(string s, int start, out string name, out int afterColon)
    {
        name = "";
        afterColon = 0;
        var i = start;
        if (At(s, i, '#'))
        {
            i++;
            var digits = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                i++;
            if (i == digits)
                return false;
        }
        else
        {
            if (i >= s.Length || !(char.IsAsciiLetter(s[i]) || s[i] == '_'))
                return false;
            while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '_'))
                i++;
        }

        if (!At(s, i, ':'))
            return false;
        name = s[start..i];
        afterColon = i + 1;
        return true;
    }
}
