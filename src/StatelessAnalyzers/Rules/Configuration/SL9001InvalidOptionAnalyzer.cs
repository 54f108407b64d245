using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Configuration;

/// <summary>SL9001: a <c>stateless_analyzers.*</c> option has a value that cannot be parsed; reported once per compilation.</summary>
public sealed class SL9001InvalidOptionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL9001InvalidOption);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationAction(static compilationContext => Report(compilationContext));
    }

    private static void Report(CompilationAnalysisContext context)
    {
        var symbols = WellKnownSymbols.Get(context.Compilation);
        var seenOptions = new HashSet<StatelessOptions>();
        var reported = new HashSet<(string Key, string Value)>();

        Collect(symbols.GetGlobalOptions(context.Options));
        foreach (var tree in context.Compilation.SyntaxTrees)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            Collect(symbols.GetOptions(context.Options, tree));
        }

        void Collect(StatelessOptions options)
        {
            if (options.Errors.IsEmpty || !seenOptions.Add(options))
                return;
            foreach (var error in options.Errors)
            {
                if (reported.Add((error.Key, error.Value)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL9001InvalidOption, Location.None, error.Key, error.Value, error.Expected));
                }
            }
        }
    }
}
