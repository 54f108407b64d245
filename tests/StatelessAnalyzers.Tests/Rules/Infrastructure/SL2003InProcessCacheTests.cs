using StatelessAnalyzers.Tests.Stubs;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Infrastructure.SL2003InProcessCacheAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Infrastructure;

public sealed partial class SL2003InProcessCacheTests
{
    [Fact]
    public Task Reports_FieldOfController() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Memory;

        public sealed class PricesController : ControllerBase
        {
            private readonly IMemoryCache {|#0:_cache|};

            public PricesController(IMemoryCache cache) => _cache = cache;
        }
        """, Verify.Diagnostic().WithLocation(0).WithArguments("_cache", "PricesController"));

    [Fact]
    public Task Reports_PrimaryConstructorParameterAndProperty() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.Extensions.Caching.Memory;

        public sealed class StockController(IMemoryCache {|#0:cache|}) : ControllerBase
        {
            public object? Get(string sku) => cache.Get(sku);
        }

        public sealed class IndexModel : PageModel
        {
            public IMemoryCache? [|Cache|] { get; set; }
        }
        """, Verify.Diagnostic().WithLocation(0).WithArguments("cache", "StockController"));

    [Fact]
    public Task Reports_NewMemoryCacheAndRuntimeCachingDefault() => new Verify.Test
    {
        TestCode = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Caching.Memory;

            public sealed class LegacyController : ControllerBase
            {
                private static readonly System.Runtime.Caching.MemoryCache [|Shared|] = System.Runtime.Caching.MemoryCache.Default;

                public object? Get(string key)
                {
                    var local = [|new MemoryCache(new MemoryCacheOptions())|];
                    return local.Get(key) ?? [|System.Runtime.Caching.MemoryCache.Default|].Get(key);
                }
            }
            """,
        AdditionalSources = { ("RuntimeCaching.cs", CacheStubs.RuntimeCaching) },
    }.RunAsync();

    [Fact]
    public Task Reports_SingletonRegisteredInAnotherFile() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.Caching.Memory;

            public sealed class PriceService
            {
                private readonly IMemoryCache {|#0:cache|};
                public PriceService(IMemoryCache cache) => this.cache = cache;
            }

            public sealed class RatesService(IMemoryCache [|cache|])
            {
                public object? Get(string key) => cache.Get(key);
            }

            public sealed class HostedRefresher : Microsoft.Extensions.Hosting.BackgroundService
            {
                private readonly IMemoryCache [|cache|];
                public HostedRefresher(IMemoryCache cache) => this.cache = cache;
                protected override System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken token) => System.Threading.Tasks.Task.CompletedTask;
            }

            public sealed class ScopedService(IMemoryCache cache)
            {
                public object? Get(string key) => cache.Get(key);
            }
            """,
        AdditionalSources =
        {
            ("Program.cs", """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddSingleton<PriceService>();
                builder.Services.AddSingleton(typeof(RatesService));
                builder.Services.AddHostedService<HostedRefresher>();
                builder.Services.AddScoped<ScopedService>();
                builder.Build().Run();
                """),
        },
        ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("cache", "PriceService") },
    }.RunAsync();

    [Fact]
    public Task Options_SingletonRegistrationMethods() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.Caching.Memory;
            using Microsoft.Extensions.DependencyInjection;

            public sealed class PriceService(IMemoryCache [|cache|])
            {
                public object? Get(string key) => cache.Get(key);
            }

            public static class Registrations
            {
                public static IServiceCollection AddSingletonAs<T>(this IServiceCollection services) where T : class => services.AddTransient<T>();
                public static void Add(IServiceCollection services) => services.AddSingletonAs<PriceService>();
            }
            """,
        GlobalConfig = """
            is_global = true
            stateless_analyzers.singleton_registration_methods = AddSingletonAs
            """,
    }.RunAsync();

    [Fact]
    public Task Ignores_ScopedServicesMinimalApisAndLookAlikes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.Caching.Memory;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<CatalogService>();
        var app = builder.Build();
        app.MapGet("/", (IMemoryCache cache) => cache.Get("k"));
        app.Run();

        public sealed class CatalogService(IMemoryCache cache)
        {
            public object? Get(string key) => cache.Get(key);
        }

        public sealed class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
        {
            private readonly IDistributedCache cache;
            private readonly MemoryCacheOptions options = new();
            public OrdersController(IDistributedCache cache) => this.cache = cache;
        }
        """);

    [Fact]
    public Task Ignores_CachesCreatedInsideDevelopmentGuards() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Caching.Memory;
        using Microsoft.Extensions.Hosting;

        public sealed class DiagnosticsController(IWebHostEnvironment environment) : Microsoft.AspNetCore.Mvc.ControllerBase
        {
            public object? Get(string key)
            {
                if (environment.IsDevelopment())
                {
                    using var local = new MemoryCache(new MemoryCacheOptions());
                    return local.Get(key);
                }
                return [|new MemoryCache(new MemoryCacheOptions())|].Get(key);
            }
        }
        """);

    [Fact]
    public Task Ignores_TestProjects() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Caching.Memory;

        namespace Xunit { public sealed class FactAttribute : System.Attribute { } }

        public sealed class FakeController : Microsoft.AspNetCore.Mvc.ControllerBase
        {
            private readonly IMemoryCache cache = new MemoryCache(new MemoryCacheOptions());
        }
        """);

    [Fact]
    public Task Ignores_BrokenCode() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.Caching.Memory;

            public sealed class BrokenController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                private readonly Missing cache;
                private readonly IMemoryCache [|real|];
                public BrokenController(IMemoryCache real) { this.real = real
            }
            """,
        AllowCompilerErrors = true,
    }.RunAsync();
}
