using Microsoft.CodeAnalysis.CSharp;
using SL1001 = StatelessAnalyzers.Tests.Verification.CSharpCodeFixVerifier<
    StatelessAnalyzers.Rules.Memory.SL1001StaticMutableStateAnalyzer,
    StatelessAnalyzers.CodeFixes.Rules.Memory.SL1001StoreInDistributedCacheCodeFix>;
using SL1003 = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Memory.SL1003SingletonStateAnalyzer>;
using SL1004 = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Memory.SL1004CapturedStateAnalyzer>;
using SL1005 = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Memory.SL1005StaticStateInWebProjectAnalyzer>;
using SL2001 = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Infrastructure.SL2001InMemoryDistributedCacheAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules;

/// <summary>
/// The rules on C# 14 code: the <c>field</c> keyword, extension blocks, primary constructors and
/// collection expressions. CI runs these on the package's own Roslyn (where C# 14 is the preview
/// language) and on the newest Roslyn.
/// </summary>
public sealed class CSharp14Tests
{
    /// <summary>C# 14 on every Roslyn the suite runs on: the preview language of 4.14, a released one later.</summary>
    public static LanguageVersion Version => LanguageVersion.Preview;

    [Fact]
    public Task FieldKeyword_StaticPropertyOfAControllerIsState() => new SL1001.Test
    {
        LanguageVersion = Version,
        TestCode = """
            using System;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            public sealed class OrdersController : ControllerBase
            {
                public static int {|#0:Served|} { get; set => field = Math.Max(0, value); }
                public static string Name { get => field ?? "orders"; } = null;

                [HttpGet]
                public int Get() => ++Served;
            }
            """,
        ExpectedDiagnostics = { SL1001.Diagnostic().WithLocation(0).WithArguments("Served", "OrdersController") },
    }.RunAsync();

    [Fact]
    public Task FieldKeyword_SingletonPropertyWrittenPerCallIsState() => new SL1003.Test
    {
        LanguageVersion = Version,
        TestCode = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSingleton<Counter>();
            builder.Build().Run();

            public sealed class Counter
            {
                public int {|#0:Count|} { get; private set => field = value < 0 ? 0 : value; }
                public string Label { get => field; } = "views";

                public int Next() => ++Count;
            }
            """,
        ExpectedDiagnostics = { SL1003.Diagnostic().WithLocation(0).WithArguments("Count", "Counter") },
    }.RunAsync();

    [Fact]
    public Task ExtensionBlock_RegistrationsInsideExtensionMembersCount() => new SL1003.Test
    {
        LanguageVersion = Version,
        TestCode = """
            using Microsoft.Extensions.DependencyInjection;

            public static class ShopServices
            {
                extension(IServiceCollection services)
                {
                    public IServiceCollection AddShop() => services.AddSingleton<Basket>();
                }
            }

            public sealed class Basket
            {
                private int {|#0:lines|};
                public void Add() => lines++;
            }
            """,
        AdditionalSources = { ("Program.cs", """
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddShop();
            builder.Build().Run();
            """) },
        ExpectedDiagnostics = { SL1003.Diagnostic().WithLocation(0).WithArguments("lines", "Basket") },
    }.RunAsync();

    [Fact]
    public Task ExtensionBlock_InMemoryDistributedCacheRegisteredInAnExtensionMember() => new SL2001.Test
    {
        LanguageVersion = Version,
        TestCode = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class CachingSetup
            {
                extension(IServiceCollection services)
                {
                    public IServiceCollection AddShopCaching() => services.{|#0:AddDistributedMemoryCache|}();
                }

                extension(WebApplicationBuilder builder)
                {
                    public WebApplicationBuilder WithCaching
                    {
                        get { builder.Services.AddShopCaching(); return builder; }
                    }
                }
            }
            """,
        ExpectedDiagnostics = { SL2001.Diagnostic().WithLocation(0) },
    }.RunAsync();

    [Fact]
    public Task PrimaryConstructor_SingletonStateBesideInjectedParameters() => new SL1003.Test
    {
        LanguageVersion = Version,
        TestCode = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSingleton<Cart>();
            builder.Services.AddSingleton<Greeter>();
            builder.Build().Run();

            public sealed class Cart(ILogger<Cart> logger)
            {
                private readonly List<string> {|#0:items|} = [];

                public void Add(string sku)
                {
                    items.Add(sku);
                    logger.LogInformation("Added {Sku}", sku);
                }
            }

            public sealed class Greeter(ILogger<Greeter> logger, string greeting = "Hello")
            {
                public string Greet(string name)
                {
                    logger.LogInformation("Greeting {Name}", name);
                    return $"{greeting}, {name}";
                }
            }
            """,
        ExpectedDiagnostics = { SL1003.Diagnostic().WithLocation(0).WithArguments("items", "Cart") },
    }.RunAsync();

    [Fact]
    public Task PrimaryConstructor_ParameterWrittenPerCallIsSingletonState() => new SL1003.Test
    {
        LanguageVersion = Version,
        TestCode = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSingleton(new TicketNumbers(1000));
            builder.Services.AddSingleton<Recent>(_ => new Recent([]));
            builder.Services.AddScoped<ScopedNumbers>();
            builder.Build().Run();

            public sealed class TicketNumbers(int {|#0:next|})
            {
                public int Take() => next++;
            }

            public sealed class Recent(List<string> {|#1:entries|})
            {
                public void Add(string entry) => entries.Add(entry);
                public int Count => entries.Count;
            }

            public sealed class ScopedNumbers(int next)
            {
                public int Take() => next++;
            }
            """,
        ExpectedDiagnostics =
        {
            SL1003.Diagnostic().WithLocation(0).WithArguments("next", "TicketNumbers"),
            SL1003.Diagnostic().WithLocation(1).WithArguments("entries", "Recent"),
        },
    }.RunAsync();

    [Fact]
    public Task CollectionExpressions_InitializeTheStateTheRulesFind() => new SL1001.Test
    {
        LanguageVersion = Version,
        TestCode = """
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            public sealed class AuditController : ControllerBase
            {
                private static readonly List<string> {|#0:Entries|} = [];
                private static readonly ImmutableArray<string> Kinds = ["read", "write"];
                private static readonly string[] Fixed = ["a", "b"];

                [HttpPost]
                public void Post(string entry) => Entries.Add(entry);

                [HttpGet]
                public IEnumerable<string> Get() => [.. Entries, .. Kinds, .. Fixed];
            }
            """,
        ExpectedDiagnostics = { SL1001.Diagnostic().WithLocation(0).WithArguments("Entries", "AuditController") },
    }.RunAsync();

    [Fact]
    public Task CollectionExpressions_CapturedByAnEndpointHandler() => new SL1004.Test
    {
        LanguageVersion = Version,
        TestCode = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;

            var app = WebApplication.CreateBuilder(args).Build();
            List<string> {|#0:todos|} = [];
            IReadOnlyList<string> tags = ["home", "work"];

            app.MapPost("/todos", (string title) => todos.Add(title));
            app.MapGet("/tags", () => tags);
            app.Run();
            """,
        ExpectedDiagnostics = { SL1004.Diagnostic().WithLocation(0).WithArguments("todos") },
    }.RunAsync();

    [Fact]
    public Task CollectionExpressions_StaticSetOfAStoreIsState() => new SL1005.Test
    {
        LanguageVersion = Version,
        TestCode = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;

            var app = WebApplication.CreateBuilder(args).Build();
            app.Run();

            public static class SeenTokens
            {
                private static readonly HashSet<string> {|#0:Seen|} = [];
                private static readonly HashSet<string> Reserved = ["admin", "root"];

                public static bool FirstUse(string token) => !Reserved.Contains(token) && Seen.Add(token);
            }
            """,
        ExpectedDiagnostics = { SL1005.Diagnostic().WithLocation(0).WithArguments("Seen", "SeenTokens") },
    }.RunAsync();

    [Fact]
    public Task CacheFix_PrimaryConstructorAndCollectionExpression() => new SL1001.Test
    {
        LanguageVersion = Version,
        TestCode = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;

            namespace Shop;

            [ApiController]
            public sealed class BasketController(ILogger<BasketController> logger) : ControllerBase
            {
                private static readonly Dictionary<string, int> {|SL1001:Counts|} = [];

                [HttpPut("{user}")]
                public void Put(string user, int count)
                {
                    logger.LogInformation("Basket of {User}", user);
                    Counts[user] = count;
                }
            }
            """,
        FixedCode = """
            using System.Collections.Generic;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Caching.Distributed;
            using Microsoft.Extensions.Logging;

            namespace Shop;

            [ApiController]
            public sealed class BasketController(ILogger<BasketController> logger, IDistributedCache cache) : ControllerBase
            {
                [HttpPut("{user}")]
                public async Task Put(string user, int count)
                {
                    logger.LogInformation("Basket of {User}", user);
                    await SetCountsAsync(user, count);
                }

                private Task SetCountsAsync(string key, int value, CancellationToken cancellationToken = default) =>
                    cache.SetStringAsync($"Counts:{key}", JsonSerializer.Serialize(value), cancellationToken);
            }
            """,
    }.RunAsync();
}
