using StatelessAnalyzers.Tests.Stubs;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Infrastructure.SL2007PerInstanceOutputCacheOrRateLimiterAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Infrastructure;

public sealed class SL2007PerInstanceOutputCacheOrRateLimiterTests
{
    private const string OutputCache =
        "each replica caches responses on its own, so replicas serve different versions of a page and evicting a tag clears only one replica's entries";

    private const string ResponseCaching =
        "each replica caches responses on its own, so replicas serve different versions of a page until the entries expire";

    private const string RateLimiter =
        "each replica counts requests on its own, so with N replicas a client gets N times the configured limit";

    [Fact]
    public Task Reports_EachPerInstanceMiddleware() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.RateLimiting;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.RateLimiting;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.{|#0:AddOutputCache|}(options => options.AddBasePolicy(policy => policy.Expire(TimeSpan.FromMinutes(1))));
        builder.Services.{|#1:AddResponseCaching|}();
        builder.Services.{|#2:AddRateLimiter|}(options => options.AddFixedWindowLimiter("api", limiter =>
        {
            limiter.PermitLimit = 100;
            limiter.Window = TimeSpan.FromMinutes(1);
        }));
        var app = builder.Build();
        app.UseOutputCache();
        app.UseRateLimiter();
        app.Run();
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("AddOutputCache", OutputCache),
        Verify.Diagnostic().WithLocation(1).WithArguments("AddResponseCaching", ResponseCaching),
        Verify.Diagnostic().WithLocation(2).WithArguments("AddRateLimiter", RateLimiter));

    [Fact]
    public Task Reports_OutputCacheOnceOnTheFirstRegistration() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            public static class Caching
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddOutputCache();
                    OutputCacheServiceCollectionExtensions.AddOutputCache(services);
                }
            }
            """,
        AdditionalSources =
        {
            ("A.cs", """
                using Microsoft.Extensions.DependencyInjection;

                public static class Pages
                {
                    public static void Add(IServiceCollection services) => services.{|#0:AddOutputCache|}();
                }
                """),
        },
        ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("AddOutputCache", OutputCache) },
    }.RunAsync();

    [Theory]
    [InlineData("services.AddStackExchangeRedisOutputCache(o => o.Configuration = \"redis:6379\");")]
    [InlineData("services.AddSingleton<IOutputCacheStore, SharedStore>();")]
    [InlineData("services.AddSingleton<IOutputCacheStore>(new SharedStore());")]
    public Task Ignores_OutputCacheWithADistributedStore(string registration) => new Verify.Test
    {
        TestCode = $$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.OutputCaching;
            using Microsoft.Extensions.DependencyInjection;

            public static class Caching
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddOutputCache();
                    {{registration}}
                }
            }

            public sealed class SharedStore : IOutputCacheStore
            {
                public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => default;
                public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => default;
                public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => default;
            }
            """,
        AdditionalSources = { ("Redis.cs", InfrastructureStubs.RedisOutputCache) },
    }.RunAsync();

    [Fact]
    public Task Reports_OutputCacheWhenTheStoreIsRegisteredOnlyInDevelopment() => new Verify.Test
    {
        TestCode = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#0:AddOutputCache|}();
            if (builder.Environment.IsDevelopment())
                builder.Services.AddStackExchangeRedisOutputCache(o => o.Configuration = "localhost");
            builder.Build().Run();
            """,
        AdditionalSources = { ("Redis.cs", InfrastructureStubs.RedisOutputCache) },
        ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("AddOutputCache", OutputCache) },
    }.RunAsync();

    [Fact]
    public Task Ignores_DevelopmentGuardsAndLookAlikes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddMemoryCache();
        builder.Services.AddResponseCompression();
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddOutputCache();
            builder.Services.AddRateLimiter(_ => { });
            builder.Services.AddResponseCaching();
        }
        var app = builder.Build();
        app.UseOutputCache();
        app.UseRateLimiter();
        app.Run();
        """);

    [Fact]
    public Task Ignores_TestProjects() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        namespace Microsoft.VisualStudio.TestTools.UnitTesting { public sealed class TestMethodAttribute : System.Attribute { } }

        public static class Fixture
        {
            public static void Configure(IServiceCollection services)
            {
                services.AddOutputCache();
                services.AddRateLimiter(_ => { });
            }
        }
        """);

    [Fact]
    public Task Ignores_BrokenCode() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            public static class Caching
            {
                public static void Add(IServiceCollection services)
                {
                    services.[|AddResponseCaching|]();
                    services.AddSingleton<Missing, Other>();
                    services.AddRateLimiter(
                }
            }
            """,
        AllowCompilerErrors = true,
    }.RunAsync();
}
