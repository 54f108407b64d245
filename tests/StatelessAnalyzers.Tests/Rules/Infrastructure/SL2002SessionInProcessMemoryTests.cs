using StatelessAnalyzers.Tests.Stubs;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Infrastructure.SL2002SessionInProcessMemoryAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Infrastructure;

public sealed class SL2002SessionInProcessMemoryTests
{
    [Fact]
    public Task Reports_SessionWithTheMemoryCache() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDistributedMemoryCache();
        builder.Services.{|#0:AddSession|}(options => options.Cookie.HttpOnly = true);
        var app = builder.Build();
        app.UseSession();
        app.Run();
        """, Verify.Diagnostic().WithLocation(0));

    [Fact]
    public Task Reports_SessionWithNoCacheAtAllAndEveryForm() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.DependencyInjection;

        public sealed class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.[|AddSession|]();
                SessionServiceCollectionExtensions.[|AddSession|](services);
                services.AddSingleton<IDistributedCache, MemoryDistributedCache>();
                services.AddSingleton(typeof(IDistributedCache), typeof(MemoryDistributedCache));
                services.AddRouting().[|AddSession|]();
            }
        }
        """);

    [Theory]
    [InlineData("services.AddStackExchangeRedisCache(o => o.Configuration = \"redis:6379\");")]
    [InlineData("services.AddDistributedSqlServerCache(o => o.ConnectionString = \"Server=db\");")]
    [InlineData("services.AddCosmosCache(o => o.ContainerName = \"cache\");")]
    [InlineData("services.AddSingleton<IDistributedCache, SharedCache>();")]
    [InlineData("services.AddSingleton(typeof(IDistributedCache), typeof(SharedCache));")]
    [InlineData("services.AddSingleton<IDistributedCache>(sp => new SharedCache());")]
    [InlineData("services.AddSingleton<IDistributedCache>(new SharedCache());")]
    public Task Ignores_WhenASharedCacheIsRegisteredAnywhere(string registration) => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            public static class Sessions
            {
                public static void Add(IServiceCollection services) => services.AddSession();
            }
            """,
        AdditionalSources =
        {
            ("Redis.cs", CacheStubs.Redis),
            ("SqlServer.cs", CacheStubs.SqlServer),
            ("Cosmos.cs", CacheStubs.Cosmos),
            ("Caching.cs", $$"""
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Caching.Distributed;
                using Microsoft.Extensions.DependencyInjection;

                public sealed class SharedCache : IDistributedCache
                {
                    public byte[]? Get(string key) => null;
                    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult<byte[]?>(null);
                    public void Refresh(string key) { }
                    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;
                    public void Remove(string key) { }
                    public Task RemoveAsync(string key, CancellationToken token = default) => Task.CompletedTask;
                    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) { }
                    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => Task.CompletedTask;
                }

                public static class Caching
                {
                    public static void Add(IServiceCollection services) { {{registration}} }
                }
                """),
        },
    }.RunAsync();

    [Fact]
    public Task Ignores_DevelopmentGuardsAndTestProjects() => new Verify.Test
    {
        TestCode = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
                builder.Services.AddSession();
            builder.Build().Run();
            """,
    }.RunAsync();

    [Fact]
    public Task Ignores_TestProjects() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.DependencyInjection;

        namespace NUnit.Framework { public sealed class TestAttribute : System.Attribute { } }

        public static class Fixture
        {
            public static void Configure(IServiceCollection services) => services.AddSession();
        }
        """);

    [Fact]
    public Task Ignores_BrokenCode() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            public static class Sessions
            {
                public static void Add(IServiceCollection services)
                {
                    services.[|AddSession|]();
                    services.AddSingleton<Missing, Other>();
                    services.[|AddSession|](
                }
            }
            """,
        AllowCompilerErrors = true,
    }.RunAsync();
}
