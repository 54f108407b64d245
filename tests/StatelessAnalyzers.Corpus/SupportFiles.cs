namespace StatelessAnalyzers.Corpus;

/// <summary>
/// The files every corpus has: the web SDK's global usings, shared abstractions that keep state outside the
/// process (a document store, a message source, a clock), and minimal stubs of third-party packages with their
/// real namespaces and signatures, so that the corpus needs nothing beyond the ASP.NET Core shared framework.
/// </summary>
public static class SupportFiles
{
    /// <summary>The global usings of a web SDK project (<c>ImplicitUsings</c>), for compiling outside MSBuild.</summary>
    public const string GlobalUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Net.Http.Json;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Hosting;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.AspNetCore.Routing;
        global using global::Microsoft.Extensions.Configuration;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::Microsoft.Extensions.Hosting;
        global using global::Microsoft.Extensions.Logging;
        """;

    /// <summary>Abstractions whose state lives outside the process: what the stateless shapes of the corpus use.</summary>
    public const string Shared = """
        using System.Runtime.CompilerServices;

        namespace Contoso.Shared;

        /// <summary>Documents kept by a remote store: the source of truth every replica shares.</summary>
        public interface IDocumentStore
        {
            Task<T?> GetAsync<T>(string collection, string id, CancellationToken cancellationToken) where T : class;
            Task<IReadOnlyList<T>> QueryAsync<T>(string collection, int skip, int take, CancellationToken cancellationToken);
            Task PutAsync<T>(string collection, string id, T document, CancellationToken cancellationToken);
            Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken);
        }

        /// <summary>Messages from a broker; a message is acknowledged once handled.</summary>
        public interface IMessageSource
        {
            IAsyncEnumerable<Message> ReadAllAsync(string queue, CancellationToken cancellationToken);
            Task AcknowledgeAsync(Message message, CancellationToken cancellationToken);
        }

        public sealed record Message(string Id, string Queue, string Body, DateTimeOffset EnqueuedAt);

        public interface IClock
        {
            DateTimeOffset UtcNow { get; }
        }

        public sealed class SystemClock : IClock
        {
            public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
        }

        public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize)
        {
            public bool HasMore => Items.Count == PageSize;
        }

        public sealed class HttpDocumentStore(HttpClient client) : IDocumentStore
        {
            public async Task<T?> GetAsync<T>(string collection, string id, CancellationToken cancellationToken) where T : class
            {
                using var response = await client.GetAsync($"{collection}/{Uri.EscapeDataString(id)}", cancellationToken);
                if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
                    return null;
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
            }

            public async Task<IReadOnlyList<T>> QueryAsync<T>(string collection, int skip, int take, CancellationToken cancellationToken)
            {
                var items = await client.GetFromJsonAsync<List<T>>($"{collection}?skip={skip}&take={take}", cancellationToken);
                return items ?? new List<T>();
            }

            public async Task PutAsync<T>(string collection, string id, T document, CancellationToken cancellationToken)
            {
                using var response = await client.PutAsJsonAsync($"{collection}/{Uri.EscapeDataString(id)}", document, cancellationToken);
                response.EnsureSuccessStatusCode();
            }

            public async Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken)
            {
                using var response = await client.DeleteAsync($"{collection}/{Uri.EscapeDataString(id)}", cancellationToken);
                return response.IsSuccessStatusCode;
            }
        }

        public sealed class HttpMessageSource(HttpClient client) : IMessageSource
        {
            public async IAsyncEnumerable<Message> ReadAllAsync(string queue, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    var batch = await client.GetFromJsonAsync<List<Message>>($"queues/{queue}/messages", cancellationToken);
                    if (batch is null || batch.Count == 0)
                        yield break;
                    foreach (var message in batch)
                        yield return message;
                }
            }

            public async Task AcknowledgeAsync(Message message, CancellationToken cancellationToken)
            {
                using var response = await client.DeleteAsync($"queues/{message.Queue}/messages/{message.Id}", cancellationToken);
                response.EnsureSuccessStatusCode();
            }
        }
        """;

    /// <summary>Entity Framework Core's context and options with the in-memory provider.</summary>
    public const string EntityFrameworkCoreStub = """
        namespace Microsoft.EntityFrameworkCore
        {
            public class DbContextOptions { }
            public class DbContextOptionsBuilder
            {
                public virtual DbContextOptions Options => new DbContextOptions();
            }
            public class DbContext
            {
                public DbContext() { }
                public DbContext(DbContextOptions options) { }
            }

            public static class InMemoryDbContextOptionsExtensions
            {
                public static DbContextOptionsBuilder UseInMemoryDatabase(this DbContextOptionsBuilder optionsBuilder, string databaseName) => optionsBuilder;
            }

            public static class SqlServerDbContextOptionsExtensions
            {
                public static DbContextOptionsBuilder UseSqlServer(this DbContextOptionsBuilder optionsBuilder, string? connectionString) => optionsBuilder;
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class EntityFrameworkServiceCollectionExtensions
            {
                public static IServiceCollection AddDbContext<TContext>(
                    this IServiceCollection serviceCollection,
                    System.Action<Microsoft.EntityFrameworkCore.DbContextOptionsBuilder>? optionsAction = null,
                    ServiceLifetime contextLifetime = ServiceLifetime.Scoped,
                    ServiceLifetime optionsLifetime = ServiceLifetime.Scoped)
                    where TContext : Microsoft.EntityFrameworkCore.DbContext => serviceCollection;
            }
        }
        """;

    /// <summary>Hangfire's configuration with its in-memory storage.</summary>
    public const string HangfireStub = """
        namespace Hangfire
        {
            public abstract class JobStorage { }
            public interface IGlobalConfiguration { }
            public interface IGlobalConfiguration<out T> : IGlobalConfiguration { }

            public static partial class GlobalConfigurationExtensions
            {
                // From Hangfire.InMemory.
                public static IGlobalConfiguration<Hangfire.InMemory.InMemoryStorage> UseInMemoryStorage(this IGlobalConfiguration configuration) => null!;
            }

            public static class SqlServerStorageExtensions
            {
                public static IGlobalConfiguration<JobStorage> UseSqlServerStorage(this IGlobalConfiguration configuration, string nameOrConnectionString) => null!;
            }
        }

        namespace Hangfire.InMemory
        {
            public sealed class InMemoryStorage : Hangfire.JobStorage { }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class HangfireServiceCollectionExtensions
            {
                public static IServiceCollection AddHangfire(this IServiceCollection services, System.Action<Hangfire.IGlobalConfiguration> configuration) => services;
            }
        }
        """;

    /// <summary>Serilog with the console and file sinks.</summary>
    public const string SerilogStub = """
        namespace Serilog
        {
            public enum RollingInterval { Infinite, Year, Month, Day, Hour, Minute }

            public class LoggerConfiguration
            {
                public Serilog.Configuration.LoggerSinkConfiguration WriteTo => new(this);
                public Serilog.Core.Logger CreateLogger() => new();
            }

            public static class FileLoggerConfigurationExtensions
            {
                public static LoggerConfiguration File(
                    this Serilog.Configuration.LoggerSinkConfiguration sinkConfiguration,
                    string path,
                    RollingInterval rollingInterval = RollingInterval.Infinite) => sinkConfiguration.Parent;
            }

            public static class ConsoleLoggerConfigurationExtensions
            {
                public static LoggerConfiguration Console(this Serilog.Configuration.LoggerSinkConfiguration sinkConfiguration) => sinkConfiguration.Parent;
            }
        }

        namespace Serilog.Core
        {
            public sealed class Logger { }
        }

        namespace Serilog.Configuration
        {
            public class LoggerSinkConfiguration
            {
                internal LoggerSinkConfiguration(Serilog.LoggerConfiguration parent) => Parent = parent;
                internal Serilog.LoggerConfiguration Parent { get; }
            }
        }
        """;

    /// <summary>IdentityServer's signing-credential registration.</summary>
    public const string IdentityServerStub = """
        namespace Microsoft.IdentityModel.Tokens
        {
            public abstract class SecurityKey { }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IIdentityServerBuilder { IServiceCollection Services { get; } }

            public static class IdentityServerServiceCollectionExtensions
            {
                public static IIdentityServerBuilder AddIdentityServer(this IServiceCollection services) => null!;
            }

            public static class IdentityServerBuilderExtensionsCrypto
            {
                public static IIdentityServerBuilder AddDeveloperSigningCredential(this IIdentityServerBuilder builder, bool persistKey = true, string? filename = null) => builder;
                public static IIdentityServerBuilder AddSigningCredential(this IIdentityServerBuilder builder, Microsoft.IdentityModel.Tokens.SecurityKey key, string signingAlgorithm) => builder;
            }
        }
        """;
}
