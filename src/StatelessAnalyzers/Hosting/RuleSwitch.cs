using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers.Hosting;

/// <summary>
/// Whether a rule is turned off for a whole compilation, so that the host can skip it as the analyzer driver skips an
/// analyzer whose diagnostics are all suppressed. It answers yes only when certain; a rule it keeps still has its
/// findings filtered by the compiler's own severity settings.
/// </summary>
internal static class RuleSwitch
{
    /// <summary>True when every diagnostic of the rule is suppressed in every file of <paramref name="compilation"/>.</summary>
    public static bool IsOff(ImmutableArray<DiagnosticDescriptor> descriptors, Compilation compilation, CancellationToken cancellationToken)
    {
        if (descriptors.IsEmpty)
            return false;
        foreach (var descriptor in descriptors)
        {
            if (!IsSuppressed(descriptor.Id, compilation, cancellationToken))
                return false;
        }
        return true;
    }

    /// <summary>
    /// A file's own analyzer-config severity (<c>.editorconfig</c>) decides for that file; a file without one takes the
    /// compilation's settings (<c>NoWarn</c>, rule sets, <c>.globalconfig</c>), which count as off only when every one
    /// of them that names the ID says <c>none</c>. The first file that may report ends the search.
    /// </summary>
    private static bool IsSuppressed(string id, Compilation compilation, CancellationToken cancellationToken)
    {
        var options = compilation.Options;
        var provider = options.SyntaxTreeOptionsProvider;
        var hasSpecific = options.SpecificDiagnosticOptions.TryGetValue(id, out var specific);
        var global = default(ReportDiagnostic);
        var hasGlobal = provider is not null && provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out global);
        var compilationOff = (hasSpecific || hasGlobal)
            && (!hasSpecific || specific == ReportDiagnostic.Suppress)
            && (!hasGlobal || global == ReportDiagnostic.Suppress);

        var anyTree = false;
        foreach (var tree in compilation.SyntaxTrees)
        {
            anyTree = true;
            var off = provider is not null && provider.TryGetDiagnosticValue(tree, id, cancellationToken, out var treeValue)
                ? treeValue == ReportDiagnostic.Suppress
                : compilationOff;
            if (!off)
                return false;
        }
        return anyTree || compilationOff;
    }
}
