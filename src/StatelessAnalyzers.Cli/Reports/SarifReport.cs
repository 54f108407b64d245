using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers.Cli;

/// <summary>The findings as a SARIF 2.1.0 log: one run, every rule in the driver, relative locations under SRCROOT.</summary>
internal static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SourceRoot = "SRCROOT";

    public static string RepositoryUrl { get; } =
        typeof(SarifReport).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryUrl")?.Value ?? "https://github.com/stateless-analyzers/StatelessAnalyzers";

    public static string Create(AuditResult result)
    {
        var rules = RuleSet.Default.Descriptors.Values.ToList();
        var ruleIndex = rules.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "stateless-audit");
            json.WriteString("version", AuditResult.ToolVersion);
            json.WriteString("semanticVersion", AuditResult.ToolVersion);
            json.WriteString("informationUri", RepositoryUrl);
            json.WriteStartArray("rules");
            foreach (var descriptor in rules)
                WriteRule(json, descriptor);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", result.LoadErrors.Count == 0);
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var message in result.LoadErrors)
                WriteNotification(json, "error", message);
            foreach (var message in result.Warnings)
                WriteNotification(json, "warning", message);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRoot);
            json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(result.Root) + Path.DirectorySeparatorChar).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var finding in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.RuleId);
                json.WriteNumber("ruleIndex", ruleIndex[finding.RuleId]);
                json.WriteString("level", Level(finding.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", finding.Message);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", EscapeRelativeUri(finding.RelativePath));
                json.WriteString("uriBaseId", SourceRoot);
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", finding.StartLine);
                json.WriteNumber("startColumn", finding.StartColumn);
                json.WriteNumber("endLine", finding.EndLine);
                json.WriteNumber("endColumn", finding.EndColumn);
                json.WriteStartObject("snippet");
                json.WriteString("text", finding.Snippet);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartObject("properties");
                json.WriteString("project", finding.Project);
                json.WriteBoolean("fixable", finding.Fixable);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();

            var readiness = result.Readiness;
            json.WriteStartObject("properties");
            json.WriteStartObject("readiness");
            json.WriteNumber("score", readiness.Score);
            json.WriteString("grade", readiness.Grade);
            json.WriteString("verdict", readiness.Verdict);
            json.WriteNumber("blockers", readiness.Blockers);
            json.WriteNumber("penalty", readiness.Penalty);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor descriptor)
    {
        json.WriteStartObject();
        json.WriteString("id", descriptor.Id);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", descriptor.Title.ToString(CultureInfo.InvariantCulture));
        json.WriteEndObject();
        var description = descriptor.Description.ToString(CultureInfo.InvariantCulture);
        if (description.Length > 0)
        {
            json.WriteStartObject("fullDescription");
            json.WriteString("text", description);
            json.WriteEndObject();
        }
        json.WriteString("helpUri", descriptor.HelpLinkUri);
        json.WriteStartObject("defaultConfiguration");
        json.WriteBoolean("enabled", descriptor.IsEnabledByDefault);
        json.WriteString("level", Level(descriptor.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", descriptor.Category);
        json.WriteBoolean("hasCodeFix", RuleSet.Default.HasFix(descriptor.Id));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteNotification(Utf8JsonWriter json, string level, string message)
    {
        json.WriteStartObject();
        json.WriteString("level", level);
        json.WriteStartObject("message");
        json.WriteString("text", message);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string EscapeRelativeUri(string relativePath) =>
        string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString));
}
