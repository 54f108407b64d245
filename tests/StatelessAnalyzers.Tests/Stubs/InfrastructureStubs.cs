namespace StatelessAnalyzers.Tests.Stubs;

/// <summary>Minimal declarations of Data Protection key stores and the Redis output cache, with their real namespaces and signatures.</summary>
internal static class InfrastructureStubs
{
    /// <summary>Microsoft.AspNetCore.DataProtection.StackExchangeRedis, .EntityFrameworkCore and Azure.Extensions.AspNetCore.DataProtection.Blobs.</summary>
    public const string DataProtectionStores = """
        namespace Microsoft.AspNetCore.DataProtection
        {
            public static class StackExchangeRedisDataProtectionBuilderExtensions
            {
                public static IDataProtectionBuilder PersistKeysToStackExchangeRedis(this IDataProtectionBuilder builder, System.Func<object> databaseFactory, string key) => builder;
            }

            public static class EntityFrameworkCoreDataProtectionExtensions
            {
                public static IDataProtectionBuilder PersistKeysToDbContext<TContext>(this IDataProtectionBuilder builder) where TContext : class => builder;
            }

            public static class AzureStorageBlobDataProtectionBuilderExtensions
            {
                public static IDataProtectionBuilder PersistKeysToAzureBlobStorage(this IDataProtectionBuilder builder, System.Uri blobUri) => builder;
            }
        }
        """;

    /// <summary>Microsoft.AspNetCore.OutputCaching.StackExchangeRedis: <c>AddStackExchangeRedisOutputCache</c>.</summary>
    public const string RedisOutputCache = """
        namespace Microsoft.Extensions.Caching.StackExchangeRedis
        {
            public class RedisCacheOptions { public string? Configuration { get; set; } }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class StackExchangeRedisOutputCacheServiceCollectionExtensions
            {
                public static IServiceCollection AddStackExchangeRedisOutputCache(
                    this IServiceCollection services,
                    System.Action<Microsoft.Extensions.Caching.StackExchangeRedis.RedisCacheOptions> setupAction) => services;
            }
        }
        """;
}
