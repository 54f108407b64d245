using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace StatelessAnalyzers.Tests.Verification;

/// <summary>Readable renderings of expected and actual diagnostics for failure messages.</summary>
internal static class DiagnosticFormatter
{
    private const string Indent = "    ";

    /// <summary><c>ID: File(line,col): message</c> followed by the source line and a caret underline.</summary>
    public static string FormatWithSource(Diagnostic diagnostic)
    {
        var builder = new StringBuilder();
        builder.Append(diagnostic.Id).Append(' ').Append(diagnostic.Severity).Append(": ");
        AppendLocation(builder, diagnostic.Location);
        builder.Append(": ").Append(diagnostic.GetMessage(CultureInfo.InvariantCulture));
        if (diagnostic.Location.IsInSource)
            AppendSourceLine(builder, diagnostic.Location.SourceTree!.GetText(), diagnostic.Location.SourceSpan);
        for (var i = 0; i < diagnostic.AdditionalLocations.Count; i++)
        {
            var additional = diagnostic.AdditionalLocations[i];
            builder.AppendLine().Append(Indent).Append("additional location ").Append(i + 1).Append(": ");
            AppendLocation(builder, additional);
            if (additional.IsInSource)
                AppendSourceLine(builder, additional.SourceTree!.GetText(), additional.SourceSpan);
        }

        return builder.ToString();
    }

    /// <summary>An expected result whose markup locations are resolved, rendered like an actual diagnostic.</summary>
    public static string FormatExpected(
        DiagnosticResult expected, IReadOnlyDictionary<string, SourceText> texts, Func<string, string?> messageFormatForId)
    {
        var builder = new StringBuilder();
        builder.Append(expected.Id);
        if (expected.Severity is { } severity)
            builder.Append(' ').Append(severity);
        builder.Append(": ");
        if (expected.HasNoLocation || expected.Locations.IsEmpty)
            builder.Append("(no location)");
        else
            AppendExpectedLocation(builder, expected.Locations[0], texts);
        builder.Append(": ").Append(DescribeExpectedMessage(expected, messageFormatForId));
        if (!expected.Locations.IsEmpty)
            AppendExpectedSource(builder, expected.Locations[0], texts);
        for (var i = 1; i < expected.Locations.Length; i++)
        {
            builder.AppendLine().Append(Indent).Append("additional location ").Append(i).Append(": ");
            AppendExpectedLocation(builder, expected.Locations[i], texts);
            AppendExpectedSource(builder, expected.Locations[i], texts);
        }

        return builder.ToString();
    }

    public static string DescribeExpectedMessage(DiagnosticResult expected, Func<string, string?> messageFormatForId)
    {
        if (expected.Message is not null)
            return expected.Message;
        if (expected.Arguments is { } arguments)
        {
            string? formatted = null;
            try
            {
                formatted = expected.FormatExpectedMessage(messageFormatForId(expected.Id));
            }
            catch (VerificationException)
            {
                // The arguments do not fit the format: show them raw below.
            }

            return formatted ?? "(arguments " + string.Join(", ", arguments.Select(a => "\"" + a + "\"")) + ")";
        }

        return "(message not checked)";
    }

    public static string FileName(string? path) => string.IsNullOrEmpty(path) ? "(no file)" : Path.GetFileName(path);

    /// <summary>
    /// The actual diagnostics as paste-ready test code: each source with <c>{|#n:…|}</c> around every location,
    /// followed by the matching <c>Verify.Diagnostic(…)</c> lines.
    /// </summary>
    public static string ToMarkup(IReadOnlyList<TestSource> sources, IReadOnlyList<Diagnostic> diagnostics, string? defaultId)
    {
        var markers = new Dictionary<string, List<(TextSpan Span, int Key)>>(StringComparer.Ordinal);
        var results = new List<string>();
        var nextKey = 0;

        int Mark(Location location)
        {
            var path = location.SourceTree!.FilePath;
            var key = nextKey++;
            if (!markers.TryGetValue(path, out var list))
                markers[path] = list = new List<(TextSpan, int)>();
            list.Add((location.SourceSpan, key));
            return key;
        }

        foreach (var diagnostic in diagnostics)
        {
            var line = new StringBuilder();
            if (DiagnosticResult.IsCompilerId(diagnostic.Id))
            {
                line.Append("DiagnosticResult.Compiler")
                    .Append(diagnostic.Severity == DiagnosticSeverity.Error ? "Error" : "Warning")
                    .Append("(\"").Append(diagnostic.Id).Append("\")");
            }
            else
            {
                line.Append(diagnostic.Id == defaultId ? "Verify.Diagnostic()" : $"Verify.Diagnostic(\"{diagnostic.Id}\")");
            }

            if (diagnostic.Location.IsInSource)
            {
                line.Append(".WithLocation(").Append(Mark(diagnostic.Location)).Append(')');
                foreach (var additional in diagnostic.AdditionalLocations)
                {
                    if (additional.IsInSource)
                        line.Append(".WithLocation(").Append(Mark(additional)).Append(')');
                }
            }
            else
            {
                line.Append(".WithNoLocation()");
            }

            if (!DiagnosticResult.IsCompilerId(diagnostic.Id))
            {
                var arguments = TryGetArguments(diagnostic);
                if (arguments is not null)
                    line.Append(".WithArguments(").Append(string.Join(", ", arguments.Select(Literal))).Append(')');
                else
                    line.Append(".WithMessage(").Append(Literal(diagnostic.GetMessage(CultureInfo.InvariantCulture))).Append(')');
            }

            results.Add(line.ToString());
        }

        var builder = new StringBuilder();
        foreach (var source in sources)
        {
            builder.AppendLine(sources.Count > 1 || source.FileName != TestSource.DefaultFileName ? $"// {source.FileName}" : "// TestCode");
            builder.AppendLine(InsertMarkup(source.Text, markers.TryGetValue(source.Path, out var spans) ? spans : new()));
        }

        builder.AppendLine(results.Count == 0 ? "// no diagnostics" : "// diagnostics");
        foreach (var result in results)
            builder.Append(result).AppendLine(",");
        return builder.ToString();
    }

    private static string InsertMarkup(string text, List<(TextSpan Span, int Key)> spans)
    {
        // Events at one position: closers of non-empty spans (inner first), then empty spans whole, then
        // openers (outer first), so nested and adjacent spans stay well formed.
        var events = new List<(int Position, int Order, int Tiebreak, string Text)>();
        foreach (var (span, key) in spans)
        {
            if (span.IsEmpty)
            {
                events.Add((span.Start, 1, key, "{|#" + key + ":|}"));
                continue;
            }

            events.Add((span.Start, 2, -span.End * 100000 + key, "{|#" + key + ":"));
            events.Add((span.End, 0, -span.Start * 100000 - key, "|}"));
        }

        events.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position)
            : a.Order != b.Order ? a.Order.CompareTo(b.Order) : a.Tiebreak.CompareTo(b.Tiebreak));
        var builder = new StringBuilder(text.Length + (events.Count * 6));
        var last = 0;
        foreach (var e in events)
        {
            var position = Math.Min(e.Position, text.Length);
            builder.Append(text, last, position - last).Append(e.Text);
            last = position;
        }

        builder.Append(text, last, text.Length - last);
        return builder.ToString();
    }

    private static IReadOnlyList<object?>? TryGetArguments(Diagnostic diagnostic)
    {
        // Diagnostic.Arguments is internal; reflection gives paste-ready arguments, else the message is used.
        try
        {
            var property = diagnostic.GetType().GetProperty("Arguments", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
            if (property?.GetValue(diagnostic) is not IEnumerable values)
                return null;
            var list = values.Cast<object?>().ToList();
            var format = diagnostic.Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
            var rebuilt = string.Format(CultureInfo.InvariantCulture, format, list.ToArray());
            return rebuilt == diagnostic.GetMessage(CultureInfo.InvariantCulture) ? list : null;
        }
        catch (Exception ex) when (ex is TargetInvocationException or FormatException or InvalidOperationException or AmbiguousMatchException)
        {
            return null;
        }
    }

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        _ => Literal(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static void AppendLocation(StringBuilder builder, Location location)
    {
        if (!location.IsInSource)
        {
            builder.Append("(no location)");
            return;
        }

        var position = location.GetLineSpan().StartLinePosition;
        builder.Append(FileName(location.SourceTree!.FilePath))
            .Append('(').Append(position.Line + 1).Append(',').Append(position.Character + 1).Append(')');
    }

    private static void AppendExpectedLocation(StringBuilder builder, ExpectedLocation location, IReadOnlyDictionary<string, SourceText> texts)
    {
        if (location.Path is null || !texts.TryGetValue(location.Path, out var text))
        {
            builder.Append(location.MarkupKey is { } key ? $"(unresolved markup #{key})" : "(unknown file)");
            return;
        }

        var position = text.Lines.GetLinePosition(Math.Min(location.Span.Start, text.Length));
        builder.Append(FileName(location.Path)).Append('(').Append(position.Line + 1).Append(',').Append(position.Character + 1).Append(')');
    }

    private static void AppendExpectedSource(StringBuilder builder, ExpectedLocation location, IReadOnlyDictionary<string, SourceText> texts)
    {
        if (location.Path is not null && texts.TryGetValue(location.Path, out var text))
            AppendSourceLine(builder, text, location.Span);
    }

    /// <summary>The first line of <paramref name="span"/> and a <c>^^^</c> underline beneath the spanned part.</summary>
    public static void AppendSourceLine(StringBuilder builder, SourceText text, TextSpan span)
    {
        var start = Math.Min(span.Start, text.Length);
        var line = text.Lines.GetLineFromPosition(start);
        var lineText = line.ToString();
        var column = start - line.Start;
        var end = Math.Min(span.End, line.End);
        var width = Math.Max(1, end - start);
        var prefix = new StringBuilder();
        for (var i = 0; i < column && i < lineText.Length; i++)
            prefix.Append(lineText[i] == '\t' ? '\t' : ' ');
        builder.AppendLine().Append(Indent).Append(lineText);
        builder.AppendLine().Append(Indent).Append(prefix).Append('^', width);
    }
}
