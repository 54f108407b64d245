namespace StatelessAnalyzers.Tests.Stubs;

/// <summary>Minimal declarations of cache packages that are not available here, with their real namespaces and signatures.</summary>
internal static class CacheStubs
{
    /// <summary>Microsoft.Extensions.Caching.StackExchangeRedis: <c>AddStackExchangeRedisCache</c>.</summary>
    public const string Redis = """
        namespace Microsoft.Extensions.Caching.StackExchangeRedis
        {
            public class RedisCacheOptions
            {
                public string? Configuration { get; set; }
                public string? InstanceName { get; set; }
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class StackExchangeRedisCacheServiceCollectionExtensions
            {
                public static IServiceCollection AddStackExchangeRedisCache(
                    this IServiceCollection services,
                    System.Action<Microsoft.Extensions.Caching.StackExchangeRedis.RedisCacheOptions> setupAction) => services;
            }
        }
        """;

    /// <summary>Microsoft.Extensions.Caching.SqlServer: <c>AddDistributedSqlServerCache</c>.</summary>
    public const string SqlServer = """
        namespace Microsoft.Extensions.Caching.SqlServer
        {
            public class SqlServerCacheOptions
            {
                public string? ConnectionString { get; set; }
                public string? SchemaName { get; set; }
                public string? TableName { get; set; }
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class SqlServerCachingServicesExtensions
            {
                public static IServiceCollection AddDistributedSqlServerCache(
                    this IServiceCollection services,
                    System.Action<Microsoft.Extensions.Caching.SqlServer.SqlServerCacheOptions> setupAction) => services;
            }
        }
        """;

    /// <summary>Microsoft.Extensions.Caching.Cosmos: <c>AddCosmosCache</c>.</summary>
    public const string Cosmos = """
        namespace Microsoft.Extensions.Caching.Cosmos
        {
            public class CosmosCacheOptions { public string? ContainerName { get; set; } }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class CosmosCacheServiceCollectionExtensions
            {
                public static IServiceCollection AddCosmosCache(
                    this IServiceCollection services,
                    System.Action<Microsoft.Extensions.Caching.Cosmos.CosmosCacheOptions> setupAction) => services;
            }
        }
        """;

    /// <summary>System.Runtime.Caching: the <c>MemoryCache</c> of .NET Framework heritage.</summary>
    public const string RuntimeCaching = """
        namespace System.Runtime.Caching
        {
            public abstract class ObjectCache
            {
                public abstract object? Get(string key, string? regionName = null);
            }

            public class MemoryCache : ObjectCache
            {
                public MemoryCache(string name, System.Collections.Specialized.NameValueCollection? config = null) { }
                public static MemoryCache Default { get; } = new MemoryCache("Default");
                public override object? Get(string key, string? regionName = null) => null;
            }
        }
        """;
}
