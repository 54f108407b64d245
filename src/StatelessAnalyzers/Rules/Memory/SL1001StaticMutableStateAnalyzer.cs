using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatelessAnalyzers.Rules.Memory;

/// <summary>SL1001: a request-handling type (or a type nested in one) keeps mutable state in a static field or property.</summary>
public sealed class SL1001StaticMutableStateAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.SL1001StaticMutableState, Descriptors.SL1001StaticMutableStateCompilationEnd);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        StaticStateAnalysis.Register(context, requestHandlingTypes: true);
    }
}
