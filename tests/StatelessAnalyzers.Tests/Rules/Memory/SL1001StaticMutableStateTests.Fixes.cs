using StatelessAnalyzers.CodeFixes.Rules.Memory;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpCodeFixVerifier<
    StatelessAnalyzers.Rules.Memory.SL1001StaticMutableStateAnalyzer,
    StatelessAnalyzers.CodeFixes.Rules.Memory.SL1001StoreInDistributedCacheCodeFix>;

namespace StatelessAnalyzers.Tests.Rules.Memory;

public sealed partial class SL1001StaticMutableStateTests
{
    [Fact]
    public Task Fix_NoConstructorBlockNamespace() => Verify.VerifyCodeFixAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop
        {
            public sealed class Cart
            {
                public List<string> Items { get; set; } = new();
            }

            [ApiController]
            public sealed class CartController : ControllerBase
            {
                private static readonly Dictionary<string, Cart> {|SL1001:Carts|} = new();

                [HttpGet("{user}")]
                public ActionResult<Cart> Get(string user)
                {
                    if (!Carts.TryGetValue(user, out var cart))
                        return NotFound();
                    return cart;
                }

                [HttpPut("{user}")]
                public void Put(string user, Cart cart) => Carts[user] = cart;

                [HttpDelete("{user}")]
                public IActionResult Delete(string user)
                {
                    if (!Carts.ContainsKey(user))
                        return NotFound();
                    Carts.Remove(user);
                    return NoContent();
                }
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Distributed;

        namespace Shop
        {
            public sealed class Cart
            {
                public List<string> Items { get; set; } = new();
            }

            [ApiController]
            public sealed class CartController : ControllerBase
            {
                private readonly IDistributedCache _cache;

                public CartController(IDistributedCache cache)
                {
                    _cache = cache;
                }

                [HttpGet("{user}")]
                public async Task<ActionResult<Cart>> Get(string user)
                {
                    if (await GetCartsAsync(user) is not { } cart)
                        return NotFound();
                    return cart;
                }

                [HttpPut("{user}")]
                public async Task Put(string user, Cart cart) => await SetCartsAsync(user, cart);

                [HttpDelete("{user}")]
                public async Task<IActionResult> Delete(string user)
                {
                    if (await GetCartsAsync(user) is null)
                        return NotFound();
                    await RemoveCartsAsync(user);
                    return NoContent();
                }

                private async Task<Cart?> GetCartsAsync(string key, CancellationToken cancellationToken = default)
                {
                    var json = await _cache.GetStringAsync($"Carts:{key}", cancellationToken);
                    return json is null ? null : JsonSerializer.Deserialize<Cart>(json);
                }

                private Task SetCartsAsync(string key, Cart value, CancellationToken cancellationToken = default) =>
                    _cache.SetStringAsync($"Carts:{key}", JsonSerializer.Serialize(value), cancellationToken);

                private Task RemoveCartsAsync(string key, CancellationToken cancellationToken = default) =>
                    _cache.RemoveAsync($"Carts:{key}", cancellationToken);
            }
        }
        """);

    [Fact]
    public Task Fix_PrimaryConstructorFileScopedNamespaceTypeQualifiedUses() => Verify.VerifyCodeFixAsync("""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        namespace Shop;

        public sealed record Cart(string Owner, int Lines);

        [ApiController]
        public sealed class CartController(ILogger<CartController> logger) : ControllerBase
        {
            private static Dictionary<string, Cart> {|SL1001:carts|} = new Dictionary<string, Cart>();

            [HttpGet("{user}")]
            public async Task<ActionResult<Cart>> Get(string user, CancellationToken cancellationToken)
            {
                await Task.Yield();
                logger.LogInformation("Reading {User}", user);
                return CartController.carts.TryGetValue(user, out var cart) ? cart : NotFound();
            }

            [HttpPost("{user}")]
            public async Task Post(string user, Cart cart, CancellationToken cancellationToken)
            {
                await Task.Yield();
                CartController.carts[user] = cart;
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.Logging;

        namespace Shop;

        public sealed record Cart(string Owner, int Lines);

        [ApiController]
        public sealed class CartController(ILogger<CartController> logger, IDistributedCache cache) : ControllerBase
        {
            [HttpGet("{user}")]
            public async Task<ActionResult<Cart>> Get(string user, CancellationToken cancellationToken)
            {
                await Task.Yield();
                logger.LogInformation("Reading {User}", user);
                return await GetCartsAsync(user, cancellationToken) is { } cart ? cart : NotFound();
            }

            [HttpPost("{user}")]
            public async Task Post(string user, Cart cart, CancellationToken cancellationToken)
            {
                await Task.Yield();
                await SetCartsAsync(user, cart, cancellationToken);
            }

            private async Task<Cart?> GetCartsAsync(string key, CancellationToken cancellationToken = default)
            {
                var json = await cache.GetStringAsync($"Carts:{key}", cancellationToken);
                return json is null ? null : JsonSerializer.Deserialize<Cart>(json);
            }

            private Task SetCartsAsync(string key, Cart value, CancellationToken cancellationToken = default) =>
                cache.SetStringAsync($"Carts:{key}", JsonSerializer.Serialize(value), cancellationToken);
        }
        """);

    [Fact]
    public Task Fix_ExistingConstructorWithOtherDependencies() => Verify.VerifyCodeFixAsync("""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        namespace Shop;

        public sealed class Cart
        {
            public string Id { get; set; } = "";
            public List<string> Lines { get; } = new();
        }

        [ApiController]
        [Route("api/carts")]
        public sealed class CartController : ControllerBase
        {
            // The carts of every user.
            private static readonly Dictionary<string, Cart> {|SL1001:Carts|} = new();

            private readonly ILogger<CartController> _logger;

            public CartController(ILogger<CartController> logger)
            {
                _logger = logger;
            }

            [HttpPost("{cartId}/items")]
            public async Task<ActionResult<Cart>> AddItem(string cartId, string sku, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken);
                if (!Carts.TryGetValue(cartId, out var cart))
                    cart = new Cart { Id = cartId };

                cart.Lines.Add(sku);
                Carts[cartId] = cart;
                return cart;
            }

            [HttpPost("{cartId}/checkout")]
            public async Task<IActionResult> Checkout(string cartId, CancellationToken cancellationToken)
            {
                if (!Carts.TryGetValue(cartId, out var cart) || cart.Lines.Count == 0)
                    return BadRequest("The cart is empty.");
                _logger.LogInformation("Checkout of {Count} lines", cart.Lines.Count);
                await Task.Delay(1, cancellationToken);
                Carts.Remove(cartId);
                return NoContent();
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.Logging;

        namespace Shop;

        public sealed class Cart
        {
            public string Id { get; set; } = "";
            public List<string> Lines { get; } = new();
        }

        [ApiController]
        [Route("api/carts")]
        public sealed class CartController : ControllerBase
        {
            private readonly ILogger<CartController> _logger;
            private readonly IDistributedCache _cache;

            public CartController(ILogger<CartController> logger, IDistributedCache cache)
            {
                _logger = logger;
                _cache = cache;
            }

            [HttpPost("{cartId}/items")]
            public async Task<ActionResult<Cart>> AddItem(string cartId, string sku, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken);
                if (await GetCartsAsync(cartId, cancellationToken) is not { } cart)
                    cart = new Cart { Id = cartId };

                cart.Lines.Add(sku);
                await SetCartsAsync(cartId, cart, cancellationToken);
                return cart;
            }

            [HttpPost("{cartId}/checkout")]
            public async Task<IActionResult> Checkout(string cartId, CancellationToken cancellationToken)
            {
                if (await GetCartsAsync(cartId, cancellationToken) is not { } cart || cart.Lines.Count == 0)
                    return BadRequest("The cart is empty.");
                _logger.LogInformation("Checkout of {Count} lines", cart.Lines.Count);
                await Task.Delay(1, cancellationToken);
                await RemoveCartsAsync(cartId, cancellationToken);
                return NoContent();
            }

            private async Task<Cart?> GetCartsAsync(string key, CancellationToken cancellationToken = default)
            {
                var json = await _cache.GetStringAsync($"Carts:{key}", cancellationToken);
                return json is null ? null : JsonSerializer.Deserialize<Cart>(json);
            }

            private Task SetCartsAsync(string key, Cart value, CancellationToken cancellationToken = default) =>
                _cache.SetStringAsync($"Carts:{key}", JsonSerializer.Serialize(value), cancellationToken);

            private Task RemoveCartsAsync(string key, CancellationToken cancellationToken = default) =>
                _cache.RemoveAsync($"Carts:{key}", cancellationToken);
        }
        """);

    [Fact]
    public Task Fix_ReusesInjectedCacheAndThisStyle() => Verify.VerifyCodeFixAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Distributed;

        namespace Shop;

        public sealed class QuoteController : ControllerBase
        {
            private static readonly Dictionary<Guid, int> {|SL1001:Quotes|} = new();
            private readonly IDistributedCache cache;

            public QuoteController(IDistributedCache cache) => this.cache = cache;

            [HttpGet("{id}")]
            public int Get(Guid id) => Quotes[id];

            [HttpPost("{id}")]
            public async Task<int> Bump(Guid id)
            {
                Quotes.TryGetValue(id, out var current);
                await Task.Yield();
                Quotes[id] = current + 1;
                return current + 1;
            }
        }
        """, """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Distributed;

        namespace Shop;

        public sealed class QuoteController : ControllerBase
        {
            private readonly IDistributedCache cache;

            public QuoteController(IDistributedCache cache) => this.cache = cache;

            [HttpGet("{id}")]
            public async Task<int> Get(Guid id) => (await GetQuotesAsync(id)).GetValueOrDefault();

            [HttpPost("{id}")]
            public async Task<int> Bump(Guid id)
            {
                var current = (await GetQuotesAsync(id)).GetValueOrDefault();
                await Task.Yield();
                await SetQuotesAsync(id, current + 1);
                return current + 1;
            }

            private async Task<int?> GetQuotesAsync(Guid key, CancellationToken cancellationToken = default)
            {
                var json = await this.cache.GetStringAsync($"Quotes:{key}", cancellationToken);
                return json is null ? null : JsonSerializer.Deserialize<int>(json);
            }

            private Task SetQuotesAsync(Guid key, int value, CancellationToken cancellationToken = default) =>
                this.cache.SetStringAsync($"Quotes:{key}", JsonSerializer.Serialize(value), cancellationToken);
        }
        """);

    [Fact]
    public Task Fix_ConcurrentDictionaryGetOrAddAddOrUpdateWithIntKeys() => Verify.VerifyCodeFixAsync("""
        using System.Collections.Concurrent;
        using Microsoft.AspNetCore.Mvc;

        public sealed class Counter
        {
            public int Value { get; set; }
        }

        public sealed class CounterController : ControllerBase
        {
            private static readonly ConcurrentDictionary<int, Counter> {|SL1001:_counters|} = new();

            [HttpGet("{id}")]
            public Counter Get(int id) => _counters.GetOrAdd(id, _ => new Counter());

            [HttpPost("{id}")]
            public int Increment(int id)
            {
                var counter = _counters.AddOrUpdate(id, new Counter { Value = 1 }, (_, old) => new Counter { Value = old.Value + 1 });
                return counter.Value;
            }

            [HttpPut("{id}")]
            public IActionResult Create(int id) => _counters.TryAdd(id, new Counter()) ? Ok() : Conflict();
        }
        """, """
        using System;
        using System.Collections.Concurrent;
        using System.Globalization;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Distributed;

        public sealed class Counter
        {
            public int Value { get; set; }
        }

        public sealed class CounterController : ControllerBase
        {
            private readonly IDistributedCache _cache;

            public CounterController(IDistributedCache cache)
            {
                _cache = cache;
            }

            [HttpGet("{id}")]
            public async Task<Counter> Get(int id) => await GetOrAddCountersAsync(id, _ => new Counter());

            [HttpPost("{id}")]
            public async Task<int> Increment(int id)
            {
                var counter = await AddOrUpdateCountersAsync(id, new Counter { Value = 1 }, (_, old) => new Counter { Value = old.Value + 1 });
                return counter.Value;
            }

            [HttpPut("{id}")]
            public async Task<IActionResult> Create(int id) => await TryAddCountersAsync(id, new Counter()) ? Ok() : Conflict();

            private async Task<Counter?> GetCountersAsync(int key, CancellationToken cancellationToken = default)
            {
                var json = await _cache.GetStringAsync("Counters:" + key.ToString(CultureInfo.InvariantCulture), cancellationToken);
                return json is null ? null : JsonSerializer.Deserialize<Counter>(json);
            }

            private Task SetCountersAsync(int key, Counter value, CancellationToken cancellationToken = default) =>
                _cache.SetStringAsync("Counters:" + key.ToString(CultureInfo.InvariantCulture), JsonSerializer.Serialize(value), cancellationToken);

            private async Task<bool> TryAddCountersAsync(int key, Counter value, CancellationToken cancellationToken = default)
            {
                if (await GetCountersAsync(key, cancellationToken) is not null)
                    return false;
                await SetCountersAsync(key, value, cancellationToken);
                return true;
            }

            private async Task<Counter> GetOrAddCountersAsync(int key, Func<int, Counter> valueFactory, CancellationToken cancellationToken = default)
            {
                if (await GetCountersAsync(key, cancellationToken) is { } existing)
                    return existing;
                var value = valueFactory(key);
                await SetCountersAsync(key, value, cancellationToken);
                return value;
            }

            private async Task<Counter> AddOrUpdateCountersAsync(int key, Counter addValue, Func<int, Counter, Counter> updateValueFactory, CancellationToken cancellationToken = default)
            {
                var value = await GetCountersAsync(key, cancellationToken) is { } existing ? updateValueFactory(key, existing) : addValue;
                await SetCountersAsync(key, value, cancellationToken);
                return value;
            }
        }
        """);

    [Fact]
    public Task FixAll_TwoFieldsOfOneControllerShareTheCache() => Verify.VerifyCodeFixAsync("""
        using System;
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        public sealed class OrdersController : ControllerBase
        {
            private static readonly Dictionary<Guid, string> {|SL1001:Orders|} = new();
            private static readonly Dictionary<string, int> {|SL1001:Counts|} = new();

            [HttpPost]
            public void Place(Guid id, string customer)
            {
                Orders[id] = customer;
                Counts[customer] = Counts.ContainsKey(customer) ? Counts[customer] + 1 : 1;
            }
        }
        """, """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Distributed;

        public sealed class OrdersController : ControllerBase
        {
            private readonly IDistributedCache _cache;

            public OrdersController(IDistributedCache cache)
            {
                _cache = cache;
            }

            [HttpPost]
            public async Task Place(Guid id, string customer)
            {
                await SetOrdersAsync(id, customer);
                await SetCountsAsync(customer, await GetCountsAsync(customer) is not null ? (await GetCountsAsync(customer)).GetValueOrDefault() + 1 : 1);
            }

            private Task SetOrdersAsync(Guid key, string value, CancellationToken cancellationToken = default) =>
                _cache.SetStringAsync($"Orders:{key}", JsonSerializer.Serialize(value), cancellationToken);

            private async Task<int?> GetCountsAsync(string key, CancellationToken cancellationToken = default)
            {
                var json = await _cache.GetStringAsync($"Counts:{key}", cancellationToken);
                return json is null ? null : JsonSerializer.Deserialize<int>(json);
            }

            private Task SetCountsAsync(string key, int value, CancellationToken cancellationToken = default) =>
                _cache.SetStringAsync($"Counts:{key}", JsonSerializer.Serialize(value), cancellationToken);
        }
        """);

    [Fact]
    public Task FixAll_TwoControllersInTwoFiles() => new Verify.Test
    {
        TestCode = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Mvc;

            public sealed class NotesController : ControllerBase
            {
                private static readonly Dictionary<string, string> {|SL1001:Notes|} = new();

                [HttpGet("{id}")]
                public string? Get(string id) => Notes.TryGetValue(id, out var note) ? note : null;

                [HttpPut("{id}")]
                public void Put(string id, string note) => Notes[id] = note;
            }
            """,
        AdditionalSources =
        {
            ("Tags.cs", """
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Mvc;

                public sealed class TagsController : ControllerBase
                {
                    private static readonly Dictionary<int, string> {|SL1001:Tags|} = new();

                    [HttpDelete("{id}")]
                    public void Delete(int id) => Tags.Remove(id);
                }
                """),
        },
        FixedCode = """
            using System.Collections.Generic;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Caching.Distributed;

            public sealed class NotesController : ControllerBase
            {
                private readonly IDistributedCache _cache;

                public NotesController(IDistributedCache cache)
                {
                    _cache = cache;
                }

                [HttpGet("{id}")]
                public async Task<string?> Get(string id) => await GetNotesAsync(id) is { } note ? note : null;

                [HttpPut("{id}")]
                public async Task Put(string id, string note) => await SetNotesAsync(id, note);

                private async Task<string?> GetNotesAsync(string key, CancellationToken cancellationToken = default)
                {
                    var json = await _cache.GetStringAsync($"Notes:{key}", cancellationToken);
                    return json is null ? null : JsonSerializer.Deserialize<string>(json);
                }

                private Task SetNotesAsync(string key, string value, CancellationToken cancellationToken = default) =>
                    _cache.SetStringAsync($"Notes:{key}", JsonSerializer.Serialize(value), cancellationToken);
            }
            """,
        FixedAdditionalSources =
        {
            ("Tags.cs", """
                using System.Collections.Generic;
                using System.Globalization;
                using System.Text.Json;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.Caching.Distributed;

                public sealed class TagsController : ControllerBase
                {
                    private readonly IDistributedCache _cache;

                    public TagsController(IDistributedCache cache)
                    {
                        _cache = cache;
                    }

                    [HttpDelete("{id}")]
                    public async Task Delete(int id) => await RemoveTagsAsync(id);

                    private Task RemoveTagsAsync(int key, CancellationToken cancellationToken = default) =>
                        _cache.RemoveAsync("Tags:" + key.ToString(CultureInfo.InvariantCulture), cancellationToken);
                }
                """),
        },
    }.RunAsync();

    [Theory]
    [InlineData("_ = Carts.Count;")]
    [InlineData("_ = Carts.Keys;")]
    [InlineData("_ = Carts.Values;")]
    [InlineData("Carts.Clear();")]
    [InlineData("foreach (var pair in Carts) { }")]
    [InlineData("_ = Carts.Where(p => p.Key == user).ToList();")]
    [InlineData("Consume(Carts);")]
    [InlineData("Carts.Add(user, item);")]
    [InlineData("_ = Carts.Remove(user);")]
    [InlineData("Carts[user] += item;")]
    [InlineData("Carts = new();")]
    [InlineData("Action a = () => Carts[user] = item;")]
    [InlineData("lock (Gate) { Carts[user] = item; }")]
    public Task NoFix_UseThatDoesNotMapToTheCache(string statement) => VerifyNoFix($$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.AspNetCore.Mvc;

        public sealed class CartController : ControllerBase
        {
            private static readonly object Gate = new();
            private static Dictionary<string, string> {|SL1001:Carts|} = new();

            [HttpPost]
            public void Post(string user, string item)
            {
                Carts[user] = item;
                {{statement}}
            }

            private static void Consume(object value) { }
        }
        """);

    [Fact]
    public Task NoFix_UseOutsideTheType() => VerifyNoFix("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        public sealed class CartController : ControllerBase
        {
            internal static readonly Dictionary<string, string> {|SL1001:Carts|} = new();

            [HttpPost]
            public void Post(string user, string item) => Carts[user] = item;
        }

        public static class CartReport
        {
            public static string? Find(string user) => CartController.Carts.TryGetValue(user, out var item) ? item : null;
        }
        """);

    [Theory]
    [InlineData("private void Helper(string user, string item) => Carts[user] = item;")]
    [InlineData("public CartController() { Carts[\"seed\"] = \"\"; }")]
    [InlineData("public string? Last => Carts.TryGetValue(\"last\", out var item) ? item : null;")]
    [InlineData("public static void Put(string user, string item) => Carts[user] = item;")]
    [InlineData("public Task<string> Find(string user) => Task.FromResult(Carts[user]);")]
    [InlineData("public override string ToString() => Carts[\"x\"];")]
    [InlineData("[NonAction] public void Put(string user, string item) => Carts[user] = item;")]
    [InlineData("public void Put(string user, string item) => Carts[user] = item; public void Twice(string user) => Put(user, user);")]
    public Task NoFix_UseInAMethodThatCannotBecomeAsync(string member) => VerifyNoFix($$"""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public sealed class CartController : ControllerBase
        {
            private static readonly Dictionary<string, string> {|SL1001:Carts|} = new();

            [HttpPost]
            public void Post(string user, string item) => Carts[user] = item;

            {{member}}
        }
        """);

    [Theory]
    [InlineData("long")]
    [InlineData("object")]
    [InlineData("System.DateTime")]
    public Task NoFix_KeyTypeOtherThanStringGuidInt(string keyType) => VerifyNoFix($$"""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        public sealed class CartController : ControllerBase
        {
            private static readonly Dictionary<{{keyType}}, string> {|SL1001:Carts|} = new();

            [HttpPost]
            public void Post({{keyType}} user, string item) => Carts[user] = item;
        }
        """);

    [Theory]
    [InlineData("Dictionary<string, Action>", "() => { }")]
    [InlineData("Dictionary<string, object>", "new object()")]
    [InlineData("Dictionary<string, int?>", "1")]
    public Task NoFix_ValueThatDoesNotSerialize(string type, string value) => VerifyNoFix($$"""
        using System;
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        public sealed class CartController : ControllerBase
        {
            private static readonly {{type}} {|SL1001:Carts|} = new();

            [HttpPost]
            public void Post(string user) => Carts[user] = {{value}};
        }
        """);

    [Fact]
    public Task NoFix_SeveralConstructors() => VerifyNoFix("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        public sealed class CartController : ControllerBase
        {
            private static readonly Dictionary<string, string> {|SL1001:Carts|} = new();
            private readonly ILogger? _logger;

            public CartController() { }

            public CartController(ILogger<CartController> logger) => _logger = logger;

            [HttpPost]
            public void Post(string user, string item) => Carts[user] = item;
        }
        """);

    [Fact]
    public Task NoFix_SeededDictionary() => VerifyNoFix("""
        using System;
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        public sealed class CartController : ControllerBase
        {
            private static readonly Dictionary<string, string> {|SL1001:Carts|} = new(StringComparer.OrdinalIgnoreCase);

            [HttpPost]
            public void Post(string user, string item) => Carts[user] = item;
        }
        """);

    private static Task VerifyNoFix(string source) => Verify.VerifyCodeFixAsync(source, source);
}
