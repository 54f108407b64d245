using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers.Core;

/// <summary>The classifiers of one compilation as configured by one set of options.</summary>
internal sealed class RuleContext
{
    public RuleContext(WellKnownSymbols symbols, StatelessOptions options)
    {
        Symbols = symbols;
        Options = options;
        Handlers = new HandlerClassifier(symbols, symbols.ResolveAll(options.HandlerBaseTypes));
        Types = new StateTypeClassifier(symbols, symbols.ResolveAll(options.SafeTypes));
    }

    public WellKnownSymbols Symbols { get; }

    public StatelessOptions Options { get; }

    public HandlerClassifier Handlers { get; }

    public StateTypeClassifier Types { get; }

    /// <summary>
    /// Family 1 runs in test projects only with <c>report_in_tests = true</c>; outside web projects there are no
    /// request-handling types to look at.
    /// </summary>
    public bool MemoryRulesApply => Symbols.IsWebProject && (!Symbols.IsTestProject || Options.ReportInTests);

    /// <summary>Families 2 to 4 run in web projects and worker services, never in test projects unless configured.</summary>
    public bool InfrastructureRulesApply => Symbols.IsWebOrWorker && (!Symbols.IsTestProject || Options.ReportInTests);

    /// <summary>True when a family 2 to 4 rule may report at <paramref name="operation"/>: it applies, and no development guard covers it.</summary>
    public bool MayReportInfrastructure(IOperation operation) =>
        InfrastructureRulesApply && !DevelopmentGuards.IsGuarded(operation, Options);
}
