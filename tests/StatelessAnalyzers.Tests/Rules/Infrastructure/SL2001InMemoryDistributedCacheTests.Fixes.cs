using StatelessAnalyzers.CodeFixes.Rules.Infrastructure;
using StatelessAnalyzers.Tests.Stubs;
using StatelessAnalyzers.Tests.Verification;
using VerifyFix = StatelessAnalyzers.Tests.Verification.CSharpCodeFixVerifier<
    StatelessAnalyzers.Rules.Infrastructure.SL2001InMemoryDistributedCacheAnalyzer,
    StatelessAnalyzers.CodeFixes.Rules.Infrastructure.SL2001UseSharedCacheCodeFix>;

namespace StatelessAnalyzers.Tests.Rules.Infrastructure;

public sealed partial class SL2001InMemoryDistributedCacheTests
{
    private static Task VerifyFixAsync(string source, string fixedSource, params string[] stubs)
    {
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = SL2001UseSharedCacheCodeFix.EquivalenceKey,
        };
        foreach (var stub in stubs)
            test.AdditionalSources.Add(("Stub" + test.AdditionalSources.Count + ".cs", stub));
        foreach (var stub in stubs)
            test.FixedAdditionalSources.Add(("Stub" + test.FixedAdditionalSources.Count + ".cs", stub));
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_TopLevelProgramUsesBuilderConfiguration() => VerifyFixAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.[|AddDistributedMemoryCache|]();
        builder.Services.AddSession();
        builder.Build().Run();
        """, """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddStackExchangeRedisCache(options => options.Configuration = builder.Configuration.GetConnectionString("Redis"));
        builder.Services.AddSession();
        builder.Build().Run();
        """, CacheStubs.Redis);

    [Fact]
    public Task Fix_StartupUsesTheConfigurationProperty() => VerifyFixAsync("""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        namespace Shop
        {
            public sealed class Startup
            {
                public Startup(IConfiguration configuration) => Configuration = configuration;

                public IConfiguration Configuration { get; }

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRouting();
                    services.[|AddDistributedMemoryCache|]();
                }
            }
        }
        """, """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        namespace Shop
        {
            public sealed class Startup
            {
                public Startup(IConfiguration configuration) => Configuration = configuration;

                public IConfiguration Configuration { get; }

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRouting();
                    services.AddStackExchangeRedisCache(options => options.Configuration = Configuration.GetConnectionString("Redis"));
                }
            }
        }
        """, CacheStubs.Redis);

    [Fact]
    public Task Fix_ExtensionMethodUsesTheConfigurationParameterAndKeepsTheChain() => VerifyFixAsync("""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        namespace Shop;

        public static class CachingRegistration
        {
            public static IServiceCollection AddShopCaching(this IServiceCollection services, IConfiguration configuration) =>
                services.AddRouting().[|AddDistributedMemoryCache|]().AddSession();
        }
        """, """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        namespace Shop;

        public static class CachingRegistration
        {
            public static IServiceCollection AddShopCaching(this IServiceCollection services, IConfiguration configuration) =>
                services.AddRouting().AddStackExchangeRedisCache(options => options.Configuration = configuration.GetConnectionString("Redis")).AddSession();
        }
        """, CacheStubs.Redis);

    [Fact]
    public Task Fix_StaticCallFormBecomesAnExtensionCall() => VerifyFixAsync("""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        public static class CachingRegistration
        {
            public static void Add(IServiceCollection services, IConfigurationRoot config)
            {
                MemoryCacheServiceCollectionExtensions.[|AddDistributedMemoryCache|](services);
            }
        }
        """, """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        public static class CachingRegistration
        {
            public static void Add(IServiceCollection services, IConfigurationRoot config)
            {
                services.AddStackExchangeRedisCache(options => options.Configuration = config.GetConnectionString("Redis"));
            }
        }
        """, CacheStubs.Redis);

    [Fact]
    public Task Fix_SqlServerWhenOnlyItResolves() => VerifyFixAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.[|AddDistributedMemoryCache|]();
        builder.Build().Run();
        """, """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDistributedSqlServerCache(options =>
        {
            options.ConnectionString = builder.Configuration.GetConnectionString("DistributedCache");
            options.SchemaName = "dbo";
            options.TableName = "DistributedCache";
        });
        builder.Build().Run();
        """, CacheStubs.SqlServer);

    [Fact]
    public Task Fix_RedisIsPreferredOverSqlServer() => VerifyFixAsync("""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        public static class CachingRegistration
        {
            public static void Add(IServiceCollection services, IConfiguration configuration) => services.[|AddDistributedMemoryCache|]();
        }
        """, """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        public static class CachingRegistration
        {
            public static void Add(IServiceCollection services, IConfiguration configuration) => services.AddStackExchangeRedisCache(options => options.Configuration = configuration.GetConnectionString("Redis"));
        }
        """, CacheStubs.SqlServer, CacheStubs.Redis);

    [Fact]
    public Task FixAll_EveryCallInTheProject() => new VerifyFix.Test
    {
        TestCode = """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            public static class First
            {
                public static void Add(IServiceCollection services, IConfiguration configuration)
                {
                    services.[|AddDistributedMemoryCache|]();
                    services.[|AddDistributedMemoryCache|]();
                }
            }
            """,
        AdditionalSources =
        {
            ("Second.cs", """
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;

                public static class Second
                {
                    public static void Add(IServiceCollection services, IConfiguration settings) => services.[|AddDistributedMemoryCache|]();
                }
                """),
            ("Redis.cs", CacheStubs.Redis),
        },
        FixedCode = """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            public static class First
            {
                public static void Add(IServiceCollection services, IConfiguration configuration)
                {
                    services.AddStackExchangeRedisCache(options => options.Configuration = configuration.GetConnectionString("Redis"));
                    services.AddStackExchangeRedisCache(options => options.Configuration = configuration.GetConnectionString("Redis"));
                }
            }
            """,
        FixedAdditionalSources =
        {
            ("Second.cs", """
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;

                public static class Second
                {
                    public static void Add(IServiceCollection services, IConfiguration settings) => services.AddStackExchangeRedisCache(options => options.Configuration = settings.GetConnectionString("Redis"));
                }
                """),
            ("Redis.cs", CacheStubs.Redis),
        },
        CodeActionEquivalenceKey = SL2001UseSharedCacheCodeFix.EquivalenceKey,
    }.RunAsync();

    [Fact]
    public Task NoFix_WhenNoSharedCachePackageResolves()
    {
        const string source = """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            public static class CachingRegistration
            {
                public static void Add(IServiceCollection services, IConfiguration configuration) => services.[|AddDistributedMemoryCache|]();
            }
            """;
        return new VerifyFix.Test { TestCode = source, FixedCode = source }.RunAsync();
    }

    [Fact]
    public Task NoFix_WhenNoConfigurationIsInScope()
    {
        const string source = """
            using Microsoft.Extensions.DependencyInjection;

            public static class CachingRegistration
            {
                public static void Add(IServiceCollection services) => services.[|AddDistributedMemoryCache|]();
            }
            """;
        return new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = source,
            AdditionalSources = { ("Redis.cs", CacheStubs.Redis) },
        }.RunAsync();
    }

    [Fact]
    public Task NoFix_WhenTheMemoryCacheIsConfigured()
    {
        const string source = """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            public static class CachingRegistration
            {
                public static void Add(IServiceCollection services, IConfiguration configuration) =>
                    services.[|AddDistributedMemoryCache|](options => options.SizeLimit = 1024);
            }
            """;
        return new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = source,
            AdditionalSources = { ("Redis.cs", CacheStubs.Redis) },
        }.RunAsync();
    }
}
