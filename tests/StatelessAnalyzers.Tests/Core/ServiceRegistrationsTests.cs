using Microsoft.CodeAnalysis;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Tests.Core;

public sealed class ServiceRegistrationsTests
{
    [Fact]
    public void ReadsEveryForm()
    {
        var compilation = TestCompilation.Create("""
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.DependencyInjection.Extensions;
            using Microsoft.Extensions.Hosting;

            public interface IService { }
            public sealed class Service : IService { }
            public sealed class Worker : BackgroundService
            {
                protected override System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken t) => System.Threading.Tasks.Task.CompletedTask;
            }

            public static class Registrations
            {
                public static IServiceCollection AddSingletonAs<T>(this IServiceCollection services) where T : class => services;

                public static void Add(IServiceCollection services)
                {
                    services.AddSingleton<IService, Service>();                         // 0
                    services.AddSingleton<Service>();                                   // 1
                    services.AddSingleton(typeof(IService), typeof(Service));            // 2
                    services.AddSingleton(typeof(Service));                             // 3
                    services.AddSingleton<IService>(new Service());                     // 4
                    services.AddSingleton<IService>(sp => new Service());               // 5
                    services.AddSingleton<IService>(sp => { return new Service(); });   // 6
                    services.TryAddSingleton<IService, Service>();                      // 7
                    services.AddKeyedSingleton<IService, Service>("k");                 // 8
                    services.AddHostedService<Worker>();                                // 9
                    services.AddScoped<IService, Service>();                            // 10
                    services.AddTransient<Service>();                                   // 11
                    ServiceCollectionServiceExtensions.AddSingleton<IService, Service>(services); // 12
                    services.AddSingletonAs<Service>();                                 // 13
                    services.AddSingleton<IService>(sp => Create());                    // 14
                }

                private static IService Create() => new Service();
            }
            """);
        var symbols = WellKnownSymbols.Get(compilation);
        var options = TestCompilation.Options(("stateless_analyzers.singleton_registration_methods", "AddSingletonAs"));
        var registrations = TestCompilation.Operations<Microsoft.CodeAnalysis.Operations.IInvocationOperation>(compilation)
            .Select(i => ServiceRegistrations.TryRead(i, symbols, options))
            .Where(r => r is not null)
            .Select(r => $"{r!.Lifetime} {r.ServiceType?.Name ?? "-"} {r.ImplementationType?.Name ?? "-"}")
            .ToList();

        Assert.Equal(
            new[]
            {
                "Singleton IService Service",
                "Singleton Service -",
                "Singleton IService Service",
                "Singleton Service -",
                "Singleton IService Service",
                "Singleton IService Service",
                "Singleton IService Service",
                "Singleton IService Service",
                "Singleton IService Service",
                "Singleton Worker Worker",
                "Scoped IService Service",
                "Transient Service -",
                "Singleton IService Service",
                "Singleton Service -",
                "Singleton IService -",
            },
            registrations);

        Assert.Null(ServiceRegistrations.TryRead(
            TestCompilation.Calls(compilation, "AddSingletonAs").Single(), symbols, StatelessOptions.Default));
    }

    [Fact]
    public void ReadsTheSameCallOnce_ForRulesAskingOneAfterTheOther()
    {
        var compilation = TestCompilation.Create("""
            using Microsoft.Extensions.DependencyInjection;

            public interface IService { }
            public sealed class Service : IService { }

            public static class Registrations
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddSingleton<IService, Service>();
                    services.AddScoped<Service>();
                }
            }
            """);
        var symbols = WellKnownSymbols.Get(compilation);
        var calls = TestCompilation.Operations<Microsoft.CodeAnalysis.Operations.IInvocationOperation>(compilation).ToList();
        var options = StatelessOptions.Default;

        var singleton = ServiceRegistrations.TryRead(calls[0], symbols, options);
        Assert.Same(singleton, ServiceRegistrations.TryRead(calls[0], symbols, options));

        var scoped = ServiceRegistrations.TryRead(calls[1], symbols, options);
        Assert.Equal(ServiceLifetime.Scoped, scoped!.Lifetime);
        Assert.Equal("Service", scoped.ServiceType!.Name);

        // Read again after another call: the same registration, read anew.
        var again = ServiceRegistrations.TryRead(calls[0], symbols, options);
        Assert.NotSame(singleton, again);
        Assert.Equal(ServiceLifetime.Singleton, again!.Lifetime);
        Assert.Equal("Service", again.ImplementationType!.Name);
    }

    [Fact]
    public void IgnoresLookAlikesOutsideServiceCollections()
    {
        var compilation = TestCompilation.Create("""
            public sealed class Registry
            {
                public void AddSingleton<T>() { }
                public void Use() => AddSingleton<int>();
            }
            """);
        var symbols = WellKnownSymbols.Get(compilation);
        Assert.All(TestCompilation.Calls(compilation, "AddSingleton"), c => Assert.Null(ServiceRegistrations.TryRead(c, symbols, StatelessOptions.Default)));
    }
}
