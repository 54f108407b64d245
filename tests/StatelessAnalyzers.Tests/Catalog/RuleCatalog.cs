using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatelessAnalyzers.Tests.Catalog;

/// <summary>Every analyzer and descriptor the package ships, found by reflection so new rules are covered automatically.</summary>
internal static class RuleCatalog
{
    public static Assembly AnalyzerAssembly { get; } = typeof(StatelessAnalyzers.Rules.Memory.SL1001StaticMutableStateAnalyzer).Assembly;

    /// <summary>The analyzers the package ships, found as the compiler finds them (by attribute): the host alone.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = AnalyzerAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The rules the host runs, one analyzer class per rule.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Rules { get; } = StatelessAnalyzer.CreateRules();

    /// <summary>Every concrete analyzer class of the analyzer assembly, attributed or not.</summary>
    public static IEnumerable<Type> AnalyzerClasses => AnalyzerAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t));

    /// <summary>One descriptor per ID (several descriptors may share an ID, differing only in tags).</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .GroupBy(d => d.Id)
        .Select(g => g.First())
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    public static IEnumerable<object[]> DescriptorIds => Descriptors.Select(d => new object[] { d.Id });

    public static DiagnosticDescriptor Descriptor(string id) => Descriptors.Single(d => d.Id == id);

    public static string RepositoryFile(params string[] parts) =>
        Path.Combine(new[] { StatelessAnalyzers.Tests.EndToEnd.Toolchain.RepositoryRoot }.Concat(parts).ToArray());
}
