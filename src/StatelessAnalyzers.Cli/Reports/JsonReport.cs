using System.Text.Json;
using System.Text.Json.Serialization;

namespace StatelessAnalyzers.Cli;

/// <summary>The audit as plain JSON: the summary, the readiness, and every finding with its location.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Create(AuditResult result)
    {
        var readiness = result.Readiness;
        var document = new
        {
            tool = "stateless-audit",
            version = AuditResult.ToolVersion,
            target = result.Target,
            allRulesAsWarnings = result.AllRulesAsWarnings,
            projects = result.Projects,
            summary = new
            {
                findings = result.Findings.Count,
                rules = result.Findings.Select(f => f.RuleId).Distinct().Count(),
                errors = result.Count(Microsoft.CodeAnalysis.DiagnosticSeverity.Error),
                warnings = result.Count(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning),
                infos = result.Count(Microsoft.CodeAnalysis.DiagnosticSeverity.Info),
                fixable = result.Findings.Count(f => f.Fixable),
                byRule = result.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Count()),
                byProject = result.Projects.ToDictionary(p => p, p => result.Findings.Count(f => f.Project == p)),
            },
            readiness = new
            {
                score = readiness.Score,
                grade = readiness.Grade,
                verdict = readiness.Verdict,
                blockers = readiness.Blockers,
                penalty = readiness.Penalty,
                families = readiness.Families.Select(f => new
                {
                    family = f.Family.Category,
                    title = f.Family.Title,
                    findings = f.Findings,
                    blockers = f.Blockers,
                    penalty = f.Penalty,
                }),
            },
            findings = result.Findings.Select(f => new
            {
                ruleId = f.RuleId,
                title = f.Title,
                severity = AuditResult.SeverityName(f.Severity),
                category = f.Family.Category,
                message = f.Message,
                project = f.Project,
                path = f.RelativePath,
                startLine = f.StartLine,
                startColumn = f.StartColumn,
                endLine = f.EndLine,
                endColumn = f.EndColumn,
                snippet = f.Snippet,
                fixable = f.Fixable,
                helpUri = f.HelpUri,
            }),
            loadErrors = result.LoadErrors,
            warnings = result.Warnings,
        };
        return JsonSerializer.Serialize(document, Options);
    }
}
