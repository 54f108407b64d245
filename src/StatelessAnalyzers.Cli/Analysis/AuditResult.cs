using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers.Cli;

/// <summary>Everything an audit found, for the console summary and the report files.</summary>
internal sealed record AuditResult
{
    /// <summary>The solution or project that was audited (full path).</summary>
    public required string Target { get; init; }

    /// <summary>The folder that relative paths start from: the target's folder.</summary>
    public required string Root { get; init; }

    public required IReadOnlyList<string> Projects { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public required IReadOnlyList<string> LoadErrors { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }
    public required bool AllRulesAsWarnings { get; init; }
    public required TimeSpan Duration { get; init; }

    public Readiness Readiness => readiness ??= Readiness.Compute(Findings.ToList());

    private Readiness? readiness;

    public int Count(DiagnosticSeverity severity) => Findings.Count(f => f.Severity == severity);

    public static string ToolVersion { get; } =
        typeof(AuditResult).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The lower-case name of a severity, as the compiler prints it.</summary>
    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}
