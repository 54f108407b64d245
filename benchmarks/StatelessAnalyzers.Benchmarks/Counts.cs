using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace StatelessAnalyzers.Benchmarks;

/// <summary>
/// <c>counts [files]</c>: how many callbacks of each kind the driver makes on a corpus (the operations and symbols the
/// package's actions are called for), and how many distinct called methods and member types there are: the numbers
/// a per-callback cost is multiplied by.
/// </summary>
internal static class Counts
{
    public static int Run(string[] args)
    {
        var files = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var compilation = Workload.FromCorpus(files, seed: 1, antiPatternRate: 0.05).Compile();
        var counter = new CountingAnalyzer();
        var analysis = Measurement.Attach(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(counter));
        foreach (var diagnostic in analysis.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult())
            Console.WriteLine(diagnostic);
        foreach (var entry in counter.Counts.OrderByDescending(e => e.Value))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{entry.Value,9:N0}  {entry.Key}"));
        return 0;
    }

#pragma warning disable RS1001 // a counting analyzer of the benchmark, never shipped
    private sealed class CountingAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        public ConcurrentDictionary<string, int> Counts { get; } = new();

        private readonly ConcurrentDictionary<ISymbol, byte> methods = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, byte> memberTypes = new(SymbolEqualityComparer.Default);

        // An analyzer without a descriptor is never run by the driver.
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            new DiagnosticDescriptor("COUNT", "Counts callbacks", "Counts callbacks", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true));

        private void Count(string key) => Counts.AddOrUpdate(key, 1, static (_, n) => n + 1);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterOperationAction(
                    c =>
                    {
                        Count("operation " + c.Operation.Kind);
                        if (c.Operation is IInvocationOperation invocation)
                        {
                            if (methods.TryAdd(invocation.TargetMethod.OriginalDefinition, 0))
                                Count("distinct called method definitions");
                            Counts.AddOrUpdate("arguments of invocations", invocation.Arguments.Length, (_, n) => n + invocation.Arguments.Length);
                            if (invocation.TargetMethod.IsExtensionMethod)
                                Count("extension method calls");
                        }
                    },
                    OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment,
                    OperationKind.CoalesceAssignment, OperationKind.DeconstructionAssignment, OperationKind.Increment, OperationKind.Decrement,
                    OperationKind.AnonymousFunction, OperationKind.FunctionPointerInvocation, OperationKind.PropertyReference,
                    OperationKind.FieldReference, OperationKind.Literal);
                start.RegisterSymbolAction(
                    c =>
                    {
                        var symbol = c.Symbol;
                        var key = symbol is IMethodSymbol m ? "symbol Method " + m.MethodKind : "symbol " + symbol.Kind;
                        Count(key + (symbol.IsImplicitlyDeclared ? " (implicit)" : string.Empty));
                        var type = symbol switch { IFieldSymbol f => f.Type, IPropertySymbol p => p.Type, _ => null };
                        if (type is not null && memberTypes.TryAdd(type.OriginalDefinition, 0))
                            Count("distinct member type definitions");
                        if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ctor)
                        {
                            foreach (var parameter in ctor.Parameters)
                            {
                                Count("constructor parameters");
                                if (memberTypes.TryAdd(parameter.Type.OriginalDefinition, 0))
                                    Count("distinct member type definitions");
                            }
                        }
                    },
                    SymbolKind.Field, SymbolKind.Property, SymbolKind.Method, SymbolKind.NamedType);
            });
        }
    }
}
