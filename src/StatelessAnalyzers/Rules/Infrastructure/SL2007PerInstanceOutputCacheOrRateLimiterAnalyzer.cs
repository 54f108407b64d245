using System.Linq;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Infrastructure;

/// <summary>
/// SL2007: middleware that keeps its state per instance: <c>AddOutputCache</c> with no distributed store registered
/// (reported once, on the first call), <c>AddResponseCaching</c> and <c>AddRateLimiter</c>.
/// </summary>
public sealed class SL2007PerInstanceOutputCacheOrRateLimiterAnalyzer : DiagnosticAnalyzer
{
    private const string OutputCacheEffect =
        "each replica caches responses on its own, so replicas serve different versions of a page and evicting a tag clears only one replica's entries";

    private const string ResponseCachingEffect =
        "each replica caches responses on its own, so replicas serve different versions of a page until the entries expire";

    private const string RateLimiterEffect =
        "each replica counts requests on its own, so with N replicas a client gets N times the configured limit";

    // The calls the rule looks at: the registrations it reports, those of a shared store, and any registration (a
    // hand-registered IOutputCacheStore).
    private static readonly string[] CallNames = ServiceRegistrations.MethodNames.Concat(new[]
    {
        "AddOutputCache", "AddStackExchangeRedisOutputCache", "AddRedisOutputCache", "AddResponseCaching", "AddRateLimiter",
    }).ToArray();

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.SL2007PerInstanceOutputCacheOrRateLimiter, Descriptors.SL2007PerInstanceOutputCacheOrRateLimiterCompilationEnd);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            var outputCache = symbols.Get("Microsoft.Extensions.DependencyInjection.OutputCacheServiceCollectionExtensions");
            var responseCaching = symbols.Get("Microsoft.Extensions.DependencyInjection.ResponseCachingServicesExtensions");
            var rateLimiter = symbols.Get("Microsoft.AspNetCore.Builder.RateLimiterServiceCollectionExtensions");
            var outputCacheStore = symbols.Get("Microsoft.AspNetCore.OutputCaching.IOutputCacheStore");
            if (!symbols.IsWebOrWorker || (outputCache is null && responseCaching is null && rateLimiter is null))
                return;

            var outputCaches = new ConcurrentBag<(Location Location, string Name)>();
            var sharedStore = 0;
            start.RegisterInvocationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    var method = invocation.TargetMethod;
                    var options = symbols.GetOptions(operationContext.Options, invocation.Syntax.SyntaxTree);
                    string? effect = null;
                    switch (method.Name)
                    {
                        case "AddOutputCache" when method.ContainingType.Is(outputCache):
                            if (symbols.GetContext(options).MayReportInfrastructure(invocation))
                                outputCaches.Add((SyntaxLocations.InvokedName(invocation.Syntax), method.Name));
                            return;
                        case "AddStackExchangeRedisOutputCache" or "AddRedisOutputCache":
                            if (!DevelopmentGuards.IsGuarded(invocation, options))
                                Interlocked.Exchange(ref sharedStore, 1);
                            return;
                        case "AddResponseCaching" when method.ContainingType.Is(responseCaching):
                            effect = ResponseCachingEffect;
                            break;
                        case "AddRateLimiter" when method.ContainingType.Is(rateLimiter):
                            effect = RateLimiterEffect;
                            break;
                        default:
                            // A hand-registered IOutputCacheStore is a store the team chose: shared as far as the rule can tell.
                            if (outputCacheStore is not null
                                && ServiceRegistrations.TryRead(invocation, symbols, options) is { ServiceType: { } service }
                                && service.Is(outputCacheStore)
                                && !DevelopmentGuards.IsGuarded(invocation, options))
                                Interlocked.Exchange(ref sharedStore, 1);
                            return;
                    }
                    if (symbols.GetContext(options).MayReportInfrastructure(invocation))
                    {
                        operationContext.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.SL2007PerInstanceOutputCacheOrRateLimiter, SyntaxLocations.InvokedName(invocation.Syntax), method.Name, effect));
                    }
                },
                CallNames,
                configuredSingletonMethods: true);

            start.RegisterCompilationEndAction(endContext =>
            {
                if (Volatile.Read(ref sharedStore) != 0)
                    return;
                if (FirstRegistration.Of(outputCaches) is { } first)
                {
                    endContext.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL2007PerInstanceOutputCacheOrRateLimiterCompilationEnd, first.Location, first.Name, OutputCacheEffect));
                }
            });
        });
    }
}
