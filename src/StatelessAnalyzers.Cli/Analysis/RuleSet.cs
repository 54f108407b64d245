using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatelessAnalyzers.Cli;

/// <summary>Every analyzer, descriptor and code fix that the StatelessAnalyzers package ships.</summary>
internal sealed class RuleSet
{
    private static readonly Lazy<RuleSet> Shared = new(Load);

    private RuleSet(
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        ImmutableArray<CodeFixProvider> fixers,
        ImmutableSortedDictionary<string, DiagnosticDescriptor> descriptors)
    {
        Analyzers = analyzers;
        Fixers = fixers;
        Descriptors = descriptors;
    }

    public static RuleSet Default => Shared.Value;

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<CodeFixProvider> Fixers { get; }

    /// <summary>One descriptor per rule ID, in ID order.</summary>
    public ImmutableSortedDictionary<string, DiagnosticDescriptor> Descriptors { get; }

    /// <summary>The file names of the package's assemblies, to drop them from the projects' analyzer references.</summary>
    public ImmutableHashSet<string> AssemblyFileNames { get; } = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "StatelessAnalyzers.dll", "StatelessAnalyzers.CodeFixes.dll");

    public bool HasFix(string id) => Fixers.Any(f => f.FixableDiagnosticIds.Contains(id));

    private static RuleSet Load()
    {
        var analyzerAssembly = typeof(global::StatelessAnalyzers.Rules.Memory.SL1001StaticMutableStateAnalyzer).Assembly;
        var fixAssembly = typeof(global::StatelessAnalyzers.CodeFixes.Rules.Memory.SL1001StoreInDistributedCacheCodeFix).Assembly;

        var analyzers = analyzerAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } attribute
                && attribute.Languages.Contains(LanguageNames.CSharp))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var fixers = fixAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t)
                && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var descriptors = analyzers
            .SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return new RuleSet(analyzers, fixers, descriptors);
    }
}
