using System.Linq;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Infrastructure;

/// <summary>SL2002: <c>AddSession</c> in a compilation that registers no shared <c>IDistributedCache</c>.</summary>
public sealed class SL2002SessionInProcessMemoryAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL2002SessionInProcessMemory);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            var sessionExtensions = symbols.Get("Microsoft.Extensions.DependencyInjection.SessionServiceCollectionExtensions");
            if (!symbols.IsWebOrWorker || sessionExtensions is null)
                return;

            var sessions = new ConcurrentBag<Location>();
            var sharedCacheRegistered = 0;

            start.RegisterInvocationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    var method = invocation.TargetMethod;
                    if (method.Name == "AddSession" && method.ContainingType.Is(sessionExtensions))
                    {
                        var rules = symbols.GetContext(operationContext.Options, invocation.Syntax.SyntaxTree);
                        if (rules.MayReportInfrastructure(invocation))
                            sessions.Add(SyntaxLocations.InvokedName(invocation.Syntax));
                    }
                    else if (IsSharedCacheRegistration(invocation, symbols, operationContext.Options))
                    {
                        System.Threading.Interlocked.Exchange(ref sharedCacheRegistered, 1);
                    }
                },
                SharedCacheCallNames,
                configuredSingletonMethods: true);

            start.RegisterCompilationEndAction(endContext =>
            {
                if (System.Threading.Volatile.Read(ref sharedCacheRegistered) != 0)
                    return;
                foreach (var location in sessions)
                    endContext.ReportDiagnostic(Diagnostic.Create(Descriptors.SL2002SessionInProcessMemory, location));
            });
        });
    }

    /// <summary>
    /// A shared cache: a cache package's registration, or an <c>IDistributedCache</c> registered with an implementation
    /// other than <c>MemoryDistributedCache</c> (an implementation that cannot be read counts as shared).
    /// </summary>
    private static readonly string[] SharedCacheCallNames = ServiceRegistrations.MethodNames.Concat(new[]
    {
        "AddSession", "AddStackExchangeRedisCache", "AddDistributedSqlServerCache", "AddCosmosCache", "AddDistributedPostgreSqlCache",
    }).ToArray();

    private static bool IsSharedCacheRegistration(IInvocationOperation invocation, WellKnownSymbols symbols, AnalyzerOptions options)
    {
        var method = invocation.TargetMethod;
        // Registrations of a shared IDistributedCache from the cache packages.
        if (method.Name is "AddStackExchangeRedisCache" or "AddDistributedSqlServerCache" or "AddCosmosCache" or "AddDistributedPostgreSqlCache")
            return true;
        if (symbols.IDistributedCache is null)
            return false;
        var registration = ServiceRegistrations.TryRead(
            invocation, symbols, symbols.GetOptions(options, invocation.Syntax.SyntaxTree));
        if (registration is null || !registration.ServiceType.Is(symbols.IDistributedCache))
            return false;
        return registration.ImplementationType is null
            || (!registration.ImplementationType.Is(symbols.MemoryDistributedCache) && !registration.ImplementationType.Is(symbols.IDistributedCache));
    }
}
