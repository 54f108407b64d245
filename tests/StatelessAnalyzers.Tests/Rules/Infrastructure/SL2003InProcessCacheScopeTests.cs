using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Infrastructure.SL2003InProcessCacheAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Infrastructure;

/// <summary>
/// Which class a cache belongs to: a member or constructor parameter to the class that declares it, a created cache
/// to the class whose member creates it (not to the classes that class is nested in).
/// </summary>
public sealed class SL2003InProcessCacheScopeTests
{
    [Fact]
    public Task Reports_EachFindingForTheClassThatHoldsIt() => new Verify.Test
    {
        TestCode = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Caching.Memory;

            public sealed class PricesController : ControllerBase
            {
                private readonly IMemoryCache [|cache|] = new MemoryCache(new MemoryCacheOptions());
                private IMemoryCache? [|spare|];

                public void Reset() => spare = new MemoryCache(new MemoryCacheOptions());

                public object Make() => [|new MemoryCache(new MemoryCacheOptions())|];

                private sealed class Helper
                {
                    private readonly object made = new MemoryCache(new MemoryCacheOptions());
                    public object Make() => new MemoryCache(new MemoryCacheOptions());
                }
            }

            public sealed class Rates(IMemoryCache {|#0:cache|})
            {
                public object? Get(string key) => cache.Get(key) ?? {|#1:new MemoryCache(new MemoryCacheOptions())|};

                public sealed class Nested
                {
                    public object Make() => {|#2:new MemoryCache(new MemoryCacheOptions())|};
                }
            }

            public sealed class Unregistered
            {
                public object Make() => new MemoryCache(new MemoryCacheOptions());
            }
            """,
        AdditionalSources =
        {
            ("Program.cs", """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.Caching.Memory;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddSingleton<Rates>();
                builder.Services.AddSingleton<Rates.Nested>();
                var local = new MemoryCache(new MemoryCacheOptions());
                builder.Build().Run();
                """),
        },
        ExpectedDiagnostics =
        {
            Verify.Diagnostic("SL2003").WithLocation(0).WithArguments("cache", "Rates"),
            Verify.Diagnostic("SL2003").WithLocation(1).WithArguments("MemoryCache", "Rates"),
            Verify.Diagnostic("SL2003").WithLocation(2).WithArguments("MemoryCache", "Nested"),
        },
    }.RunAsync();

    [Fact]
    public Task Reports_SingletonMembersOnce_NotInGeneratedCode() => new Verify.Test
    {
        // The singletons' members are read at compilation end: a member declared in a generated file stays unreported,
        // and a singleton that also handles requests is reported once, when its member is analysed.
        TestCode = """
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Caching.Memory;

            public sealed partial class PriceService
            {
                private readonly IMemoryCache {|#0:cache|} = new MemoryCache(new MemoryCacheOptions());
            }

            public sealed class CachingMiddleware(RequestDelegate next, IMemoryCache {|#1:cache|})
            {
                public System.Threading.Tasks.Task InvokeAsync(HttpContext context) => cache.TryGetValue("k", out _) ? System.Threading.Tasks.Task.CompletedTask : next(context);
            }
            """,
        AdditionalSources =
        {
            ("PriceService.g.cs", """
                public sealed partial class PriceService
                {
                    private readonly Microsoft.Extensions.Caching.Memory.IMemoryCache generated;
                    public PriceService(Microsoft.Extensions.Caching.Memory.IMemoryCache generated) => this.generated = generated;
                }
                """),
            ("Program.cs", """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddSingleton<PriceService>();
                builder.Services.AddSingleton<CachingMiddleware>();
                builder.Build().Run();
                """),
        },
        ExpectedDiagnostics =
        {
            Verify.Diagnostic("SL2003").WithLocation(0).WithArguments("cache", "PriceService"),
            Verify.Diagnostic("SL2003").WithLocation(1).WithArguments("cache", "CachingMiddleware"),
        },
    }.RunAsync();

    [Fact]
    public Task Reports_RequestHandlingMembersInEveryPart_NotInGeneratedCode() => new Verify.Test
    {
        // A controller's other part counts, its generated part and a member marked [GeneratedCode] do not. A constructor parameter is reported only for a class with no cache
        // member (Reports, whose only cache member is generated, is not reported for its parameter either).
        TestCode = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Caching.Memory;

            public sealed partial class PricesController : ControllerBase
            {
                private readonly IMemoryCache [|cache|] = new MemoryCache(new MemoryCacheOptions());

                [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                private IMemoryCache? marked;
            }

            public sealed partial class ReportsController(IMemoryCache cache) : ControllerBase
            {
                public object? Get() => cache.Get("k");
            }

            public sealed class RatesController(IMemoryCache [|cache|]) : ControllerBase
            {
                public object? Get() => cache.Get("k");
            }
            """,
        AdditionalSources =
        {
            ("PricesController.Part.cs", """
                public sealed partial class PricesController
                {
                    private Microsoft.Extensions.Caching.Memory.IMemoryCache? [|other|];
                }
                """),
            ("PricesController.g.cs", """
                public sealed partial class PricesController
                {
                    private Microsoft.Extensions.Caching.Memory.IMemoryCache? generated;
                }
                """),
            ("ReportsController.g.cs", """
                public sealed partial class ReportsController
                {
                    private Microsoft.Extensions.Caching.Memory.IMemoryCache? generated;
                }
                """),
        },
    }.RunAsync();
}
