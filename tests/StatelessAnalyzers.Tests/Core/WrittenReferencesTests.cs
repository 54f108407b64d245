using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;
using StatelessAnalyzers.Corpus;
using StatelessAnalyzers.Hosting;
using StatelessAnalyzers.Tests.Catalog;
using StatelessAnalyzers.Tests.Verification;

// Test rules: run through the host or attached by the test (no attribute), one with its ID from a parameter.
#pragma warning disable RS1001, RS1017

namespace StatelessAnalyzers.Tests.Core;

public sealed class WrittenReferencesTests
{
    private const string EveryKindOfWrite = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.InteropServices;
        using System.Text;
        using System.Threading;

        public struct Point { public int X; public int Y { get; set; } }

        public sealed class Box(int seed)
        {
            public Box(ref int target, out int result) : this(0) { target = 1; result = 2; }

            public static int N;
            public static int P { get; set; }
            public static List<int> L = new();
            public static Dictionary<string, int> D = new();
            public static int[] A = new int[2];
            public static int[] Copy = new int[2];
            public static StringBuilder B = new();
            public static Point Pt;
            public static object? O;
            public static (int, int) T;

            public int n;
            public List<int> l = new();
            public Point pt;
            public int Seed => seed;

            public static unsafe void Pointer(delegate*<ref int, void> f) => f(ref N);

            public void Use()
            {
                N = 1; N += 1; N++; --N; O ??= new object();
                Interlocked.Increment(ref N);
                Interlocked.Exchange(ref Pt.X, 3);
                _ = new Box(ref N, out n);
                L.Add(1); l.Add(2); D["k"] = 1; A[0]++; B.Append("x"); Pt.X = 3; Pt.Y = 4; pt.X = 5;
                (N, P) = (1, 2);
                ((N, n), (Pt.X, A[1])) = ((1, 2), (3, 4));
                L?.Clear();
                CollectionExtensions.TryAdd(D, "a", 1);
                Array.Clear(A);
                Array.Copy(A, Copy, 2);
                CollectionsMarshal.SetCount(L, 0);
                IList<int> asList = L;
                ((ICollection<int>)L).Add(3);
                seed = 4;
                seed++;
                Action later = () => { N = 9; L.Remove(1); };
                int Local() => N++;
                _ = N + P + L.Count + L[0] + D["k"] + A[0] + Pt.X + n + l.Count + seed + T.Item1;
                _ = L.Contains(1) ? O?.ToString() : B.ToString();
                Console.WriteLine(N);
            }
        }
        """;

    [Fact]
    public async Task EveryReferenceClassifiedAsAWriteIsCollectedOnceFromItsSite()
    {
        var compilation = TestCompilation.Create(EveryKindOfWrite, allowUnsafe: true);
        var (writes, collected) = await WritesAndCollectedAsync(compilation);

        Assert.True(writes.Count >= 30, $"only {writes.Count} writes");
        AssertEachWriteCollectedOnce(writes, collected);
    }

    [Fact]
    public async Task OnTheCorpusEveryWriteIsCollectedOnce()
    {
        var files = CorpusGenerator.Generate(new CorpusOptions { Seed = 11, FileCount = 150, AntiPatternRate = 1.0 });
        var compilation = AnalyzerRunner.Compile(files.Select(f => (f.Path, f.Text)));
        var (writes, collected) = await WritesAndCollectedAsync(compilation);

        Assert.NotEmpty(writes);
        AssertEachWriteCollectedOnce(writes, collected);
    }

    [Fact]
    public void ReadsAndLookAlikesAreNotCollected()
    {
        var compilation = TestCompilation.Create("""
            using System.Collections.Generic;
            public static class S
            {
                public static List<int> L = new();
                public static int N;
                public static int Use(ref int other)
                {
                    var count = L.Count;
                    _ = L.Contains(N);
                    Read(N);
                    Read(in N);
                    other = N;
                    return count + N;
                }
                private static void Read(int value) { }
                private static void Read(in int value, int unused = 0) { }
            }
            """);
        var collected = new List<IOperation>();
        foreach (var site in TestCompilation.Operations<IOperation>(compilation))
            WrittenReferences.Collect(site, collected);

        // Only the parameter 'other', written by the assignment, is a write target.
        var written = Assert.Single(collected);
        Assert.Equal("other", written.Syntax.ToString());
    }

    [Fact]
    public async Task HostedRulesReceiveTheReferencesTheyReceiveAlone()
    {
        var compilation = TestCompilation.Create(EveryKindOfWrite, allowUnsafe: true);

        var alone = new WrittenReferenceRule("TST0011");
        await RunAsync(compilation.Clone(), alone);

        var first = new WrittenReferenceRule("TST0011");
        var second = new WrittenReferenceRule("TST0012");
        await RunAsync(compilation.Clone(), new StatelessAnalyzer(ImmutableArray.Create<DiagnosticAnalyzer>(first, second)));

        Assert.NotEmpty(alone.Calls);
        Assert.Equal(alone.Calls.Order(StringComparer.Ordinal), first.Calls.Order(StringComparer.Ordinal));
        Assert.Equal(alone.Calls.Order(StringComparer.Ordinal), second.Calls.Order(StringComparer.Ordinal));
        Assert.Contains(alone.Calls, call => call.EndsWith("| L", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARuleTimerCountsTheWrittenReferenceActionsOfEachRule()
    {
        var compilation = TestCompilation.Create(EveryKindOfWrite, allowUnsafe: true);
        var counted = new WrittenReferenceRule("TST0013");
        var host = new StatelessAnalyzer(ImmutableArray.Create<DiagnosticAnalyzer>(new WrittenReferenceRule("TST0014"), counted));
        var probe = 0L;
        var timer = new RuleTimer(2, () => Interlocked.Add(ref probe, 10));
        host.Timer = timer;

        await RunAsync(compilation, host);

        // Each timed call reads the probe before and after: at least ten bytes per call of the rule's action (more when
        // the other rule read it meanwhile on another thread).
        Assert.NotEmpty(counted.Calls);
        Assert.True(timer.Allocated(1) >= 10L * counted.Calls.Count, $"{timer.Allocated(1)} bytes for {counted.Calls.Count} calls");
        Assert.True(timer.Elapsed(1) > TimeSpan.Zero);
    }

    private static void AssertEachWriteCollectedOnce(IReadOnlyCollection<IOperation> writes, IReadOnlyList<IOperation> collected)
    {
        foreach (var write in writes)
        {
            var times = collected.Count(c => ReferenceEquals(c, write));
            Assert.True(times == 1, $"'{write.Syntax}' ({write.Syntax.GetLocation().GetLineSpan()}) is collected {times} times");
        }
    }

    /// <summary>
    /// Through the analyzer driver: every field and property reference <see cref="StateWrites.Classify"/> calls a write,
    /// and every reference collected from every write site.
    /// </summary>
    private static async Task<(IReadOnlyCollection<IOperation> Writes, IReadOnlyList<IOperation> Collected)> WritesAndCollectedAsync(Compilation compilation)
    {
        var probe = new ProbeRule();
        await RunAsync(compilation, probe);
        return (probe.Writes.ToList(), probe.Collected.ToList());
    }

    private static async Task RunAsync(Compilation compilation, DiagnosticAnalyzer analyzer)
    {
        var exceptions = new List<Exception>();
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create(analyzer), AnalyzerRunner.CreateOptions(exceptions, concurrent: true))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    private sealed class ProbeRule : DiagnosticAnalyzer
    {
        public ConcurrentBag<IOperation> Writes { get; } = new();

        public ConcurrentQueue<IOperation> Collected { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(
            new DiagnosticDescriptor("TST0010", "Probe", "Probe", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true));

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                // The driver analyses its own copy of the compilation: the classifier is made from that one.
                var types = TestCompilation.Context(start.Compilation).Types;
                start.RegisterOperationAction(
                    c =>
                    {
                        if (StateWrites.Classify(c.Operation, types) != WriteKind.None)
                            Writes.Add(c.Operation);
                    },
                    OperationKind.FieldReference,
                    OperationKind.PropertyReference);
                start.RegisterOperationAction(
                    c =>
                    {
                        var references = new List<IOperation>();
                        WrittenReferences.Collect(c.Operation, references);
                        foreach (var reference in references)
                            Collected.Enqueue(reference);
                    },
                    WrittenReferences.SiteKinds);
            });
        }
    }

    /// <summary>A rule that records each written reference it is given, with its site.</summary>
    private sealed class WrittenReferenceRule(string id) : DiagnosticAnalyzer
    {
        public ConcurrentBag<string> Calls { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(
            new DiagnosticDescriptor(id, "Written", "Written", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true));

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
                start.RegisterWrittenReferenceAction((c, reference) =>
                    Calls.Add($"{c.Operation.Kind} {c.Operation.Syntax.SpanStart} | {reference.Syntax}")));
        }
    }
}
