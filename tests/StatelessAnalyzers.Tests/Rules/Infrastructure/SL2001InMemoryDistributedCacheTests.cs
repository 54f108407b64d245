using StatelessAnalyzers.Tests.Stubs;
using StatelessAnalyzers.Tests.Verification;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Infrastructure.SL2001InMemoryDistributedCacheAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Infrastructure;

public sealed partial class SL2001InMemoryDistributedCacheTests
{
    private const string PackagesAdvice =
        "register a shared cache from Microsoft.Extensions.Caching.StackExchangeRedis, Microsoft.Extensions.Caching.SqlServer or Microsoft.Extensions.Caching.Cosmos";

    [Fact]
    public Task Reports_TopLevelProgramNamingThePackages() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.{|#0:AddDistributedMemoryCache|}();
        builder.Build().Run();
        """, Verify.Diagnostic().WithLocation(0).WithArguments(PackagesAdvice));

    [Fact]
    public Task Reports_NamingTheRedisRegistrationWhenItResolves() => new Verify.Test
    {
        TestCode = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#0:AddDistributedMemoryCache|}();
            builder.Build().Run();
            """,
        AdditionalSources = { ("Redis.cs", CacheStubs.Redis) },
        ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("register a shared cache with AddStackExchangeRedisCache") },
    }.RunAsync();

    [Fact]
    public Task Reports_NamingTheSqlServerRegistrationWhenOnlyItResolves() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            public static class Registration
            {
                public static void Add(IServiceCollection services) => services.{|#0:AddDistributedMemoryCache|}();
            }
            """,
        AdditionalSources = { ("SqlServer.cs", CacheStubs.SqlServer) },
        ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("register a shared cache with AddDistributedSqlServerCache") },
    }.RunAsync();

    [Fact]
    public Task Reports_EveryRegistrationForm() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.DependencyInjection;

        public sealed class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.[|AddDistributedMemoryCache|]();
                MemoryCacheServiceCollectionExtensions.[|AddDistributedMemoryCache|](services);
                services.AddRouting().[|AddDistributedMemoryCache|](options => options.SizeLimit = 1024).AddSession();
            }
        }

        public static class ShopServiceCollectionExtensions
        {
            // A team's own extension method that wraps the registration.
            public static IServiceCollection AddShopCaching(this IServiceCollection services) =>
                services.[|AddDistributedMemoryCache|]();
        }
        """);

    [Fact]
    public Task Reports_HostApplicationBuilder() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.[|AddDistributedMemoryCache|]();
            builder.Build().Run();
            """,
    }.RunAsync();

    [Fact]
    public Task Ignores_DevelopmentGuards() => new Verify.Test
    {
        TestCode = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddDistributedMemoryCache();
            }
            else
            {
                builder.Services.[|AddDistributedMemoryCache|]();
            }
            #if DEBUG
            builder.Services.AddDistributedMemoryCache();
            #endif
            builder.Build().Run();
            """,
        PreprocessorSymbols = { "DEBUG" },
    }.RunAsync();

    [Fact]
    public Task Options_DevelopmentGuardsFalseReportsInsideThem() => new Verify.Test
    {
        TestCode = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
                builder.Services.[|AddDistributedMemoryCache|]();
            builder.Build().Run();
            """,
        GlobalConfig = """
            is_global = true
            stateless_analyzers.development_guards = false
            """,
    }.RunAsync();

    [Fact]
    public Task Ignores_TestProjects() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.DependencyInjection;

        namespace Xunit { public sealed class FactAttribute : System.Attribute { } }

        public static class Fixture
        {
            public static void Configure(IServiceCollection services) => services.AddDistributedMemoryCache();
        }
        """);

    [Fact]
    public Task Ignores_LookAlikes() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.DependencyInjection;

        public static class Registration
        {
            public static void Add(IServiceCollection services)
            {
                services.AddMemoryCache();
                services.AddDistributedMemoryCache2();
            }

            private static IServiceCollection AddDistributedMemoryCache2(this IServiceCollection services) => services;
        }

        public sealed class Other
        {
            public void AddDistributedMemoryCache() { }
            public void Use() => AddDistributedMemoryCache();
        }
        """);

    [Fact]
    public Task Ignores_BrokenCode() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            public static class Registration
            {
                public static void Add(IServiceCollection services)
                {
                    services.[|AddDistributedMemoryCache|]();
                    services.AddDistributedMemoryCache(
                    missing.AddDistributedMemoryCache();
                }
            }
            """,
        AllowCompilerErrors = true,
    }.RunAsync();
}
