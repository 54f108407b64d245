using System.Text.RegularExpressions;

namespace StatelessAnalyzers.Tests.EndToEnd;

/// <summary>One diagnostic line of MSBuild's console output: <c>path(line,col): warning ID: message [project]</c>.</summary>
internal sealed partial record BuildDiagnostic(string Path, int Line, int Column, string Severity, string Id, string Message)
{
    /// <summary>The distinct diagnostics in a build log (MSBuild repeats them in its closing summary).</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output)
    {
        var diagnostics = new List<BuildDiagnostic>();
        foreach (var line in output.Split('\n'))
        {
            var match = DiagnosticLine().Match(line.TrimEnd('\r'));
            if (!match.Success)
                continue;
            var diagnostic = new BuildDiagnostic(
                match.Groups["path"].Value.Trim().Replace('\\', '/'),
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["severity"].Value,
                match.Groups["id"].Value,
                match.Groups["message"].Value);
            if (!diagnostics.Contains(diagnostic))
                diagnostics.Add(diagnostic);
        }

        return diagnostics;
    }

    public override string ToString() => $"{Path}({Line},{Column}): {Severity} {Id}: {Message}";

    [GeneratedRegex(
        @"^\s*(?<path>[^(]+)\((?<line>\d+),(?<column>\d+)(?:,\d+,\d+)?\): (?<severity>warning|error|info) (?<id>[A-Za-z]+\d+): (?<message>.*?)(?: \[[^\]]+\])?$")]
    private static partial Regex DiagnosticLine();
}
