using StatelessAnalyzers.Tests.Stubs;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Infrastructure.SL2005SignalRWithoutBackplaneAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Infrastructure;

public sealed class SL2005SignalRWithoutBackplaneTests
{
    [Fact]
    public Task Reports_SignalRWithoutBackplane() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.{|#0:AddSignalR|}(options => options.EnableDetailedErrors = false);
        var app = builder.Build();
        app.MapHub<ChatHub>("/chat");
        app.Run();

        public sealed class ChatHub : Hub { }
        """, Verify.Diagnostic().WithLocation(0).WithArguments("AddSignalR"));

    [Fact]
    public Task Reports_OnceOnTheFirstOfSeveralRegistrations() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            public static class Realtime
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddSignalR().AddJsonProtocol();
                    services.AddSignalR(o => o.MaximumReceiveMessageSize = 64 * 1024);
                }
            }
            """,
        AdditionalSources =
        {
            ("A.cs", """
                using Microsoft.Extensions.DependencyInjection;

                public static class Notifications
                {
                    public static void Add(IServiceCollection services) => services.{|#0:AddSignalR|}();
                }
                """),
        },
        ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("AddSignalR") },
    }.RunAsync();

    [Fact]
    public Task Reports_WhenTheBackplaneIsAddedOnlyInDevelopment() => new Verify.Test
    {
        TestCode = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            var signalR = builder.Services.{|#0:AddSignalR|}();
            if (builder.Environment.IsDevelopment())
                signalR.AddStackExchangeRedis("localhost:6379");
            builder.Build().Run();
            """,
        AdditionalSources = { ("Redis.cs", SignalRStubs.Redis) },
        ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("AddSignalR") },
    }.RunAsync();

    // A backplane added in another method, through the builder the app registered. Only the case that calls it has it:
    // a backplane call anywhere in the compilation counts, so it would satisfy every other case.
    private const string RealtimeSetup = """
        public static class RealtimeSetup
        {
            public static void Add(IServiceCollection services) => services.AddSignalRCore().AddAzureSignalRStub();

            public static ISignalRServerBuilder AddAzureSignalRStub(this ISignalRServerBuilder builder) => builder.AddAzureSignalR("Endpoint=https://x");
        }
        """;

    [Theory]
    [InlineData("builder.Services.AddSignalR().AddStackExchangeRedis(\"redis:6379\");")]
    [InlineData("builder.Services.AddSignalR().AddStackExchangeRedis(o => { });")]
    [InlineData("builder.Services.AddSignalR().AddAzureSignalR();")]
    [InlineData("builder.Services.AddSignalR().AddAzureSignalR(o => o.ConnectionString = \"Endpoint=https://x\");")]
    [InlineData("builder.Services.AddSignalR().AddOrleans();")]
    [InlineData("builder.Services.AddSignalR().AddMessagePackProtocolStub().AddStackExchangeRedis();")]
    [InlineData("var signalR = builder.Services.AddSignalR(); signalR.AddJsonProtocol(); signalR.AddStackExchangeRedis();")]
    [InlineData("builder.Services.AddSignalR(); RealtimeSetup.Add(builder.Services);")]
    [InlineData("builder.Services.AddSignalR().UseRedisBackplane();")]
    [InlineData("builder.Services.AddSignalR().AddSharedBus();")]
    public Task Ignores_WhenABackplaneIsAdded(string code) => new Verify.Test
    {
        TestCode = $$"""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.SignalR;
            using Microsoft.Extensions.DependencyInjection;
            using SignalR.Orleans;
            using Contoso.Backplane;

            var builder = WebApplication.CreateBuilder(args);
            {{code}}
            builder.Build().Run();

            public static class ProtocolSetup
            {
                public static ISignalRServerBuilder AddMessagePackProtocolStub(this ISignalRServerBuilder builder) => builder;
            }
            {{(code.Contains("RealtimeSetup", StringComparison.Ordinal) ? RealtimeSetup : string.Empty)}}

            public static class RedisBackplaneSetup
            {
                // Generic over its receiver: whether the receiver is the SignalR builder depends on the call.
                public static T UseRedisBackplane<T>(this T builder) => builder;
            }

            namespace Contoso.Backplane
            {
                // Only the namespace names the backplane.
                public static class BusExtensions
                {
                    public static ISignalRServerBuilder AddSharedBus(this ISignalRServerBuilder builder) => builder;
                }
            }
            """,
        AdditionalSources =
        {
            ("Redis.cs", SignalRStubs.Redis),
            ("Azure.cs", SignalRStubs.Azure),
            ("Orleans.cs", SignalRStubs.Orleans),
        },
    }.RunAsync();

    [Fact]
    public Task Ignores_DevelopmentGuardsAndProjectsWithoutSignalR() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddSignalR();
        }
        builder.Build().Run();
        """);

    [Fact]
    public Task Ignores_TestProjects() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.DependencyInjection;

        namespace NUnit.Framework { public sealed class TestAttribute : System.Attribute { } }

        public static class Fixture
        {
            public static void Configure(IServiceCollection services) => services.AddSignalR();
        }
        """);

    [Fact]
    public Task Ignores_BrokenCode() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            public static class Realtime
            {
                public static void Add(IServiceCollection services)
                {
                    services.[|AddSignalR|]().AddUnknownBackplane(;
                    services.AddSignalR(
                }
            }
            """,
        AllowCompilerErrors = true,
    }.RunAsync();
}
