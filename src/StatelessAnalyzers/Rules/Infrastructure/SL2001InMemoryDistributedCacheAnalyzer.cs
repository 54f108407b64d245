using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Infrastructure;

/// <summary>SL2001: <c>AddDistributedMemoryCache</c> registers an <c>IDistributedCache</c> that lives in process memory.</summary>
public sealed class SL2001InMemoryDistributedCacheAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The metadata name of the Redis cache registration (package Microsoft.Extensions.Caching.StackExchangeRedis).</summary>
    internal const string RedisExtensions = "Microsoft.Extensions.DependencyInjection.StackExchangeRedisCacheServiceCollectionExtensions";

    /// <summary>The metadata name of the SQL Server cache registration (package Microsoft.Extensions.Caching.SqlServer).</summary>
    internal const string SqlServerExtensions = "Microsoft.Extensions.DependencyInjection.SqlServerCachingServicesExtensions";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL2001InMemoryDistributedCache);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            var memoryCacheExtensions = symbols.Get("Microsoft.Extensions.DependencyInjection.MemoryCacheServiceCollectionExtensions");
            if (!symbols.IsWebOrWorker || memoryCacheExtensions is null)
                return;

            // The message says what to do: the shared cache this compilation can already register, or the packages.
            // Worked out for the first finding only.
            string? advice = null;

            start.RegisterInvocationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    if (invocation.TargetMethod.Name != "AddDistributedMemoryCache"
                        || !invocation.TargetMethod.ContainingType.Is(memoryCacheExtensions))
                        return;
                    var rules = symbols.GetContext(operationContext.Options, invocation.Syntax.SyntaxTree);
                    if (!rules.MayReportInfrastructure(invocation))
                        return;
                    advice ??= Advice(symbols);
                    operationContext.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL2001InMemoryDistributedCache, SyntaxLocations.InvokedName(invocation.Syntax), advice));
                },
                new[] { "AddDistributedMemoryCache" });
        });
    }

    private static string Advice(WellKnownSymbols symbols) =>
        symbols.Get(RedisExtensions) is not null
            ? "register a shared cache with AddStackExchangeRedisCache"
            : symbols.Get(SqlServerExtensions) is not null
                ? "register a shared cache with AddDistributedSqlServerCache"
                : "register a shared cache from Microsoft.Extensions.Caching.StackExchangeRedis, Microsoft.Extensions.Caching.SqlServer or Microsoft.Extensions.Caching.Cosmos";
}
