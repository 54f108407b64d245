using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace StatelessAnalyzers.Tests.Verification;

/// <summary>Exact comparison of expected results with actual diagnostics, and the failure report.</summary>
internal static class DiagnosticComparer
{
    public static void Verify(
        string stage, TestState state, IReadOnlyList<Diagnostic> actual, string? defaultId, Func<string, string?> messageFormatForId)
    {
        var expected = state.Expected
            .OrderBy(e => e.Locations.IsEmpty ? "" : e.Locations[0].Path, StringComparer.Ordinal)
            .ThenBy(e => e.Locations.IsEmpty ? -1 : e.Locations[0].Span.Start)
            .ThenBy(e => e.Locations.IsEmpty ? -1 : e.Locations[0].Span.End)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();

        // The most specific expectations pick their partner first, so a looser one cannot take it away.
        var order = Enumerable.Range(0, expected.Count).OrderByDescending(i => Specificity(expected[i])).ToList();
        var partner = new int[expected.Count];
        var used = new bool[actual.Count];
        Array.Fill(partner, -1);
        foreach (var i in order)
        {
            for (var j = 0; j < actual.Count; j++)
            {
                if (!used[j] && Differences(expected[i], actual[j], texts: null).Count == 0)
                {
                    partner[i] = j;
                    used[j] = true;
                    break;
                }
            }
        }

        if (partner.All(p => p >= 0) && used.All(u => u))
            return;

        var missing = partner.Count(p => p < 0);
        var unexpected = used.Count(u => !u);
        var report = new StringBuilder();
        report.Append(stage).Append(": expected ").Append(expected.Count).Append(" diagnostic(s), found ").Append(actual.Count)
            .Append(" (").Append(missing).Append(" expected not found, ").Append(unexpected).Append(" unexpected).").AppendLine();

        report.AppendLine().AppendLine($"Expected ({expected.Count}):");
        if (expected.Count == 0)
            report.AppendLine("  (none)");
        for (var i = 0; i < expected.Count; i++)
        {
            report.Append(partner[i] >= 0 ? "  [ok]         " : "  [NOT FOUND]  ")
                .AppendLine(DiagnosticFormatter.FormatExpected(expected[i], state.Texts, messageFormatForId));
        }

        report.AppendLine().AppendLine($"Actual ({actual.Count}):");
        if (actual.Count == 0)
            report.AppendLine("  (none)");
        for (var j = 0; j < actual.Count; j++)
            report.Append(used[j] ? "  [ok]         " : "  [UNEXPECTED] ").AppendLine(DiagnosticFormatter.FormatWithSource(actual[j]));

        var explanations = new List<string>();
        for (var i = 0; i < expected.Count; i++)
        {
            if (partner[i] >= 0)
                continue;
            var candidate = ClosestUnused(expected[i], actual, used);
            if (candidate is { } j)
                explanations.Add($"  {Describe(expected[i], state)} vs actual {DescribeActual(actual[j])}: {string.Join("; ", Differences(expected[i], actual[j], state.Texts))}");
        }

        if (explanations.Count > 0)
        {
            report.AppendLine().AppendLine("Closest mismatches:");
            foreach (var line in explanations)
                report.AppendLine(line);
        }

        report.AppendLine().AppendLine("Actual diagnostics as markup (paste-ready):");
        report.Append(DiagnosticFormatter.ToMarkup(state.Sources, actual, defaultId));
        throw new VerificationException(report.ToString());
    }

    /// <summary>What differs between an expected result and an actual diagnostic; empty when they match.</summary>
    public static List<string> Differences(DiagnosticResult expected, Diagnostic actual, IReadOnlyDictionary<string, SourceText>? texts)
    {
        var differences = new List<string>();
        if (!string.Equals(expected.Id, actual.Id, StringComparison.Ordinal))
            differences.Add($"ID: expected {expected.Id}, actual {actual.Id}");

        if (expected.HasNoLocation)
        {
            if (actual.Location.IsInSource)
                differences.Add("location: expected no location, actual " + Where(actual.Location));
        }
        else if (!SameLocation(expected.Locations[0], actual.Location))
        {
            differences.Add($"location: expected {Where(expected.Locations[0], texts)}, actual {Where(actual.Location)}");
        }

        if (expected.Locations.Length > 1)
        {
            var additional = actual.AdditionalLocations;
            if (additional.Count != expected.Locations.Length - 1)
            {
                differences.Add($"additional locations: expected {expected.Locations.Length - 1}, actual {additional.Count}");
            }
            else
            {
                for (var k = 0; k < additional.Count; k++)
                {
                    if (!SameLocation(expected.Locations[k + 1], additional[k]))
                        differences.Add($"additional location {k + 1}: expected {Where(expected.Locations[k + 1], texts)}, actual {Where(additional[k])}");
                }
            }
        }

        if (expected.Severity is { } severity && severity != actual.Severity)
            differences.Add($"severity: expected {severity}, actual {actual.Severity}");

        if (expected.Message is not null || expected.Arguments is not null)
        {
            var actualMessage = actual.GetMessage(CultureInfo.InvariantCulture);
            var expectedMessage = expected.FormatExpectedMessage(actual.Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture));
            if (!string.Equals(expectedMessage, actualMessage, StringComparison.Ordinal))
            {
                var what = expected.Message is not null ? "message" : "arguments";
                differences.Add($"{what}: expected message \"{expectedMessage}\", actual \"{actualMessage}\"");
            }
        }

        return differences;
    }

    private static int? ClosestUnused(DiagnosticResult expected, IReadOnlyList<Diagnostic> actual, bool[] used)
    {
        int? best = null;
        var bestScore = 0;
        for (var j = 0; j < actual.Count; j++)
        {
            if (used[j])
                continue;
            var score = (actual[j].Id == expected.Id ? 2 : 0)
                + (!expected.HasNoLocation && !expected.Locations.IsEmpty && SameLocation(expected.Locations[0], actual[j].Location) ? 2 : 0)
                + (!expected.HasNoLocation && !expected.Locations.IsEmpty && actual[j].Location.IsInSource
                    && SameFileOverlap(expected.Locations[0], actual[j].Location) ? 1 : 0);
            if (score > bestScore)
            {
                bestScore = score;
                best = j;
            }
        }

        return best;
    }

    private static int Specificity(DiagnosticResult result) =>
        (result.Message is not null ? 4 : 0) + (result.Arguments is not null ? 4 : 0) + (result.Severity is not null ? 2 : 0) + result.Locations.Length;

    private static bool SameLocation(ExpectedLocation expected, Location actual) =>
        actual.IsInSource
        && string.Equals(expected.Path, actual.SourceTree!.FilePath, StringComparison.Ordinal)
        && expected.Span == actual.SourceSpan;

    private static bool SameFileOverlap(ExpectedLocation expected, Location actual) =>
        string.Equals(expected.Path, actual.SourceTree!.FilePath, StringComparison.Ordinal)
        && (expected.Span.OverlapsWith(actual.SourceSpan) || expected.Span.Contains(actual.SourceSpan.Start));

    private static string Where(ExpectedLocation location, IReadOnlyDictionary<string, SourceText>? texts)
    {
        var where = $"{DiagnosticFormatter.FileName(location.Path)}";
        if (texts is not null && location.Path is not null && texts.TryGetValue(location.Path, out var text) && location.Span.Start <= text.Length)
        {
            var position = text.Lines.GetLinePosition(location.Span.Start);
            where += $"({position.Line + 1},{position.Character + 1})";
        }

        return where + $"[{location.Span.Start}..{location.Span.End})";
    }

    private static string Where(Location location)
    {
        if (!location.IsInSource)
            return "(no location)";
        var position = location.GetLineSpan().StartLinePosition;
        return $"{DiagnosticFormatter.FileName(location.SourceTree!.FilePath)}({position.Line + 1},{position.Character + 1})[{location.SourceSpan.Start}..{location.SourceSpan.End})";
    }

    private static string Describe(DiagnosticResult expected, TestState state)
    {
        if (expected.HasNoLocation || expected.Locations.IsEmpty)
            return $"expected {expected.Id} (no location)";
        var location = expected.Locations[0];
        if (location.Path is not null && state.Texts.TryGetValue(location.Path, out var text))
        {
            var position = text.Lines.GetLinePosition(location.Span.Start);
            return $"expected {expected.Id} at {DiagnosticFormatter.FileName(location.Path)}({position.Line + 1},{position.Character + 1})";
        }

        return $"expected {expected.Id}";
    }

    private static string DescribeActual(Diagnostic actual) => $"{actual.Id} at {Where(actual.Location)}";
}
