using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;
using StatelessAnalyzers.Hosting;

namespace StatelessAnalyzers.Benchmarks;

/// <summary>
/// The analyzers the package ships, found by reflection as the driver finds them (one: the host,
/// <see cref="StatelessAnalyzer"/>), and the rules it hosts with their family and rule IDs.
/// </summary>
internal static class Package
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(StatelessAnalyzer).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The rules the host runs, one analyzer class each, in the host's order.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Rules { get; } = StatelessAnalyzer.CreateRules();

    /// <summary>The rule families, named after the folders of src/StatelessAnalyzers/Rules.</summary>
    public static IReadOnlyList<string> Families { get; } = Rules.Select(Family).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The family of a rule: the last part of its namespace (Memory, Infrastructure, ...).</summary>
    public static string Family(DiagnosticAnalyzer rule)
    {
        var ns = rule.GetType().Namespace ?? string.Empty;
        return ns[(ns.LastIndexOf('.') + 1)..];
    }

    /// <summary>The rule IDs an analyzer reports, such as "SL1001" or "SL2002".</summary>
    public static string Ids(DiagnosticAnalyzer analyzer) =>
        string.Join("+", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));

    /// <summary>The host running <paramref name="rules"/> only, as the package runs them.</summary>
    public static StatelessAnalyzer Host(IEnumerable<DiagnosticAnalyzer> rules) => new(rules.ToImmutableArray());

    /// <summary>The host with every rule and a timer that measures each rule's share (see <see cref="RuleTimer"/>).</summary>
    public static (StatelessAnalyzer Host, RuleTimer Timer) TimedHost()
    {
        var host = Host(StatelessAnalyzer.CreateRules());
        var timer = new RuleTimer(host.Rules.Length, GC.GetAllocatedBytesForCurrentThread);
        host.Timer = timer;
        return (host, timer);
    }

    /// <summary>The host running one family's rules.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> OfFamily(string family) =>
        ImmutableArray.Create<DiagnosticAnalyzer>(Host(Rules.Where(r => Family(r) == family)));
}
