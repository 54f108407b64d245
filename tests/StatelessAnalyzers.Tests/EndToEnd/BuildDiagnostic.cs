using System.Text.RegularExpressions;

namespace StatelessAnalyzers.Tests.EndToEnd;

/// <summary>
/// One diagnostic line of MSBuild's console output: <c>path(line,col): warning ID: message [project]</c>, or, for a
/// diagnostic with no source location such as SL9001, <c>CSC : warning ID: message [project]</c> (path <c>CSC</c>,
/// line and column 0).
/// </summary>
internal sealed partial record BuildDiagnostic(string Path, int Line, int Column, string Severity, string Id, string Message)
{
    /// <summary>The distinct diagnostics in a build log (MSBuild repeats them in its closing summary).</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output)
    {
        var diagnostics = new List<BuildDiagnostic>();
        foreach (var rawLine in output.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            BuildDiagnostic diagnostic;
            var match = DiagnosticLine().Match(line);
            if (match.Success)
            {
                diagnostic = new BuildDiagnostic(
                    match.Groups["path"].Value.Trim().Replace('\\', '/'),
                    int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    match.Groups["severity"].Value,
                    match.Groups["id"].Value,
                    match.Groups["message"].Value);
            }
            else
            {
                match = NoLocationLine().Match(line);
                if (!match.Success)
                    continue;
                diagnostic = new BuildDiagnostic(
                    match.Groups["tool"].Value, 0, 0,
                    match.Groups["severity"].Value,
                    match.Groups["id"].Value,
                    match.Groups["message"].Value);
            }

            if (!diagnostics.Contains(diagnostic))
                diagnostics.Add(diagnostic);
        }

        return diagnostics;
    }

    public override string ToString() => Line == 0
        ? $"{Path} : {Severity} {Id}: {Message}"
        : $"{Path}({Line},{Column}): {Severity} {Id}: {Message}";

    [GeneratedRegex(
        @"^\s*(?<path>[^(]+)\((?<line>\d+),(?<column>\d+)(?:,\d+,\d+)?\): (?<severity>warning|error|info) (?<id>[A-Za-z]+\d+): (?<message>.*?)(?: \[[^\]]+\])?$")]
    private static partial Regex DiagnosticLine();

    [GeneratedRegex(
        @"^\s*(?<tool>[A-Za-z]+) : (?<severity>warning|error|info) (?<id>[A-Za-z]+\d+): (?<message>.*?)(?: \[[^\]]+\])?$")]
    private static partial Regex NoLocationLine();
}
