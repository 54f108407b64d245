namespace StatelessAnalyzers.Tests.Stubs;

/// <summary>Minimal declarations of the SignalR scale-out packages with their real namespaces and signatures.</summary>
internal static class SignalRStubs
{
    /// <summary>Microsoft.AspNetCore.SignalR.StackExchangeRedis: <c>AddStackExchangeRedis</c>.</summary>
    public const string Redis = """
        namespace Microsoft.AspNetCore.SignalR.StackExchangeRedis
        {
            public class RedisOptions { }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class StackExchangeRedisDependencyInjectionExtensions
            {
                public static Microsoft.AspNetCore.SignalR.ISignalRServerBuilder AddStackExchangeRedis(this Microsoft.AspNetCore.SignalR.ISignalRServerBuilder signalrBuilder) => signalrBuilder;
                public static Microsoft.AspNetCore.SignalR.ISignalRServerBuilder AddStackExchangeRedis(this Microsoft.AspNetCore.SignalR.ISignalRServerBuilder signalrBuilder, string redisConnectionString) => signalrBuilder;
                public static Microsoft.AspNetCore.SignalR.ISignalRServerBuilder AddStackExchangeRedis(this Microsoft.AspNetCore.SignalR.ISignalRServerBuilder signalrBuilder, System.Action<Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions> configure) => signalrBuilder;
            }
        }
        """;

    /// <summary>Microsoft.Azure.SignalR: <c>AddAzureSignalR</c>.</summary>
    public const string Azure = """
        namespace Microsoft.Azure.SignalR
        {
            public class ServiceOptions { public string? ConnectionString { get; set; } }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class AzureSignalRDependencyInjectionExtensions
            {
                public static Microsoft.AspNetCore.SignalR.ISignalRServerBuilder AddAzureSignalR(this Microsoft.AspNetCore.SignalR.ISignalRServerBuilder builder) => builder;
                public static Microsoft.AspNetCore.SignalR.ISignalRServerBuilder AddAzureSignalR(this Microsoft.AspNetCore.SignalR.ISignalRServerBuilder builder, string connectionString) => builder;
                public static Microsoft.AspNetCore.SignalR.ISignalRServerBuilder AddAzureSignalR(this Microsoft.AspNetCore.SignalR.ISignalRServerBuilder builder, System.Action<Microsoft.Azure.SignalR.ServiceOptions> configure) => builder;
            }
        }
        """;

    /// <summary>SignalR.Orleans: <c>AddOrleans</c>, a backplane from a package whose name contains "Orleans".</summary>
    public const string Orleans = """
        namespace SignalR.Orleans
        {
            public static class OrleansServerBuilderExtensions
            {
                public static Microsoft.AspNetCore.SignalR.ISignalRServerBuilder AddOrleans(this Microsoft.AspNetCore.SignalR.ISignalRServerBuilder builder) => builder;
            }
        }
        """;
}
