using StatelessAnalyzers.Tests.Verification;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Memory.SL1002StaticWriteFromHandlerAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Memory;

public sealed class SL1002StaticWriteFromHandlerTests
{
    private const string Stores = """
        public static class OrderStats
        {
            public static int TotalOrders;
            public static decimal Revenue { get; set; }
            public static long Requests;
            public static (int A, int B) Pair;
        }

        public static class InventoryStore
        {
            public static readonly System.Collections.Generic.Dictionary<string, int> Stock = new();
            public static System.Collections.Generic.List<string> Log { get; } = new();
            public static readonly int[] Slots = new int[8];
        }
        """;

    [Fact]
    public Task Reports_IncrementFromController() => Verify.VerifyAnalyzerAsync(Stores + """

        public sealed class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
        {
            public void Post() => {|#0:OrderStats.TotalOrders|}++;
        }
        """, Verify.Diagnostic().WithLocation(0).WithArguments("TotalOrders", "OrderStats"));

    [Fact]
    public Task Reports_EveryWriteForm() => Verify.VerifyAnalyzerAsync(Stores + """

        public sealed class CheckoutController : Microsoft.AspNetCore.Mvc.ControllerBase
        {
            public void Post(string sku, decimal amount)
            {
                [|OrderStats.TotalOrders|] = 0;
                [|OrderStats.Revenue|] += amount;
                --[|OrderStats.TotalOrders|];
                System.Threading.Interlocked.Increment(ref [|OrderStats.Requests|]);
                [|InventoryStore.Stock|][sku] = 1;
                [|InventoryStore.Stock|].Remove(sku);
                [|InventoryStore.Log|].Add(sku);
                [|InventoryStore.Slots|][0]++;
                ([|OrderStats.TotalOrders|], _) = (1, 2);
                [|OrderStats.Pair|].A = 3;
            }
        }
        """);

    [Fact]
    public Task Reports_FromHubMiddlewareAndPageModel() => Verify.VerifyAnalyzerAsync(Stores + """

        public sealed class ChatHub : Microsoft.AspNetCore.SignalR.Hub
        {
            public void Send() => [|OrderStats.TotalOrders|]++;
        }

        public sealed class CountingMiddleware
        {
            private readonly Microsoft.AspNetCore.Http.RequestDelegate next;
            public CountingMiddleware(Microsoft.AspNetCore.Http.RequestDelegate next) => this.next = next;
            public System.Threading.Tasks.Task InvokeAsync(Microsoft.AspNetCore.Http.HttpContext context)
            {
                [|OrderStats.Requests|]++;
                return next(context);
            }
        }

        public sealed class IndexModel : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
        {
            public void OnGet() => [|InventoryStore.Log|].Add("visit");
        }
        """);

    [Fact]
    public Task Reports_EndpointHandlerLambdasInTopLevelProgram() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapPost("/orders", () => {|#0:Metrics.Hits|}++);
        app.MapGet("/stock/{sku}", (string sku) =>
        {
            new System.Collections.Generic.List<string> { sku }.ForEach(s => [|Metrics.Seen|].Add(s));
            return Results.Ok();
        });
        app.MapDelete("/reset", delegate () { [|Metrics.Hits|] = 0; });
        app.MapGroup("/api").MapPut("/x", (HttpContext context) => [|Metrics.Hits|] += 2);
        app.MapFallback(() => [|Metrics.Hits|]--);
        app.Run();

        public static class Metrics
        {
            public static int Hits;
            public static readonly System.Collections.Generic.HashSet<string> Seen = new();
        }
        """, Verify.Diagnostic().WithLocation(0).WithArguments("Hits", "Metrics"));

    [Fact]
    public Task Reports_MethodGroupHandlers() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapPost("/orders", OrderEndpoints.Create);
        app.MapGet("/local", Local);
        app.Run();

        int Local() => [|Metrics.Hits|]++;

        public static class OrderEndpoints
        {
            public static int Create() => [|Metrics.Hits|]++;
            public static int NotMapped() => Metrics.Hits++;
        }

        public static class Metrics
        {
            public static int Hits;
        }
        """);

    [Fact]
    public Task Reports_StaticOfReferencedLibrary() => new Verify.Test
    {
        TestCode = """
            public sealed class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                public void Post() => [|Shared.Store.Orders|]++;
            }
            """,
        AdditionalReferences =
        {
            StubAssembly.Create("Shared", "namespace Shared { public static class Store { public static int Orders; } }"),
        },
    }.RunAsync();

    [Fact]
    public Task Ignores_TargetDeclaredInRequestHandlingTypeOrCurrentType() => Verify.VerifyAnalyzerAsync("""
        public sealed class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
        {
            public static int Count;
            public void Post() => Count++;

            public sealed class Nested
            {
                public static int Inner;
                public void Hit() => Count++;
            }
        }

        public sealed class ReportsController : Microsoft.AspNetCore.Mvc.ControllerBase
        {
            public void Post() => OrdersController.Count++;
            public void Nested() => OrdersController.Nested.Inner++;
        }
        """);

    [Fact]
    public Task Ignores_ReadsNonHandlersAndTypeInitialization() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Builder;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/count", () => Metrics.Hits + Metrics.Names.Count);
        new List<int> { 1 }.ForEach(_ => Metrics.Hits++);
        Metrics.Hits = 1;
        app.Run();

        public static class Metrics
        {
            public static int Hits;
            public static readonly List<string> Names = new();
        }

        public sealed class OrdersService
        {
            public void Hit() => Metrics.Hits++;
        }

        public sealed class StatusController : Microsoft.AspNetCore.Mvc.ControllerBase
        {
            static StatusController() { Metrics.Hits = 0; }
            private static readonly int Snapshot = Metrics.Hits = 5;
            public bool Get(string name) => Metrics.Names.Contains(name) && Metrics.Hits > 0;
        }
        """);

    [Fact]
    public Task Ignores_FrameworkStaticsAndFlowLocals() => Verify.VerifyAnalyzerAsync("""
        using System.Globalization;
        using System.Threading;

        public static class RequestContext
        {
            public static readonly AsyncLocal<string?> Tenant = new();
            public static readonly ThreadLocal<int> Depth = new();
        }

        public sealed class CultureController : Microsoft.AspNetCore.Mvc.ControllerBase
        {
            public void Get(string tenant)
            {
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                RequestContext.Tenant.Value = tenant;
                RequestContext.Depth.Value++;
            }
        }
        """);

    [Fact]
    public Task Ignores_NonWebProject() => new Verify.Test
    {
        TestCode = """
            public static class Metrics { public static int Hits; }
            public sealed class OrdersController { public void Post() => Metrics.Hits++; }
            """,
        References = ReferenceSet.NetCore,
    }.RunAsync();

    [Fact]
    public Task Ignores_BrokenCode() => new Verify.Test
    {
        TestCode = """
            public sealed class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                public void Post()
                {
                    Missing.Hits++;
                    Metrics.Unknown = 3;
                    [|Metrics.Hits|]++;
                    [|Metrics.Hits|] +=
                }
            }

            public static class Metrics { public static int Hits; }
            """,
        AllowCompilerErrors = true,
    }.RunAsync();
}
