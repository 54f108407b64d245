using StatelessAnalyzers.Rules.Memory;
using StatelessAnalyzers.Tests.Verification;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpCodeFixVerifier<
    StatelessAnalyzers.Rules.Memory.SL1001StaticMutableStateAnalyzer,
    StatelessAnalyzers.CodeFixes.Rules.Memory.SL1001StoreInDistributedCacheCodeFix>;

namespace StatelessAnalyzers.Tests.Rules.Memory;

public sealed partial class SL1001StaticMutableStateTests
{
    [Fact]
    public Task Reports_CounterInController() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        public sealed class OrdersController : ControllerBase
        {
            private static int {|#0:served|};

            public int Get() => ++served;
        }
        """, Verify.Diagnostic().WithLocation(0).WithArguments("served", "OrdersController"));

    [Fact]
    public Task Reports_UnusedMutableStaticOfNonSafeType() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        public sealed class CartController : ControllerBase
        {
            private static Dictionary<string, int> [|carts|] = new();
        }
        """);

    [Fact]
    public Task Reports_SettableStaticAutoProperty() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        public sealed class StatusController : ControllerBase
        {
            public static object? {|#0:LastOrder|} { get; set; }
            public static object? {|#1:Current|} { get; private set; }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("LastOrder", "StatusController"),
        Verify.Diagnostic().WithLocation(1).WithArguments("Current", "StatusController"));

    [Fact]
    public Task Reports_ReadOnlyDictionaryMutatedByAction() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        public sealed class CartController : ControllerBase
        {
            private static readonly Dictionary<string, string> [|Carts|] = new();

            [HttpPost]
            public void Add(string user, string item) => Carts[user] = item;
        }
        """);

    [Fact]
    public Task Reports_ReadOnlyCollectionsMutatedThroughEveryAccessForm() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Text;
        using Microsoft.AspNetCore.Mvc;

        public sealed class CatalogController : ControllerBase
        {
            private static readonly List<string> [|Unqualified|] = new();
            private static readonly HashSet<int> [|Qualified|] = new();
            private static readonly ConcurrentDictionary<string, int> [|Concurrent|] = new();
            private static readonly int[] [|Slots|] = new int[4];
            private static readonly StringBuilder [|Log|] = new();
            private static readonly Dictionary<string, int> [|Conditional|] = new();
            private static readonly Dictionary<string, int> [|Extension|] = new();
            private static readonly int[] [|Cleared|] = new int[4];

            public void Touch(string name)
            {
                Unqualified.Add(name);
                CatalogController.Qualified.Remove(name.Length);
                this.Record(name);
                Slots[0] = 1;
                Log.AppendLine(name);
                Conditional?.Clear();
                CollectionExtensions.TryAdd(Extension, name, 1);
                System.Array.Clear(Cleared);
            }

            private void Record(string name) => Concurrent.AddOrUpdate(name, 1, (_, n) => n + 1);
        }
        """);

    [Fact]
    public Task Reports_ElementIncrementAndIndexerCompoundAssignment() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        public sealed class StatsController : ControllerBase
        {
            private static readonly int[] [|Hits|] = new int[10];
            private static readonly Dictionary<string, int> [|ByUser|] = new();

            public void Hit(int slot, string user)
            {
                Hits[slot]++;
                ByUser[user] += 1;
            }
        }
        """);

    [Fact]
    public Task Reports_ThreadStaticField() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.AspNetCore.Mvc;

        public sealed class TenantController : ControllerBase
        {
            [ThreadStatic]
            private static string? [|currentTenant|];
        }
        """);

    [Fact]
    public Task Reports_SafeTypeWrittenOutsideInitialization() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ProxyController : ControllerBase
        {
            private static HttpClient? [|client|];
            private static string [|lastUser|] = "";

            public void Get(string user)
            {
                client ??= new HttpClient();
                lastUser = user;
            }
        }
        """);

    [Fact]
    public Task Reports_InterlockedIncrementOfSafeCounter() => Verify.VerifyAnalyzerAsync("""
        using System.Threading;
        using Microsoft.AspNetCore.Mvc;

        public sealed class OrdersController : ControllerBase
        {
            private static long [|orders|];

            public long Post() => Interlocked.Increment(ref orders);
        }
        """);

    [Fact]
    public Task Reports_CompoundAssignmentAndDeconstruction() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        public sealed class TotalsController : ControllerBase
        {
            private static decimal [|total|];
            private static int [|first|];
            private static int [|second|];

            public void Add(decimal amount)
            {
                total += amount;
                (first, second) = (1, 2);
            }
        }
        """);

    [Fact]
    public Task Reports_WriteFromLambdaInStaticConstructor() => Verify.VerifyAnalyzerAsync("""
        using System;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ClockController : ControllerBase
        {
            private static readonly Action Tick;
            private static long [|ticks|];

            static ClockController()
            {
                Tick = () => ticks++;
            }
        }
        """);

    [Fact]
    public Task Reports_EveryRequestHandlingTypeKind() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.AspNetCore.SignalR;

        [ApiController]
        public sealed class ByAttribute { private static object? [|a|]; }

        [Controller]
        public class AttributedBase { }
        public sealed class ByInheritedAttribute : AttributedBase { private static object? [|b|]; }

        public sealed class ConventionController { private static object? [|c|]; }

        public sealed class IndexModel : PageModel { private static object? [|d|]; }

        public sealed class ChatHub : Hub { private static object? [|e|]; }

        public interface IClient { Task Receive(string message); }
        public sealed class TypedHub : Hub<IClient> { private static object? [|f|]; }

        public sealed class FactoryMiddleware : IMiddleware
        {
            private static object? [|g|];
            public Task InvokeAsync(HttpContext context, RequestDelegate next) => next(context);
        }

        public sealed class ConventionMiddleware
        {
            private static object? [|h|];
            private readonly RequestDelegate next;
            public ConventionMiddleware(RequestDelegate next) => this.next = next;
            public Task InvokeAsync(HttpContext context) => next(context);
        }
        """);

    [Fact]
    public Task Reports_GrpcServiceByBindServiceMethodAttribute() => Verify.VerifyAnalyzerAsync("""
        namespace Grpc.Core
        {
            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class BindServiceMethodAttribute : System.Attribute
            {
                public BindServiceMethodAttribute(System.Type bindType, string bindMethodName) { }
            }
        }

        namespace Shop
        {
            public static class Greeter
            {
                [Grpc.Core.BindServiceMethod(typeof(Greeter), "BindService")]
                public abstract class GreeterBase { }
            }

            public sealed class GreeterService : Greeter.GreeterBase
            {
                private static int [|greeted|];
                public int Greet() => ++greeted;
            }
        }
        """);

    [Fact]
    public Task Reports_NestedPartialRecordAndGenericControllers() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        public sealed partial class OrdersController : ControllerBase
        {
            private static int [|count|];

            private static class Cache
            {
                public static Dictionary<int, string> [|Entries|] = new();
            }
        }

        public sealed partial class OrdersController
        {
            public void Hit() => count++;
        }

        public abstract class CrudController<T> : ControllerBase
        {
            private static readonly List<T> [|Items|] = new();
            public void Create(T item) => Items.Add(item);
        }

        public sealed class ProductsController : CrudController<string> { }

        public sealed record RecordController
        {
            public static int [|Seen|];
            public void Hit() => Seen++;
        }
        """);

    [Fact]
    public Task Reports_PrivateCollectionsMutatedFromNestedAndOuterTypes() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        public sealed class WishlistController : ControllerBase
        {
            private static readonly List<string> [|Wishes|] = new();
            private static readonly List<string> Untouched = new();

            public int Count() => Untouched.Count + Helper.Items.Count;

            public void Add(string wish) => Helper.Items.Add(wish);

            private sealed class Helper
            {
                internal static readonly List<string> [|Items|] = new();
                public static void Record(string wish) => Wishes.Add(wish);
            }
        }
        """);

    [Fact]
    public Task Reports_PrimaryConstructorController() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        public sealed class InvoicesController(ILogger<InvoicesController> logger) : ControllerBase
        {
            private static readonly List<string> [|Sent|] = new();

            public void Send(string id)
            {
                logger.LogInformation("Sending {Id}", id);
                Sent.Add(id);
            }
        }
        """);

    [Fact]
    public Task Reports_PublicCollectionMutatedFromAnotherType() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        public sealed class BasketController : ControllerBase
        {
            public static readonly List<string> {|#0:Items|} = new();
        }

        public static class BasketSeeder
        {
            public static void Seed(string item) => BasketController.Items.Add(item);
        }
        """, Verify.Diagnostic().WithLocation(0).WithArguments("Items", "BasketController"));

    [Fact]
    public Task Reports_HandlerBaseTypesOption() => new Verify.Test
    {
        TestCode = """
            namespace FastEndpoints
            {
                public abstract class Endpoint<TRequest, TResponse> { }
            }

            public sealed class CreateOrder : FastEndpoints.Endpoint<string, int>
            {
                private static int [|created|];
                public int Handle() => created++;
            }
            """,
        GlobalConfig = """
            is_global = true
            stateless_analyzers.handler_base_types = FastEndpoints.Endpoint`2, ServiceStack.Service
            """,
    }.RunAsync();

    [Fact]
    public Task Ignores_ConstReadonlySafeAndNeverMutatedCollections() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Collections.Frozen;
        using System.Collections.ObjectModel;
        using System.Diagnostics;
        using System.Diagnostics.Metrics;
        using System.Globalization;
        using System.Net.Http;
        using System.Text;
        using System.Text.Json;
        using System.Text.RegularExpressions;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;
        using Microsoft.Extensions.Options;

        public enum Mode { A, B }

        public sealed class SafeController : ControllerBase
        {
            private const int PageSize = 20;
            private static readonly HttpClient Client = new();
            private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
            private static readonly Regex Sku = new("^[A-Z]{3}$");
            private static readonly ActivitySource Source = new("Shop");
            private static readonly Meter Meter = new("Shop");
            private static readonly Counter<long> Orders = Meter.CreateCounter<long>("orders");
            private static readonly ILogger? Logger = null;
            private static readonly IOptions<JsonSerializerOptions>? Options = null;
            private static readonly Lazy<HttpClient> LazyClient = new(() => new HttpClient());
            private static readonly Func<int, int> Double = x => x * 2;
            private static readonly Type Self = typeof(SafeController);
            private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
            private static readonly Encoding Utf8 = Encoding.UTF8;
            private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
            private static readonly Guid Id = Guid.NewGuid();
            private static readonly string Name = "shop";
            private static readonly Mode DefaultMode = Mode.A;
            private static readonly string[] AllowedExtensions = { ".png", ".jpg" };
            private static readonly Dictionary<string, string> Aliases = new() { ["a"] = "b" };
            private static readonly ImmutableArray<int> Sizes = ImmutableArray.Create(1, 2);
            private static readonly ImmutableDictionary<string, int> Limits = ImmutableDictionary<string, int>.Empty;
            private static readonly FrozenSet<string> Frozen = new[] { "x" }.ToFrozenSet();
            private static readonly ReadOnlyCollection<int> ReadOnly = new List<int> { 1 }.AsReadOnly();
            private static readonly object Gate = new();
            private static int Width { get; } = 3;
            private static string Prefix = "v1";

            public string Get(string key)
            {
                Orders.Add(1);
                lock (Gate)
                {
                    return Aliases.TryGetValue(key, out var value) && AllowedExtensions.Length > 0 ? value + Prefix + Width : key;
                }
            }
        }
        """);

    [Fact]
    public Task Ignores_AsyncLocalAndQueueTypes() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Channels;
        using Microsoft.AspNetCore.Mvc;

        public sealed class JobsController : ControllerBase
        {
            private static AsyncLocal<string> Tenant = new();
            private static readonly Channel<string> Jobs = Channel.CreateUnbounded<string>();
            private static readonly ConcurrentQueue<string> Pending = new();
            private static readonly Queue<string> Local = new();
            private static readonly ConcurrentBag<string> Bag = new();

            public void Post(string job)
            {
                Tenant.Value = job;
                Pending.Enqueue(job);
                Local.Enqueue(job);
                Bag.Add(job);
                Jobs.Writer.TryWrite(job);
            }
        }
        """);

    [Fact]
    public Task Ignores_WritesDuringTypeInitialization() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using Microsoft.AspNetCore.Mvc;

        public sealed class SetupController : ControllerBase
        {
            private static HttpClient client;
            private static readonly Dictionary<string, int> Codes = new();

            static SetupController()
            {
                client = new HttpClient();
                Codes.Add("ok", 200);
                Codes["missing"] = 404;
            }

            public int Get(string name) => Codes[name] + (client is null ? 0 : 1);
        }
        """);

    [Fact]
    public Task Ignores_NonHandlerTypesInstanceStateAndNonController() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        public static class Registry
        {
            public static List<string> Names = new();
        }

        public sealed class OrdersService
        {
            private static int count;
            public void Hit() => count++;
        }

        [NonController]
        public sealed class HelperController
        {
            private static int hits;
            public void Hit() => hits++;
        }

        internal sealed class InternalController
        {
            private static int hits;
            public void Hit() => hits++;
        }

        public abstract class AbstractController
        {
            private static int hits;
            public void Hit() => hits++;
        }

        public sealed class ItemsController : ControllerBase
        {
            private int instanceCount;
            private readonly List<string> perRequest = new();
            public void Hit() { instanceCount++; perRequest.Add("x"); }
        }
        """);

    [Fact]
    public Task Ignores_PropertiesWithoutStorageAndCompilerGeneratedMembers() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        public sealed class ComputedController : ControllerBase
        {
            private static readonly int[] Values = { 1, 2 };
            public static int Total => Values.Length;
            public static string Name { get => "n"; set { } }
        }
        """);

    [Fact]
    public Task Ignores_NonWebProject() => new Verify.Test
    {
        TestCode = """
            public sealed class OrdersController
            {
                private static int served;
                public int Get() => ++served;
            }
            """,
        References = ReferenceSet.NetCore,
    }.RunAsync();

    [Fact]
    public Task Ignores_TestProjectUnlessReportInTests() => new Verify.Test
    {
        TestCode = """
            namespace Xunit { public sealed class FactAttribute : System.Attribute { } }

            public sealed class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                private static int served;
                public int Get() => ++served;
            }
            """,
    }.RunAsync();

    [Fact]
    public Task Options_ReportInTestsTurnsTheRuleOnInTestProjects() => new Verify.Test
    {
        TestCode = """
            namespace Xunit { public sealed class FactAttribute : System.Attribute { } }

            public sealed class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                private static int [|served|];
                public int Get() => ++served;
            }
            """,
        GlobalConfig = """
            is_global = true
            stateless_analyzers.report_in_tests = TRUE
            """,
    }.RunAsync();

    [Fact]
    public Task Options_SafeTypesAddsTypes() => new Verify.Test
    {
        TestCode = """
            namespace Shop
            {
                public sealed class PriceTable { }

                public sealed class PricesController : Microsoft.AspNetCore.Mvc.ControllerBase
                {
                    private static PriceTable table = new();
                    private static System.Uri? [|origin|];

                    public PriceTable Get() { origin = new System.Uri("https://example.com"); return table; }
                }
            }
            """,
        GlobalConfig = """
            is_global = true
            stateless_analyzers.safe_types = Shop.PriceTable
            """,
    }.RunAsync();

    [Fact]
    public Task Ignores_BrokenCode() => new Verify.Test
    {
        TestCode = """
            using Microsoft.AspNetCore.Mvc;

            public sealed class BrokenController : ControllerBase
            {
                private static MissingType state;
                private static readonly List<int> items = new();
                private static int [|count|];

                public void Hit()
                {
                    state.Add(1);
                    count++;
                    items.Add(
                }
            }
            """,
        AllowCompilerErrors = true,
    }.RunAsync();

    [Fact]
    public Task Ignores_StaticsDeclaredInTheGeneratedPartOfAPartialController() => new Verify.Test
    {
        // The class's members are read from its own part; those declared in its generated part are not reported.
        TestCode = """
            using Microsoft.AspNetCore.Mvc;

            public sealed partial class OrdersController : ControllerBase
            {
                private static int {|#0:served|};

                public int Get() => ++served + ++generatedCount;
            }
            """,
        AdditionalSources =
        {
            ("OrdersController.g.cs", """
                public sealed partial class OrdersController
                {
                    private static int generatedCount;
                    private static System.Collections.Generic.List<int> generatedList = new();
                }
                """),
        },
        ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("served", "OrdersController") },
    }.RunAsync();
}
