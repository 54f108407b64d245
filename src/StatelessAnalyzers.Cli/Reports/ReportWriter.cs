namespace StatelessAnalyzers.Cli;

/// <summary>Writes the report file that <c>--format</c> asks for.</summary>
internal static class ReportWriter
{
    public static void Write(AuditResult result, string format, string path)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        var text = format switch
        {
            "sarif" => SarifReport.Create(result),
            "json" => JsonReport.Create(result),
            "html" => HtmlReport.Create(result),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format."),
        };
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
