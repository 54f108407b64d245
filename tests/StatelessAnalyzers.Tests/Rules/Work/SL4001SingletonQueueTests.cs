using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Work.SL4001SingletonQueueAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Work;

public sealed class SL4001SingletonQueueTests
{
    private const string Queue = """
        using System;
        using System.Threading;
        using System.Threading.Channels;
        using System.Threading.Tasks;

        public interface IBackgroundTaskQueue
        {
            ValueTask QueueAsync(Func<CancellationToken, ValueTask> work);
        }

        public sealed class BackgroundTaskQueue : IBackgroundTaskQueue
        {
            private readonly Channel<Func<CancellationToken, ValueTask>> queue;
            public BackgroundTaskQueue(int capacity) => queue = Channel.CreateBounded<Func<CancellationToken, ValueTask>>(capacity);
            public ValueTask QueueAsync(Func<CancellationToken, ValueTask> work) => queue.Writer.WriteAsync(work);
        }

        public sealed class Mailer { private readonly string from = "shop"; }
        """;

    [Fact]
    public Task Reports_TheBackgroundTaskQueuePair() => new Verify.Test
    {
        TestCode = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#0:AddSingleton|}<IBackgroundTaskQueue, BackgroundTaskQueue>();
            builder.Build().Run();
            """,
        AdditionalSources = { ("Queue.cs", Queue) },
        ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("BackgroundTaskQueue") },
    }.RunAsync();

    [Fact]
    public Task Reports_EveryRegistrationForm() => new Verify.Test
    {
        TestCode = """
            using System.Collections.Concurrent;
            using System.Threading.Channels;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.DependencyInjection.Extensions;

            public static class Registrations
            {
                public static void Add(IServiceCollection services)
                {
                    services.[|AddSingleton|](Channel.CreateUnbounded<string>());
                    services.[|AddSingleton|]<ConcurrentQueue<int>>();
                    services.[|AddSingleton|](typeof(IBackgroundTaskQueue), typeof(BackgroundTaskQueue));
                    services.[|AddSingleton|]<IBackgroundTaskQueue>(sp => new BackgroundTaskQueue(100));
                    services.[|TryAddSingleton|]<BlockingCollection<int>>();
                    services.[|AddKeyedSingleton|]<IBackgroundTaskQueue, BackgroundTaskQueue>("mail");
                }
            }
            """,
        AdditionalSources = { ("Queue.cs", Queue) },
    }.RunAsync();

    [Fact]
    public Task Ignores_ScopedTransientAndOtherSingletons() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            public static class Registrations
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddScoped<IBackgroundTaskQueue, BackgroundTaskQueue>();
                    services.AddTransient<IBackgroundTaskQueue>(sp => new BackgroundTaskQueue(1));
                    services.AddSingleton<Mailer>();
                }
            }
            """,
        AdditionalSources = { ("Queue.cs", Queue) },
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
                builder.Services.AddSingleton<IBackgroundTaskQueue, BackgroundTaskQueue>();
            builder.Build().Run();
            """,
        AdditionalSources = { ("Queue.cs", Queue) },
    }.RunAsync();

    [Fact]
    public Task Options_SingletonRegistrationMethods() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            public static class Registrations
            {
                public static IServiceCollection AddSingletonAs<TService, TImplementation>(this IServiceCollection services)
                    where TService : class where TImplementation : class, TService => services;

                public static void Add(IServiceCollection services) => services.[|AddSingletonAs|]<IBackgroundTaskQueue, BackgroundTaskQueue>();
            }
            """,
        AdditionalSources = { ("Queue.cs", Queue) },
        GlobalConfig = """
            is_global = true
            stateless_analyzers.singleton_registration_methods = AddSingletonAs
            """,
    }.RunAsync();

    [Fact]
    public Task Ignores_BrokenCode() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            public static class Registrations
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddSingleton<IMissing, Missing>();
                    services.AddSingleton(typeof(Missing));
                    services.[|AddSingleton|]<System.Collections.Concurrent.ConcurrentQueue<int>>(
                }
            }
            """,
        AllowCompilerErrors = true,
    }.RunAsync();
}
