using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatelessAnalyzers.Rules.Memory;

/// <summary>SL1005: a class of a web project that is not a request-handling type keeps static state that it writes while the app runs.</summary>
public sealed class SL1005StaticStateInWebProjectAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.SL1005StaticStateInWebProject, Descriptors.SL1005StaticStateInWebProjectCompilationEnd);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        StaticStateAnalysis.Register(context, requestHandlingTypes: false);
    }
}
