using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace StatelessAnalyzers.Core;

/// <summary>
/// The types registered as singletons anywhere in a compilation, collected by an invocation action and read at
/// compilation end (registrations can sit in any file).
/// </summary>
internal sealed class SingletonRegistry
{
    private readonly WellKnownSymbols symbols;
    private readonly ConcurrentDictionary<ITypeSymbol, bool> types = new(SymbolEqualityComparer.Default);

    public SingletonRegistry(WellKnownSymbols symbols) => this.symbols = symbols;

    /// <summary>Registers <see cref="Record"/> for the calls that can register a singleton.</summary>
    public void RegisterWith(CompilationStartAnalysisContext start) =>
        start.RegisterInvocationAction(Record, ServiceRegistrations.SingletonMethodNames, configuredSingletonMethods: true);

    /// <summary>An invocation action: records the concrete type of a singleton registration.</summary>
    public void Record(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var options = symbols.GetOptions(context.Options, invocation.Syntax.SyntaxTree);
        if (ServiceRegistrations.TryRead(invocation, symbols, options) is { Lifetime: ServiceLifetime.Singleton, ConcreteType: { } type })
            types.TryAdd(type.OriginalDefinition, true);
    }

    /// <summary>True when <paramref name="type"/> is registered as a singleton (read it at compilation end).</summary>
    public bool Contains(ITypeSymbol type) => types.ContainsKey(type.OriginalDefinition);
}
