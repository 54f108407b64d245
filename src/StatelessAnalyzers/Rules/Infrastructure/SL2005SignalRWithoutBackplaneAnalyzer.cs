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
[DiagnosticAnalyzer(LanguageNames.CSharp)]
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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            var serverBuilder = symbols.Get("Microsoft.AspNetCore.SignalR.ISignalRServerBuilder");
            if (!symbols.IsWebOrWorker || serverBuilder is null)
                return;

            var registrations = new ConcurrentBag<(Location Location, string Name)>();
            var backplane = 0;
            start.RegisterOperationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    var method = invocation.TargetMethod;
                    var rules = symbols.GetContext(operationContext.Options, invocation.Syntax.SyntaxTree);
                    if (method.Name == "AddSignalR" && method.ReturnType.Is(serverBuilder))
                    {
                        if (rules.MayReportInfrastructure(invocation))
                            registrations.Add((SyntaxLocations.InvokedName(invocation.Syntax), method.Name));
                    }
                    else if (IsBackplane(method, serverBuilder) && !DevelopmentGuards.IsGuarded(invocation, rules.Options))
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

    private static bool IsBackplane(IMethodSymbol method, INamedTypeSymbol serverBuilder)
    {
        if (method.Name is "AddStackExchangeRedis" or "AddAzureSignalR")
            return true;
        var definition = method.ReducedFrom ?? method;
        if (!definition.IsExtensionMethod || definition.Parameters.Length == 0 || !definition.Parameters[0].Type.IsOrImplements(serverBuilder))
            return false;
        var assemblyName = method.ContainingAssembly?.Name ?? string.Empty;
        var typeName = method.ContainingType?.ToDisplayString() ?? string.Empty;
        foreach (var word in BackplanePackageWords)
        {
            if (assemblyName.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0
                || typeName.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                return true;
        }
        return false;
    }
}
