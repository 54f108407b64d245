namespace StatelessAnalyzers.Cli;

/// <summary>The audit as one self-contained HTML page.</summary>
internal static class HtmlReport
{
    public static string Create(AuditResult result) => "<!DOCTYPE html><html><body></body></html>";
}
