using System.Globalization;
using Microsoft.CodeAnalysis;
using Spectre.Console;

namespace StatelessAnalyzers.Cli;

/// <summary>The console summary: readiness, counts per rule, per project and per family, the top files, and every finding.</summary>
internal static class ConsoleReport
{
    public static void Write(AuditResult result, IAnsiConsole console, int top)
    {
        var interactive = console.Profile.Capabilities.Interactive;
        var border = interactive ? TableBorder.Rounded : TableBorder.Markdown;
        var readiness = result.Readiness;
        var rules = result.Findings.Select(f => f.RuleId).Distinct().Count();
        var fixable = result.Findings.Count(f => f.Fixable);

        console.WriteLine();
        console.MarkupLine($"[bold]stateless-audit {AuditResult.ToolVersion}[/]: {Markup.Escape(DisplayPath(result.Target))}"
            + (result.AllRulesAsWarnings ? " [grey](--all: every rule as a warning)[/]" : string.Empty));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Readiness.Plural(result.Projects.Count, "project")}, {Readiness.Plural(result.Findings.Count, "finding")} of {Readiness.Plural(rules, "rule")} "
            + $"({result.Count(DiagnosticSeverity.Error)} error, {result.Count(DiagnosticSeverity.Warning)} warning, {result.Count(DiagnosticSeverity.Info)} info), "
            + $"{fixable} fixable with --fix, in {result.Duration.TotalSeconds:0.0} s"));
        console.WriteLine();

        var colour = readiness.Blockers > 0 ? "red" : readiness.Score >= 75 ? "green" : "yellow";
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]Readiness[/]: [bold {colour}]{readiness.Score}/100, grade {readiness.Grade}[/], {Markup.Escape(readiness.Verdict)}"));
        var families = new Table().Border(border);
        families.AddColumn("Family").AddColumn(new TableColumn("Findings").RightAligned())
            .AddColumn(new TableColumn("Blockers").RightAligned()).AddColumn(new TableColumn("Penalty").RightAligned());
        foreach (var family in readiness.Families)
            families.AddRow(Cell(family.Family.Title), Number(family.Findings), Number(family.Blockers), Number(family.Penalty));
        Heading(console, "Findings by family");
        console.Write(families);

        if (result.Findings.Count > 0)
        {
            var byRule = new Table().Border(border);
            byRule.AddColumn("Rule").AddColumn("Severity").AddColumn("Title")
                .AddColumn(new TableColumn("Findings").RightAligned()).AddColumn(new TableColumn("Fixable").RightAligned());
            foreach (var group in result.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var severities = string.Join(", ", group.Select(f => AuditResult.SeverityName(f.Severity)).Distinct());
                byRule.AddRow(Cell(group.Key), Cell(severities), Cell(group.First().Title), Number(group.Count()), Number(group.Count(f => f.Fixable)));
            }
            Heading(console, "Findings by rule");
            console.Write(byRule);
        }

        var byProject = new Table().Border(border);
        byProject.AddColumn("Project").AddColumn(new TableColumn("Findings").RightAligned())
            .AddColumn(new TableColumn("Error").RightAligned()).AddColumn(new TableColumn("Warning").RightAligned())
            .AddColumn(new TableColumn("Info").RightAligned());
        foreach (var project in result.Projects)
        {
            var inProject = result.Findings.Where(f => f.Project == project).ToList();
            byProject.AddRow(Cell(project), Number(inProject.Count),
                Number(inProject.Count(f => f.Severity == DiagnosticSeverity.Error)),
                Number(inProject.Count(f => f.Severity == DiagnosticSeverity.Warning)),
                Number(inProject.Count(f => f.Severity == DiagnosticSeverity.Info)));
        }
        Heading(console, "Findings by project");
        console.Write(byProject);

        if (result.Findings.Count > 0 && top > 0)
        {
            var files = new Table().Border(border);
            files.AddColumn("File").AddColumn(new TableColumn("Findings").RightAligned()).AddColumn("Rules");
            foreach (var file in result.Findings.GroupBy(f => f.RelativePath)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(top))
            {
                files.AddRow(Cell(file.Key), Number(file.Count()), Cell(string.Join(", ", file.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal))));
            }
            Heading(console, $"Top {top} files");
            console.Write(files);

            Heading(console, "Findings");
            foreach (var finding in result.Findings)
            {
                var severity = AuditResult.SeverityName(finding.Severity);
                var style = finding.Severity switch
                {
                    DiagnosticSeverity.Error => "red",
                    DiagnosticSeverity.Warning => "yellow",
                    _ => "blue",
                };
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"{Markup.Escape(finding.RelativePath)}({finding.StartLine},{finding.StartColumn}): [{style}]{severity} {finding.RuleId}[/]: {Markup.Escape(finding.Message)}");
                console.MarkupLine(finding.Fixable ? line + " [green](fixable)[/]" : line);
            }
            console.WriteLine();
        }

        foreach (var warning in result.Warnings)
            console.MarkupLine("[yellow]warning[/]: " + Markup.Escape(warning));
    }

    /// <summary>The path relative to the current folder when it is under it, else the full path.</summary>
    internal static string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }

    private static void Heading(IAnsiConsole console, string text)
    {
        console.WriteLine();
        console.MarkupLine($"[bold]{Markup.Escape(text)}[/]");
    }

    private static Text Cell(string text) => new(text);

    private static Text Number(int value) => new(value.ToString(CultureInfo.InvariantCulture));
}
