using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Memory.SL1003SingletonStateAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Memory;

public sealed class SL1003SingletonStateTests
{
    private const string Program = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton<ViewCounter>();
        builder.Services.AddSingleton<IPriceList, PriceList>();
        builder.Services.AddHostedService<RefreshService>();
        builder.Services.AddScoped<ScopedCounter>();
        builder.Services.AddSingleton(sp => new FactoryMade());
        builder.Build().Run();
        """;

    [Fact]
    public Task Reports_WrittenInstanceStateOfSingletons() => new Verify.Test
    {
        TestCode = """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            public sealed class ViewCounter
            {
                private int {|#0:count|};
                private readonly Dictionary<string, int> [|byProduct|] = new();
                private readonly List<string> seeded;
                public string? [|LastProduct|] { get; private set; }

                public ViewCounter() { seeded = new List<string> { "x" }; seeded.Add("y"); count = 1; }

                public int View(string product)
                {
                    byProduct[product] = byProduct.TryGetValue(product, out var n) ? n + 1 : 1;
                    LastProduct = product;
                    return Interlocked.Increment(ref count) + seeded.Count;
                }
            }

            public interface IPriceList { decimal Price(string sku); }

            public sealed class PriceList : IPriceList
            {
                private decimal [|discount|];
                public decimal Price(string sku) { discount += 0.1m; return 10m - discount; }
            }

            public sealed class RefreshService : BackgroundService
            {
                private System.DateTimeOffset [|lastRun|];
                protected override Task ExecuteAsync(CancellationToken token) { lastRun = System.DateTimeOffset.UtcNow; return Task.CompletedTask; }
            }

            public sealed class FactoryMade
            {
                private string [|state|] = "";
                public void Set(string value) => state = value;
            }

            public sealed class ScopedCounter
            {
                private int count;
                public int Next() => ++count;
            }
            """,
        AdditionalSources = { ("Program.cs", Program) },
        ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("count", "ViewCounter") },
    }.RunAsync();

    [Fact]
    public Task Ignores_HandlesCachesPlumbingQueuesAndConstructorWrites() => new Verify.Test
    {
        TestCode = """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Channels;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Caching.Memory;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;

            public sealed class ViewCounter
            {
                private HttpClient? client;
                private ILogger? logger;
                private Func<int>? factory;
                private Lazy<string>? lazy;
                private IMemoryCache? cache;
                private readonly Channel<int> queue = Channel.CreateUnbounded<int>();
                private readonly List<string> names = new();
                private readonly int limit;

                public ViewCounter() { limit = 3; names.Add("a"); }

                public int View()
                {
                    client = new HttpClient();
                    logger = null;
                    factory = () => limit;
                    lazy = new Lazy<string>(() => "x");
                    cache = null;
                    queue.Writer.TryWrite(1);
                    return names.Count;
                }
            }

            public interface IPriceList { }
            public sealed class PriceList : IPriceList { }
            public sealed class FactoryMade { }

            public sealed class RefreshService : BackgroundService
            {
                private PeriodicTimer? timer;
                private CancellationTokenSource? cts;
                private Task? running;
                protected override Task ExecuteAsync(CancellationToken token)
                {
                    timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
                    cts = CancellationTokenSource.CreateLinkedTokenSource(token);
                    running = Task.Delay(1);
                    return running;
                }
            }

            public sealed class ScopedCounter { }
            """,
        AdditionalSources = { ("Program.cs", Program) },
    }.RunAsync();

    [Fact]
    public Task Ignores_TypesNotRegisteredAsSingletons() => Verify.VerifyAnalyzerAsync("""
        public sealed class Counter
        {
            private int count;
            public int Next() => ++count;
        }
        """);

    [Fact]
    public Task Reports_PartialClassWithWritesInAnotherPart() => new Verify.Test
    {
        TestCode = """
            public sealed partial class ViewCounter
            {
                private int [|count|];
            }
            """,
        AdditionalSources =
        {
            ("ViewCounter.Views.cs", "public sealed partial class ViewCounter { public int View() => ++count; }"),
            ("Program.cs", """
                using Microsoft.Extensions.DependencyInjection;
                public static class Registrations
                {
                    public static void Add(IServiceCollection services) => services.AddSingleton<ViewCounter>();
                }
                """),
        },
    }.RunAsync();

    [Fact]
    public Task Ignores_BrokenCode() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            public sealed class ViewCounter
            {
                private Missing state;
                private int [|count|];
                public int View() { state = null; return ++count
            }

            public static class Registrations
            {
                public static void Add(IServiceCollection services) { services.AddSingleton<ViewCounter>(); services.AddSingleton<Missing>(); }
            }
            """,
        AllowCompilerErrors = true,
    }.RunAsync();

    [Fact]
    public Task Ignores_StateDeclaredInGeneratedCode() => new Verify.Test
    {
        // Written from the class's own part; only the field declared there is reported.
        TestCode = """
            public sealed partial class ViewCounter
            {
                private int {|#0:count|};

                public int View() => ++count + ++generatedCount;
            }

            public interface IPriceList { }
            public sealed class PriceList : IPriceList { }
            public sealed class RefreshService : Microsoft.Extensions.Hosting.BackgroundService
            {
                protected override System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken token) => System.Threading.Tasks.Task.CompletedTask;
            }
            public sealed class ScopedCounter { }
            public sealed class FactoryMade { }
            """,
        AdditionalSources =
        {
            ("Program.cs", Program),
            ("ViewCounter.g.cs", "public sealed partial class ViewCounter { private int generatedCount; }"),
        },
        ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("count", "ViewCounter") },
    }.RunAsync();
}
