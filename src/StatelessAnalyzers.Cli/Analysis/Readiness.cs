using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers.Cli;

/// <summary>
/// How far a solution is from running as many replicas: a score from 0 to 100, a grade, the blockers
/// (findings at error severity) and the points each family costs. The formula is in docs/cli.md.
/// </summary>
internal sealed record Readiness(int Score, string Grade, string Verdict, int Blockers, int Penalty, IReadOnlyList<FamilyReadiness> Families)
{
    /// <summary>Points a finding costs, by its effective severity.</summary>
    public static int Weight(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => 10,
        DiagnosticSeverity.Warning => 3,
        DiagnosticSeverity.Info => 1,
        _ => 0,
    };

    /// <summary>The penalty at which the score is 50: the score is 100 × H / (H + penalty).</summary>
    public const int HalfScorePenalty = 25;

    public static Readiness Compute(IReadOnlyCollection<Finding> findings)
    {
        var penalty = findings.Sum(f => Weight(f.Severity));
        var blockers = findings.Count(f => f.Severity == DiagnosticSeverity.Error);
        var score = (int)Math.Round(100.0 * HalfScorePenalty / (HalfScorePenalty + penalty), MidpointRounding.AwayFromZero);
        var grade = blockers > 0 ? "F"
            : score >= 90 ? "A"
            : score >= 75 ? "B"
            : score >= 50 ? "C"
            : score >= 25 ? "D"
            : "E";
        var toFix = findings.Count(f => f.Severity >= DiagnosticSeverity.Warning);
        var verdict = blockers > 0
            ? $"blocked: {Plural(blockers, "finding")} at error severity must be fixed before running more than one replica"
            : toFix > 0
                ? $"needs work: {Plural(toFix, "warning")} to fix before running as many replicas"
                : findings.Count > 0
                    ? $"ready, with {Plural(findings.Count, "informational finding")} to review"
                    : "ready: nothing keeps state in one replica";
        var families = Family.All
            .Select(family =>
            {
                var inFamily = findings.Where(f => f.Family == family).ToList();
                return new FamilyReadiness(
                    family,
                    inFamily.Count,
                    inFamily.Count(f => f.Severity == DiagnosticSeverity.Error),
                    inFamily.Sum(f => Weight(f.Severity)));
            })
            .Where(f => f.Findings > 0 || f.Family.Order < 9)
            .ToList();
        return new Readiness(score, grade, verdict, blockers, penalty, families);
    }

    internal static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}

/// <summary>One family's share of the readiness penalty.</summary>
internal sealed record FamilyReadiness(Family Family, int Findings, int Blockers, int Penalty);
