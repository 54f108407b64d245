using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers.Cli;

/// <summary>
/// The audit as one self-contained HTML page: inline style, no script and no external resource. Sections
/// have stable ids: <c>readiness</c>, <c>summary</c>, <c>family-memory</c> and the other families, <c>problems</c>.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        :root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --error: #cf222e; --warning: #9a6700; --info: #0969da; --ok: #1a7f37; }
        * { box-sizing: border-box; }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0 auto; max-width: 72rem; padding: 1.5rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
        .muted { color: var(--muted); }
        table { border-collapse: collapse; margin: .5rem 0 1rem; } th, td { border: 1px solid var(--line); padding: .25rem .6rem; text-align: left; vertical-align: top; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        .score { display: flex; gap: 1.5rem; align-items: center; }
        .grade { font-size: 3rem; font-weight: 700; width: 5rem; height: 5rem; border-radius: 50%; display: grid; place-items: center; color: #fff; }
        .grade-A, .grade-B { background: var(--ok); } .grade-C, .grade-D { background: var(--warning); } .grade-E, .grade-F { background: var(--error); }
        .badge { display: inline-block; border-radius: 1rem; padding: 0 .5rem; font-size: .8rem; font-weight: 600; color: #fff; }
        .sev-error { background: var(--error); } .sev-warning { background: var(--warning); } .sev-info { background: var(--info); } .fixable { background: var(--ok); }
        article.finding { border: 1px solid var(--line); border-radius: .5rem; margin: .75rem 0; padding: .5rem .75rem; }
        article.finding header { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
        .location { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85rem; }
        pre.excerpt { background: #f6f8fa; border-radius: .375rem; padding: .5rem 0; overflow-x: auto; margin: .5rem 0 0; font-size: .85rem; }
        pre.excerpt span.line { display: block; padding: 0 .75rem; } pre.excerpt span.line.hit { background: #fff8c5; }
        pre.excerpt span.num { display: inline-block; width: 3.5rem; color: var(--muted); user-select: none; }
        """;

    public static string Create(AuditResult result)
    {
        var readiness = result.Readiness;
        var html = new StringBuilder();
        var title = "Scale-out readiness: " + Path.GetFileName(result.Target);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<header>\n<h1>").Append(E(title)).Append("</h1>\n<p class=\"muted\">")
            .Append(E($"stateless-audit {AuditResult.ToolVersion} on {result.Target}: {Readiness.Plural(result.Projects.Count, "project")}, "
                + $"{Readiness.Plural(result.Findings.Count, "finding")}"
                + (result.AllRulesAsWarnings ? ", every rule as a warning (--all)" : ", severities as the projects configure them")))
            .Append("</p>\n</header>\n");

        // Readiness: the score, the verdict, the blockers and each family's share.
        html.Append("<section id=\"readiness\">\n<h2>Readiness</h2>\n<div class=\"score\">")
            .Append(CultureInfo.InvariantCulture, $"<div class=\"grade grade-{readiness.Grade}\" id=\"grade\">{readiness.Grade}</div>")
            .Append(CultureInfo.InvariantCulture, $"<div><p><strong id=\"score\">{readiness.Score}/100</strong>: {E(readiness.Verdict)}.</p>")
            .Append(CultureInfo.InvariantCulture, $"<p>Blockers (findings at error severity): <strong id=\"blockers\">{readiness.Blockers}</strong>. ")
            .Append(CultureInfo.InvariantCulture, $"Penalty: {readiness.Penalty} points (error 10, warning 3, info 1); score = 100 × {Readiness.HalfScorePenalty} / ({Readiness.HalfScorePenalty} + penalty).</p></div></div>\n");
        html.Append("<table id=\"families\">\n<thead><tr><th>Family</th><th class=\"n\">Findings</th><th class=\"n\">Blockers</th><th class=\"n\">Penalty</th></tr></thead>\n<tbody>\n");
        foreach (var family in readiness.Families)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr data-family=\"{family.Family.Id}\"><td><a href=\"#family-{family.Family.Id}\">{E(family.Family.Title)}</a></td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{family.Findings}</td><td class=\"n\">{family.Blockers}</td><td class=\"n\">{family.Penalty}</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");

        // Summary: per rule, per project, top files.
        html.Append("<section id=\"summary\">\n<h2>Summary</h2>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p>{result.Count(DiagnosticSeverity.Error)} error, {result.Count(DiagnosticSeverity.Warning)} warning, {result.Count(DiagnosticSeverity.Info)} info; {result.Findings.Count(f => f.Fixable)} fixable with <code>stateless-audit --fix</code>.</p>\n");
        html.Append("<table id=\"rules\">\n<thead><tr><th>Rule</th><th>Title</th><th>Severity</th><th class=\"n\">Findings</th><th class=\"n\">Fixable</th></tr></thead>\n<tbody>\n");
        foreach (var group in result.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            var severities = string.Join(", ", group.Select(f => AuditResult.SeverityName(f.Severity)).Distinct());
            html.Append(CultureInfo.InvariantCulture, $"<tr data-rule=\"{group.Key}\"><td><a href=\"{E(first.HelpUri)}\">{group.Key}</a></td><td>{E(first.Title)}</td><td>{severities}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{group.Count()}</td><td class=\"n\">{group.Count(f => f.Fixable)}</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        html.Append("<table id=\"projects\">\n<thead><tr><th>Project</th><th class=\"n\">Findings</th></tr></thead>\n<tbody>\n");
        foreach (var project in result.Projects)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(project)}</td><td class=\"n\">{result.Findings.Count(f => f.Project == project)}</td></tr>\n");
        html.Append("</tbody>\n</table>\n");
        html.Append("<table id=\"files\">\n<thead><tr><th>File</th><th class=\"n\">Findings</th></tr></thead>\n<tbody>\n");
        foreach (var file in result.Findings.GroupBy(f => f.RelativePath).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(10))
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"location\">{E(file.Key)}</td><td class=\"n\">{file.Count()}</td></tr>\n");
        html.Append("</tbody>\n</table>\n</section>\n");

        // One section per family, every finding with its source excerpt.
        foreach (var family in Family.All)
        {
            var findings = result.Findings.Where(f => f.Family == family).ToList();
            if (findings.Count == 0 && family == Family.Configuration)
                continue;
            html.Append(CultureInfo.InvariantCulture, $"<section id=\"family-{family.Id}\" class=\"family\" data-count=\"{findings.Count}\">\n")
                .Append(CultureInfo.InvariantCulture, $"<h2>{E(family.Title)} <span class=\"muted\">({Readiness.Plural(findings.Count, "finding")}, {E(family.Category)})</span></h2>\n");
            if (findings.Count == 0)
                html.Append("<p class=\"muted\">No findings.</p>\n");
            foreach (var finding in findings)
                AppendFinding(html, finding);
            html.Append("</section>\n");
        }

        if (result.LoadErrors.Count > 0 || result.Warnings.Count > 0)
        {
            html.Append("<section id=\"problems\">\n<h2>Load errors and warnings</h2>\n<ul>\n");
            foreach (var message in result.LoadErrors)
                html.Append("<li class=\"load-error\"><strong>error</strong>: ").Append(E(message)).Append("</li>\n");
            foreach (var message in result.Warnings)
                html.Append("<li class=\"load-warning\">warning: ").Append(E(message)).Append("</li>\n");
            html.Append("</ul>\n</section>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendFinding(StringBuilder html, Finding finding)
    {
        var severity = AuditResult.SeverityName(finding.Severity);
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"finding\" data-rule=\"{finding.RuleId}\" data-severity=\"{severity}\">\n<header>")
            .Append(CultureInfo.InvariantCulture, $"<span class=\"badge sev-{severity}\">{severity}</span> ")
            .Append(CultureInfo.InvariantCulture, $"<a class=\"rule\" href=\"{E(finding.HelpUri)}\">{finding.RuleId}</a> <strong>{E(finding.Title)}</strong> ")
            .Append(CultureInfo.InvariantCulture, $"<span class=\"location\">{E(finding.RelativePath)}:{finding.StartLine}:{finding.StartColumn}</span>")
            .Append(finding.Fixable ? " <span class=\"badge fixable\">fixable</span>" : string.Empty)
            .Append("</header>\n<p class=\"message\">").Append(E(finding.Message)).Append("</p>\n<pre class=\"excerpt\"><code>");
        foreach (var line in finding.Excerpt)
        {
            html.Append(line.Highlighted ? "<span class=\"line hit\">" : "<span class=\"line\">")
                .Append(CultureInfo.InvariantCulture, $"<span class=\"num\">{line.Number}</span>")
                .Append(E(line.Text)).Append("</span>");
        }
        html.Append("</code></pre>\n</article>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
