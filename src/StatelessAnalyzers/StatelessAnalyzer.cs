using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StatelessAnalyzers.Hosting;
using StatelessAnalyzers.Rules.Configuration;
using StatelessAnalyzers.Rules.Infrastructure;
using StatelessAnalyzers.Rules.Memory;
using StatelessAnalyzers.Rules.Storage;
using StatelessAnalyzers.Rules.Work;

namespace StatelessAnalyzers;

/// <summary>
/// The analyzer the package ships: it runs every rule of the catalog in one analyzer. Each rule keeps its own
/// class and registrations; this host collects them per compilation and registers one callback per kind of
/// operation, symbol and compilation event, which calls the rules that asked for that kind. The analyzer driver
/// then dispatches each event once for the package, not once per rule, and a rule whose diagnostics are all turned
/// off (<c>dotnet_diagnostic.ID.severity = none</c>, <c>NoWarn</c>) registers nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StatelessAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Every rule of the package.</summary>
    public StatelessAnalyzer()
        : this(CreateRules())
    {
    }

    /// <summary>The given rules only (tests and benchmarks run one rule or one family through the host).</summary>
    internal StatelessAnalyzer(ImmutableArray<DiagnosticAnalyzer> rules)
    {
        Rules = rules;
        var descriptors = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
        var seen = new HashSet<DiagnosticDescriptor>();
        foreach (var rule in rules)
        {
            foreach (var descriptor in rule.SupportedDiagnostics)
            {
                if (seen.Add(descriptor))
                    descriptors.Add(descriptor);
            }
        }
        SupportedDiagnostics = descriptors.ToImmutable();
    }

    /// <summary>The rules this host runs, one analyzer class per rule (SL1001 and SL1005 share their analysis).</summary>
    internal ImmutableArray<DiagnosticAnalyzer> Rules { get; }

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>Set before the host is first initialised, to measure each rule's time (see <see cref="RuleTimer"/>).</summary>
    internal RuleTimer? Timer { get; set; }

    /// <summary>A new instance of every rule of the catalog, in ID order.</summary>
    internal static ImmutableArray<DiagnosticAnalyzer> CreateRules() => ImmutableArray.Create<DiagnosticAnalyzer>(
        new SL1001StaticMutableStateAnalyzer(),
        new SL1002StaticWriteFromHandlerAnalyzer(),
        new SL1003SingletonStateAnalyzer(),
        new SL1004CapturedStateAnalyzer(),
        new SL1005StaticStateInWebProjectAnalyzer(),
        new SL2001InMemoryDistributedCacheAnalyzer(),
        new SL2002SessionInProcessMemoryAnalyzer(),
        new SL2003InProcessCacheAnalyzer(),
        new SL2004DataProtectionKeysNotPersistedAnalyzer(),
        new SL2005SignalRWithoutBackplaneAnalyzer(),
        new SL2006LocalDatabaseAnalyzer(),
        new SL2007PerInstanceOutputCacheOrRateLimiterAnalyzer(),
        new SL2008InMemoryJobStoreAnalyzer(),
        new SL2009PerInstanceSigningKeyAnalyzer(),
        new SL3001LocalFileWriteAnalyzer(),
        new SL3002TemporaryFileAnalyzer(),
        new SL3003LocalLogFileAnalyzer(),
        new SL4001SingletonQueueAnalyzer(),
        new SL4002StaticWorkQueueAnalyzer(),
        new SL4003FireAndForgetAnalyzer(),
        new SL4004ScheduledWorkAnalyzer(),
        new SL9001InvalidOptionAnalyzer());

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);

        var rules = RuleRegistration.Record(Rules);
        var timer = Timer;
        context.RegisterCompilationStartAction(start => RuleDispatch.Start(start, rules, timer));
        foreach (var rule in rules)
        {
            if (!rule.CompilationActions.IsEmpty)
            {
                context.RegisterCompilationAction(compilationContext => RuleDispatch.RunCompilationActions(compilationContext, rules, timer));
                break;
            }
        }
    }
}
