using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Infrastructure;

/// <summary>
/// SL2005: <c>AddSignalR()</c> in a compilation that adds no scale-out backplane (<c>AddStackExchangeRedis</c>,
/// <c>AddAzureSignalR</c>, or an <c>ISignalRServerBuilder</c> extension from a Redis, Azure, Orleans or backplane package).
/// </summary>
public sealed class SL2005SignalRWithoutBackplaneAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] BackplanePackageWords = { "Redis", "Azure", "Orleans", "Backplane" };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL2005SignalRWithoutBackplane);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            var serverBuilder = symbols.Get("Microsoft.AspNetCore.SignalR.ISignalRServerBuilder");
            if (!symbols.IsWebOrWorker || serverBuilder is null)
                return;

            var registrations = new ConcurrentBag<(Location Location, string Name)>();
            var backplane = 0;
            var calls = new BackplaneCalls(serverBuilder);
            start.RegisterInvocationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    var method = invocation.TargetMethod;
                    if (method.Name == "AddSignalR" && method.ReturnType.Is(serverBuilder)
                        && symbols.GetContext(operationContext.Options, invocation.Syntax.SyntaxTree).MayReportInfrastructure(invocation))
                        registrations.Add((SyntaxLocations.InvokedName(invocation.Syntax), method.Name));
                },
                new[] { "AddSignalR" });
            start.RegisterOperationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    if (calls.IsBackplane(invocation)
                        && !DevelopmentGuards.IsGuarded(invocation, symbols.GetOptions(operationContext.Options, invocation.Syntax.SyntaxTree)))
                    {
                        // Anywhere in the compilation: the chain, a variable holding the builder, a helper method.
                        Interlocked.Exchange(ref backplane, 1);
                    }
                },
                OperationKind.Invocation);

            start.RegisterCompilationEndAction(endContext =>
            {
                if (Volatile.Read(ref backplane) != 0)
                    return;
                if (FirstRegistration.Of(registrations) is { } first)
                    endContext.ReportDiagnostic(Diagnostic.Create(Descriptors.SL2005SignalRWithoutBackplane, first.Location, first.Name));
            });
        });
    }

    /// <summary>Recognises the calls that add a backplane, with the answers kept per extension class and method.</summary>
    private sealed class BackplaneCalls
    {
        private readonly INamedTypeSymbol serverBuilder;

        // Whether a class declaring extension methods comes from a backplane package: asked for every extension method
        // call of the compilation. The classes are a few hundred (LINQ's, logging's, registration's...), so this
        // table stays in the processor's cache and answers most calls.
        private readonly IdentityMap<ISymbol, bool> backplaneClasses = new(capacity: 256);

        // Whether an extension method of such a class (by original definition) extends the SignalR server builder.
        private readonly IdentityMap<ISymbol, bool> backplaneMethods = new(capacity: 64);

        public BackplaneCalls(INamedTypeSymbol serverBuilder) => this.serverBuilder = serverBuilder;

        public bool IsBackplane(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name is "AddStackExchangeRedis" or "AddAzureSignalR")
                return true;
            // A call with a receiver is not an extension method call (those pass the receiver as the first argument).
            if (invocation.Instance is not null)
                return false;
            var definition = method.ReducedFrom ?? method;
            if (!definition.IsExtensionMethod || definition.ContainingType is not { } container)
                return false;
            if (!backplaneClasses.TryGetValue(container, out var fromBackplanePackage))
                fromBackplanePackage = backplaneClasses.GetOrAdd(container, ComesFromBackplanePackage(container));
            if (!fromBackplanePackage)
                return false;

            // Answered once per extension method: its receiver's type is the same at every call. Only a receiver of a
            // type parameter (this T builder) depends on the call, and is read from the call.
            var extension = definition.OriginalDefinition;
            if (backplaneMethods.TryGetValue(extension, out var result))
                return result;
            var extended = extension.ExtensionReceiverType();
            if (extended is null)
                return backplaneMethods.GetOrAdd(extension, false);
            if (extended.TypeKind == TypeKind.TypeParameter)
            {
                var arguments = invocation.Arguments;
                return arguments.Length > 0 && arguments[0].Parameter is { Ordinal: 0 } receiver
                    && receiver.Type.IsOrImplements(serverBuilder);
            }
            return backplaneMethods.GetOrAdd(extension, extended.IsOrImplements(serverBuilder));
        }
    }

    /// <summary>
    /// A class from an assembly, or with a name (its own, a containing type's or a namespace's), that says backplane
    /// (Redis, Azure, Orleans...). The names are read one by one: no display string is built.
    /// </summary>
    private static bool ComesFromBackplanePackage(INamedTypeSymbol container)
    {
        if (SaysBackplane(container.ContainingAssembly?.Name))
            return true;
        for (ISymbol? current = container; current is not null; current = current.ContainingSymbol)
        {
            if (current is INamespaceSymbol { IsGlobalNamespace: true })
                break;
            if (SaysBackplane(current.Name))
                return true;
        }
        return false;
    }

    private static bool SaysBackplane(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return false;
        foreach (var word in BackplanePackageWords)
        {
            if (name!.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                return true;
        }
        return false;
    }
}
