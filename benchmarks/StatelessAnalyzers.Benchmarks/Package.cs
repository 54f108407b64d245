using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatelessAnalyzers.Benchmarks;

/// <summary>The analyzers the package ships, found by reflection, with their rule family and rule IDs.</summary>
internal static class Package
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(StatelessAnalyzers.Rules.Memory.SL1001StaticMutableStateAnalyzer).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The rule families, named after the folders of src/StatelessAnalyzers/Rules.</summary>
    public static IReadOnlyList<string> Families { get; } = Analyzers.Select(Family).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The family of an analyzer: the last part of its namespace (Memory, Infrastructure, ...).</summary>
    public static string Family(DiagnosticAnalyzer analyzer)
    {
        var ns = analyzer.GetType().Namespace ?? string.Empty;
        return ns[(ns.LastIndexOf('.') + 1)..];
    }

    /// <summary>The rule IDs an analyzer reports, such as "SL1001" or "SL2002".</summary>
    public static string Rules(DiagnosticAnalyzer analyzer) =>
        string.Join("+", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));

    public static ImmutableArray<DiagnosticAnalyzer> OfFamily(string family) =>
        Analyzers.Where(a => Family(a) == family).ToImmutableArray();
}
