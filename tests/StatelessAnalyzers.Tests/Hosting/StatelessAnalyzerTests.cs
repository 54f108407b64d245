using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using StatelessAnalyzers.Core;
using StatelessAnalyzers.Corpus;
using StatelessAnalyzers.Hosting;
using StatelessAnalyzers.Tests.Catalog;
using StatelessAnalyzers.Tests.Verification;

// Test rules: hosted (no attribute), with IDs from a parameter, and one that deliberately registers at the top level.
#pragma warning disable RS1001, RS1017, RS1025, RS1026, RS1037

namespace StatelessAnalyzers.Tests.Hosting;

/// <summary>
/// The package ships one analyzer, <see cref="StatelessAnalyzer"/>, that hosts every rule: it must run every rule class
/// of the assembly, find exactly what the rules find registered on their own, call each rule's actions for the kinds it
/// asked for, and skip a rule that is turned off.
/// </summary>
public sealed class StatelessAnalyzerTests
{
    [Fact]
    public void ThePackageShipsTheHostAlone()
    {
        var shipped = Assert.Single(RuleCatalog.Analyzers);
        Assert.IsType<StatelessAnalyzer>(shipped);
    }

    [Fact]
    public void TheHostRunsEveryRuleClassOfTheAssembly()
    {
        var ruleClasses = RuleCatalog.AnalyzerClasses.Where(t => t != typeof(StatelessAnalyzer)).Select(t => t.Name).Order(StringComparer.Ordinal);
        Assert.Equal(ruleClasses, new StatelessAnalyzer().Rules.Select(r => r.GetType().Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheHostSupportsEveryDescriptorOfItsRules()
    {
        var host = new StatelessAnalyzer();
        var expected = host.Rules.SelectMany(r => r.SupportedDiagnostics).Distinct().ToList();
        Assert.Equal(expected.Count, host.SupportedDiagnostics.Length);
        Assert.All(expected, d => Assert.Contains(d, host.SupportedDiagnostics));
    }

    [Fact]
    public void EveryRuleAsksForConcurrentExecutionAndNoGeneratedCode()
    {
        foreach (var registration in RuleRegistration.Record(StatelessAnalyzer.CreateRules()))
        {
            var name = registration.Rule.GetType().Name;
            Assert.True(registration.ConcurrentExecution, $"{name} does not enable concurrent execution");
            Assert.True(registration.GeneratedCodeAnalysis == GeneratedCodeAnalysisFlags.ReportDiagnostics, $"{name} does not skip generated code the way the host does (GeneratedCode)");
            Assert.False(registration.CompilationStartActions.IsEmpty && registration.CompilationActions.IsEmpty, $"{name} registers nothing");
        }
    }

    [Fact]
    public void ARuleThatRegistersOutsideACompilationStartActionIsRefused()
    {
        var exception = Assert.Throws<NotSupportedException>(() => RuleRegistration.Record(ImmutableArray.Create<DiagnosticAnalyzer>(new TopLevelRule())));
        Assert.Contains("compilation-start", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHostFindsWhatEachRuleFindsOnItsOwn()
    {
        var files = CorpusGenerator.Generate(new CorpusOptions { Seed = 7, FileCount = 200, AntiPatternRate = 1.0 });
        var compilation = AnalyzerRunner.Compile(files.Select(f => (f.Path, f.Text)));

        var alone = await AnalyzeAsync(compilation.Clone(), StatelessAnalyzer.CreateRules());
        var hosted = await AnalyzeAsync(compilation.Clone(), ImmutableArray.Create<DiagnosticAnalyzer>(new StatelessAnalyzer()));

        var ids = RuleCatalog.Descriptors.Select(d => d.Id).Where(id => id != "SL9001").Order(StringComparer.Ordinal);
        Assert.Equal(ids, alone.Select(line => line.Split('|')[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(alone, hosted);
    }

    [Fact]
    public async Task EachActionIsCalledForTheKindsItRegisteredAsWhenRegisteredAlone()
    {
        const string source = """
            public class A
            {
                private int field;
                public int Property { get; set; }
                public void M() { field = 1; Property = field; N(); new A(); }
                private void N() { }
            }
            public class B { public void M() => new A().M(); }
            """;
        var compilation = CSharpCompilation.Create(
            "Counted",
            new[] { CSharpSyntaxTree.ParseText(source) },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var alone = new CountingRule("TST0001");
        await AnalyzeAsync(compilation.Clone(), ImmutableArray.Create<DiagnosticAnalyzer>(alone));

        var first = new CountingRule("TST0001");
        var second = new CountingRule("TST0002");
        var hosted = await AnalyzeAsync(compilation.Clone(), ImmutableArray.Create<DiagnosticAnalyzer>(new StatelessAnalyzer(ImmutableArray.Create<DiagnosticAnalyzer>(first, second))));

        Assert.NotEmpty(alone.Calls);
        Assert.Equal(Sorted(alone.Calls), Sorted(first.Calls));
        Assert.Equal(Sorted(alone.Calls), Sorted(second.Calls));
        Assert.Contains(hosted, line => line.StartsWith("TST0001|", StringComparison.Ordinal));
        Assert.Contains(hosted, line => line.StartsWith("TST0002|", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("specific", true)]
    [InlineData("every-tree", true)]
    [InlineData("global", true)]
    [InlineData("one-tree-on", false)]
    [InlineData("specific-warn-global-none", false)]
    [InlineData("none", false)]
    public async Task ARuleTurnedOffEverywhereIsNotRun(string configuration, bool off)
    {
        var trees = new[] { CSharpSyntaxTree.ParseText("class A { void M() { } }", path: "A.cs"), CSharpSyntaxTree.ParseText("class B { void M() { } }", path: "B.cs") };
        var treeValues = new Dictionary<SyntaxTree, ReportDiagnostic>();
        ReportDiagnostic? global = null;
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
        switch (configuration)
        {
            case "specific":
                options = options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["TST0001"] = ReportDiagnostic.Suppress });
                break;
            case "every-tree":
                treeValues[trees[0]] = ReportDiagnostic.Suppress;
                treeValues[trees[1]] = ReportDiagnostic.Suppress;
                break;
            case "global":
                global = ReportDiagnostic.Suppress;
                break;
            case "one-tree-on":
                treeValues[trees[0]] = ReportDiagnostic.Suppress;
                treeValues[trees[1]] = ReportDiagnostic.Warn;
                break;
            case "specific-warn-global-none":
                options = options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["TST0001"] = ReportDiagnostic.Warn });
                global = ReportDiagnostic.Suppress;
                break;
        }

        options = options.WithSyntaxTreeOptionsProvider(new SeverityProvider("TST0001", treeValues, global));
        var compilation = CSharpCompilation.Create(
            "Switched", trees, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }, options);

        Assert.Equal(off, RuleSwitch.IsOff(new CountingRule("TST0001").SupportedDiagnostics, compilation, CancellationToken.None));
        var rule = new CountingRule("TST0001");
        var other = new CountingRule("TST0002");
        await AnalyzeAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new StatelessAnalyzer(ImmutableArray.Create<DiagnosticAnalyzer>(rule, other))));
        Assert.Equal(off, rule.Calls.IsEmpty);
        Assert.NotEmpty(other.Calls);
    }

    [Fact]
    public async Task ARuleTimerMeasuresEachRule()
    {
        var rule = new CountingRule("TST0001");
        var host = new StatelessAnalyzer(ImmutableArray.Create<DiagnosticAnalyzer>(rule));
        var timer = new RuleTimer(1);
        host.Timer = timer;
        var compilation = TimedCompilation();
        Assert.Equal(TimeSpan.Zero, timer.Elapsed(0));
        await AnalyzeAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(host));
        Assert.NotEmpty(rule.Calls);
        Assert.True(timer.Elapsed(0) > TimeSpan.Zero);
    }

    [Fact]
    public async Task ARuleTimerCountsEachRulesAllocationsAndTheCollectionsThatStartInItsActions()
    {
        var collecting = new CollectingRule();
        var counting = new CountingRule("TST0001");
        var host = new StatelessAnalyzer(ImmutableArray.Create<DiagnosticAnalyzer>(collecting, counting));
        // A probe that moves by 100 bytes each time it is read: every action reads it before and after.
        long probe = 0;
        var timer = new RuleTimer(2, () => Interlocked.Add(ref probe, 100));
        host.Timer = timer;
        var compilation = TimedCompilation();
        await AnalyzeAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(host));

        // The collecting rule's one invocation action forces a collection.
        Assert.Equal(1, collecting.Calls);
        Assert.True(timer.Collections(0) >= 1);
        // Each action run adds what the probe moved between its two reads: its own 100 bytes, more when an action of
        // the other rule read the probe meanwhile on another thread.
        Assert.True(timer.Allocated(0) >= 100);
        Assert.True(timer.Allocated(1) >= 100 * counting.Calls.Count);
        Assert.Equal(0, timer.Allocated(0) % 100);
    }

    /// <summary>A compilation with a field, an assignment and a call, for the rule timer's tests.</summary>
    private static CSharpCompilation TimedCompilation() => CSharpCompilation.Create(
        "Timed",
        new[] { CSharpSyntaxTree.ParseText("class A { int f; void M() { f = 1; M(); } }") },
        new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });

    /// <summary>A rule whose one action, on the first invocation, forces a garbage collection.</summary>
    private sealed class CollectingRule : DiagnosticAnalyzer
    {
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(
            new DiagnosticDescriptor("TST0005", "Collecting", "Collecting", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true));

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start => start.RegisterOperationAction(
                _ =>
                {
                    if (Interlocked.Increment(ref calls) == 1)
                        GC.Collect();
                },
                OperationKind.Invocation));
        }
    }

    [Fact]
    public async Task ActionsByNameSeeTheCallsAndCreationsOfTheirNamesAndTheConfiguredSingletonMethods()
    {
        var plain = CSharpSyntaxTree.ParseText(
            "class A { void N() { } void O() { } void Register() { } void M() { N(); O(); Register(); N(); new B(); new A(); } }", path: "A.cs");
        var configured = CSharpSyntaxTree.ParseText(
            "class B { void Register() { } void Other() { } void M() { Register(); Other(); new B(); } }", path: "B.cs");
        var compilation = CSharpCompilation.Create(
            "Named",
            new[] { plain, configured },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        // Only B.cs names Register as a singleton registration method.
        var noOptions = new TestAnalyzerConfigOptions(ImmutableDictionary<string, string>.Empty);
        var registerIsASingletonMethod = new TestAnalyzerConfigOptions(
            ImmutableDictionary<string, string>.Empty.Add(StatelessAnalyzers.Core.StatelessOptions.SingletonRegistrationMethodsKey, "Register"));
        var options = new AnalyzerOptions(
            ImmutableArray<AdditionalText>.Empty,
            new TestPerTreeOptionsProvider(tree => tree == configured ? registerIsASingletonMethod : noOptions));

        var alone = new NamedCallsRule();
        await AnalyzeAsync(compilation.Clone(), ImmutableArray.Create<DiagnosticAnalyzer>(alone), options);
        var hosted = new NamedCallsRule();
        await AnalyzeAsync(compilation.Clone(), ImmutableArray.Create<DiagnosticAnalyzer>(new StatelessAnalyzer(ImmutableArray.Create<DiagnosticAnalyzer>(hosted))), options);

        // The names filter alone and under the host alike.
        Assert.Equal(new[] { "named N()", "named N()" }, Sorted(hosted.Calls.Where(c => c.StartsWith("named", StringComparison.Ordinal))));
        Assert.Equal(Sorted(alone.Calls.Where(c => c.StartsWith("named", StringComparison.Ordinal))), Sorted(hosted.Calls.Where(c => c.StartsWith("named", StringComparison.Ordinal))));

        // Creations by the created type's name.
        Assert.Equal(new[] { "creation new B()", "creation new B()" }, Sorted(hosted.Calls.Where(c => c.StartsWith("creation", StringComparison.Ordinal))));
        Assert.Equal(Sorted(alone.Calls.Where(c => c.StartsWith("creation", StringComparison.Ordinal))), Sorted(hosted.Calls.Where(c => c.StartsWith("creation", StringComparison.Ordinal))));

        // Under the host, the configured names of any file reach the action (which still reads each file's options); alone
        // it sees every call.
        Assert.Equal(new[] { "configured Register()", "configured Register()" }, Sorted(hosted.Calls.Where(c => c.StartsWith("configured", StringComparison.Ordinal))));
        Assert.Equal(6, alone.Calls.Count(c => c.StartsWith("configured", StringComparison.Ordinal)));
    }

    private static List<string> Sorted(IEnumerable<string> calls) => calls.Order(StringComparer.Ordinal).ToList();

    private static async Task<IReadOnlyList<string>> AnalyzeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions? options = null)
    {
        var exceptions = new List<Exception>();
        var analyzerOptions = AnalyzerRunner.CreateOptions(exceptions, concurrent: true);
        if (options is not null)
        {
            analyzerOptions = new CompilationWithAnalyzersOptions(
                options, analyzerOptions.OnAnalyzerException, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        }
        var diagnostics = await compilation.WithAnalyzers(analyzers, analyzerOptions)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics
            .Select(d => $"{d.Id}|{d.Location.GetLineSpan()}|{d.GetMessage()}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A rule that records every call of each kind of action the host shares, and reports one diagnostic at the end.</summary>
    private sealed class CountingRule(string id) : DiagnosticAnalyzer
    {
        private readonly DiagnosticDescriptor descriptor = new(id, "Counted", "Counted {0}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public ConcurrentBag<string> Calls { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(descriptor);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterOperationAction(c => Calls.Add($"operation {c.Operation.Kind} {c.Operation.Syntax}"), OperationKind.Invocation, OperationKind.SimpleAssignment);
                start.RegisterOperationAction(c => Calls.Add($"creation {c.Operation.Syntax}"), OperationKind.ObjectCreation, OperationKind.Invocation);
                start.RegisterSymbolAction(c => Calls.Add($"symbol {c.Symbol.Kind} {c.Symbol.Name}"), SymbolKind.Field, SymbolKind.Method);
                start.RegisterSymbolStartAction(
                    c =>
                    {
                        Calls.Add($"type start {c.Symbol.Name}");
                        c.RegisterSymbolEndAction(e => Calls.Add($"type end {e.Symbol.Name}"));
                    },
                    SymbolKind.NamedType);
                start.RegisterCompilationEndAction(c =>
                {
                    Calls.Add("end");
                    c.ReportDiagnostic(Diagnostic.Create(descriptor, Location.None, Calls.Count));
                });
            });
        }
    }

    /// <summary>A rule with actions by name: calls of <c>N</c>, of the configured singleton methods, and creations of <c>B</c>.</summary>
    private sealed class NamedCallsRule : DiagnosticAnalyzer
    {
        public ConcurrentBag<string> Calls { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(
            new DiagnosticDescriptor("TST0004", "Named", "Named", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true));

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterInvocationAction(c => Calls.Add($"named {c.Operation.Syntax}"), new[] { "N" });
                start.RegisterInvocationAction(c => Calls.Add($"configured {c.Operation.Syntax}"), Array.Empty<string>(), configuredSingletonMethods: true);
                start.RegisterObjectCreationAction(c => Calls.Add($"creation {c.Operation.Syntax}"), new[] { "B" });
            });
        }
    }

    /// <summary>Analyzer config options with one key set for one tree only.</summary>
    /// <summary>A rule that registers an operation action directly in Initialize, which the host cannot share or switch off.</summary>
    private sealed class TopLevelRule : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(
            new DiagnosticDescriptor("TST0003", "Top level", "Top level", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true));

        public override void Initialize(AnalysisContext context) => context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
    }

    /// <summary>Severities as an <c>.editorconfig</c> (per file) and a <c>.globalconfig</c> give them, for one ID.</summary>
    private sealed class SeverityProvider(string id, Dictionary<SyntaxTree, ReportDiagnostic> treeValues, ReportDiagnostic? global) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return diagnosticId == id && treeValues.TryGetValue(tree, out severity);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = global ?? default;
            return diagnosticId == id && global is not null;
        }
    }
}
