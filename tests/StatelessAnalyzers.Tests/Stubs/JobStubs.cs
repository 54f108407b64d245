namespace StatelessAnalyzers.Tests.Stubs;

/// <summary>Minimal declarations of Hangfire, Quartz and MassTransit with their real namespaces and signatures.</summary>
internal static class JobStubs
{
    /// <summary>Hangfire.Core with Hangfire.InMemory, Hangfire.MemoryStorage and Hangfire.SqlServer.</summary>
    public const string Hangfire = """
        namespace Hangfire
        {
            public abstract class JobStorage { }
            public interface IGlobalConfiguration { }
            public interface IGlobalConfiguration<out T> : IGlobalConfiguration { }

            public static class GlobalConfiguration
            {
                public static IGlobalConfiguration Configuration => null!;
            }

            public static partial class GlobalConfigurationExtensions
            {
                public static IGlobalConfiguration<TStorage> UseStorage<TStorage>(this IGlobalConfiguration configuration, TStorage storage)
                    where TStorage : JobStorage => null!;
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

        namespace Hangfire.MemoryStorage
        {
            public class MemoryStorage : Hangfire.JobStorage { }

            public static class GlobalConfigurationExtension
            {
                public static Hangfire.IGlobalConfiguration<MemoryStorage> UseMemoryStorage(this Hangfire.IGlobalConfiguration configuration) => null!;
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class HangfireServiceCollectionExtensions
            {
                public static IServiceCollection AddHangfire(this IServiceCollection services, System.Action<Hangfire.IGlobalConfiguration> configuration) => services;
            }
        }
        """;

    /// <summary>Quartz with Quartz.Extensions.DependencyInjection.</summary>
    public const string Quartz = """
        namespace Quartz
        {
            public class SchedulerBuilder
            {
                public class InMemoryStoreOptions { }
                public class PersistentStoreOptions { public void UseSqlServer(string connectionString) { } }
                public static SchedulerBuilder Create() => new SchedulerBuilder();
                public SchedulerBuilder UseInMemoryStore(System.Action<InMemoryStoreOptions>? options = null) => this;
                public SchedulerBuilder UsePersistentStore(System.Action<PersistentStoreOptions> options) => this;
            }

            public interface IServiceCollectionQuartzConfigurator
            {
                void UseInMemoryStore(System.Action<SchedulerBuilder.InMemoryStoreOptions>? configure = null);
                void UsePersistentStore(System.Action<SchedulerBuilder.PersistentStoreOptions> configure);
            }

            public interface IJobStore { }
        }

        namespace Quartz.Simpl
        {
            public class RAMJobStore : Quartz.IJobStore { }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class ServiceCollectionExtensions
            {
                public static IServiceCollection AddQuartz(this IServiceCollection services, System.Action<Quartz.IServiceCollectionQuartzConfigurator>? configure = null) => services;
            }
        }
        """;

    /// <summary>MassTransit with its in-memory and RabbitMQ transports.</summary>
    public const string MassTransit = """
        namespace MassTransit
        {
            public interface IBusRegistrationConfigurator { }
            public interface IBusRegistrationContext { }
            public interface IInMemoryBusFactoryConfigurator { }
            public interface IRabbitMqBusFactoryConfigurator { }
            public interface IBusFactorySelector { }
            public interface IBusControl { }

            public static class InMemoryConfigurationExtensions
            {
                public static void UsingInMemory(this IBusRegistrationConfigurator configurator,
                    System.Action<IBusRegistrationContext, IInMemoryBusFactoryConfigurator>? configure = null) { }
                public static IBusControl CreateUsingInMemory(this IBusFactorySelector selector, System.Action<IInMemoryBusFactoryConfigurator> configure) => null!;
            }

            public static class RabbitMqBusFactoryConfiguratorExtensions
            {
                public static void UsingRabbitMq(this IBusRegistrationConfigurator configurator,
                    System.Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configure = null) { }
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class DependencyInjectionRegistrationExtensions
            {
                public static IServiceCollection AddMassTransit(this IServiceCollection collection, System.Action<MassTransit.IBusRegistrationConfigurator>? configure = null) => collection;
            }
        }
        """;
}
