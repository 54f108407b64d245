using StatelessAnalyzers.CodeFixes.Rules.Infrastructure;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpCodeFixVerifier<StatelessAnalyzers.Rules.Infrastructure.SL2003InProcessCacheAnalyzer, StatelessAnalyzers.CodeFixes.Rules.Infrastructure.SL2003UseDistributedCacheCodeFix>;

namespace StatelessAnalyzers.Tests.Rules.Infrastructure;

public sealed partial class SL2003InProcessCacheTests
{
    [Fact]
    public Task Fix_BlockNamespaceControllerWithLoggerTryGetValueAndSetTimeSpan() => Verify.VerifyCodeFixAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Memory;
        using Microsoft.Extensions.Logging;

        namespace Shop.Controllers
        {
            public sealed record Product(string Sku, string Name, decimal Price);

            [ApiController]
            [Route("api/products")]
            public sealed class ProductsController : ControllerBase
            {
                private readonly IMemoryCache [|_cache|];
                private readonly ILogger<ProductsController> _logger;

                public ProductsController(IMemoryCache cache, ILogger<ProductsController> logger)
                {
                    _cache = cache;
                    _logger = logger;
                }

                [HttpGet("{sku}")]
                public async Task<ActionResult<Product>> Get(string sku, CancellationToken cancellationToken)
                {
                    // Served from the cache when another request loaded it recently.
                    if (_cache.TryGetValue($"product:{sku}", out Product? cached))
                    {
                        _logger.LogDebug("Cache hit for {Sku}", sku);
                        return cached!;
                    }

                    var product = await LoadAsync(sku, cancellationToken);
                    _cache.Set($"product:{sku}", product, TimeSpan.FromMinutes(5));
                    return product;
                }

                [HttpDelete("{sku}")]
                public async Task<IActionResult> Delete(string sku, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    _cache.Remove($"product:{sku}");
                    return NoContent();
                }

                private static Task<Product> LoadAsync(string sku, CancellationToken cancellationToken) =>
                    Task.FromResult(new Product(sku, "Widget", 9.99m));
            }
        }
        """, """
        using System;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.Logging;

        namespace Shop.Controllers
        {
            public sealed record Product(string Sku, string Name, decimal Price);

            [ApiController]
            [Route("api/products")]
            public sealed class ProductsController : ControllerBase
            {
                private readonly IDistributedCache _cache;
                private readonly ILogger<ProductsController> _logger;

                public ProductsController(IDistributedCache cache, ILogger<ProductsController> logger)
                {
                    _cache = cache;
                    _logger = logger;
                }

                [HttpGet("{sku}")]
                public async Task<ActionResult<Product>> Get(string sku, CancellationToken cancellationToken)
                {
                    // Served from the cache when another request loaded it recently.
                    var cachedJson = await _cache.GetStringAsync($"product:{sku}", cancellationToken);
                    Product? cached = cachedJson is null ? default : JsonSerializer.Deserialize<Product>(cachedJson);
                    if (cachedJson is not null)
                    {
                        _logger.LogDebug("Cache hit for {Sku}", sku);
                        return cached!;
                    }

                    var product = await LoadAsync(sku, cancellationToken);
                    await _cache.SetStringAsync($"product:{sku}", JsonSerializer.Serialize(product), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5) }, cancellationToken);
                    return product;
                }

                [HttpDelete("{sku}")]
                public async Task<IActionResult> Delete(string sku, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    await _cache.RemoveAsync($"product:{sku}", cancellationToken);
                    return NoContent();
                }

                private static Task<Product> LoadAsync(string sku, CancellationToken cancellationToken) =>
                    Task.FromResult(new Product(sku, "Widget", 9.99m));
            }
        }
        """);

    [Fact]
    public Task Fix_PrimaryConstructorFileScopedGetOrCreateAsync() => Verify.VerifyCodeFixAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Memory;

        namespace Shop.Controllers;

        public sealed record Order(int Id, decimal Total);

        public interface IOrderRepository
        {
            Task<List<Order>> GetRecentAsync(string customerId, CancellationToken cancellationToken);
        }

        [ApiController]
        [Route("api/customers/{customerId}/orders")]
        public sealed class OrdersController(IMemoryCache [|cache|], IOrderRepository repository) : ControllerBase
        {
            [HttpGet]
            public async Task<ActionResult<List<Order>>> GetRecent(string customerId, CancellationToken cancellationToken)
            {
                var orders = await cache.GetOrCreateAsync($"orders:{customerId}", async entry =>
                {
                    entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(2);
                    var recent = await repository.GetRecentAsync(customerId, cancellationToken);
                    return recent;
                });
                return Ok(orders);
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

        namespace Shop.Controllers;

        public sealed record Order(int Id, decimal Total);

        public interface IOrderRepository
        {
            Task<List<Order>> GetRecentAsync(string customerId, CancellationToken cancellationToken);
        }

        [ApiController]
        [Route("api/customers/{customerId}/orders")]
        public sealed class OrdersController(IDistributedCache cache, IOrderRepository repository) : ControllerBase
        {
            [HttpGet]
            public async Task<ActionResult<List<Order>>> GetRecent(string customerId, CancellationToken cancellationToken)
            {
                var ordersJson = await cache.GetStringAsync($"orders:{customerId}", cancellationToken);
                List<Order>? orders;
                if (ordersJson is not null)
                {
                    orders = JsonSerializer.Deserialize<List<Order>>(ordersJson);
                }
                else
                {
                    var recent = await repository.GetRecentAsync(customerId, cancellationToken);
                    orders = recent;
                    await cache.SetStringAsync($"orders:{customerId}", JsonSerializer.Serialize(orders), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(2) }, cancellationToken);
                }
                return Ok(orders);
            }
        }
        """);

    [Fact]
    public Task Fix_ThisQualifiedUsesInExpressionBodiedMembers() => Verify.VerifyCodeFixAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Memory;

        namespace Shop.Controllers
        {
            public sealed class Banner
            {
                public string Text { get; set; } = "";
            }

            [ApiController]
            [Route("api/banners")]
            public sealed class BannersController : ControllerBase
            {
                private readonly IMemoryCache [|_cache|];

                public BannersController(IMemoryCache cache) => this._cache = cache;

                [HttpGet("{slot}")]
                public async Task<IActionResult> Get(string slot) => Ok(this._cache.Get<Banner>("banner:" + slot));

                [HttpPut("{slot}")]
                public async Task Put(string slot, Banner banner, CancellationToken cancellationToken) =>
                    this._cache.Set("banner:" + slot, banner, DateTimeOffset.UtcNow.AddHours(1));

                [HttpHead("{slot}")]
                public async Task<bool> Exists(string slot, CancellationToken cancellationToken) => this._cache.TryGetValue<Banner>("banner:" + slot, out _);
            }
        }
        """, """
        using System;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Distributed;

        namespace Shop.Controllers
        {
            public sealed class Banner
            {
                public string Text { get; set; } = "";
            }

            [ApiController]
            [Route("api/banners")]
            public sealed class BannersController : ControllerBase
            {
                private readonly IDistributedCache _cache;

                public BannersController(IDistributedCache cache) => this._cache = cache;

                [HttpGet("{slot}")]
                public async Task<IActionResult> Get(string slot) => Ok(await this._cache.GetStringAsync("banner:" + slot, HttpContext.RequestAborted) is { } json ? JsonSerializer.Deserialize<Banner>(json) : default);

                [HttpPut("{slot}")]
                public async Task Put(string slot, Banner banner, CancellationToken cancellationToken) =>
                    await this._cache.SetStringAsync("banner:" + slot, JsonSerializer.Serialize(banner), new DistributedCacheEntryOptions { AbsoluteExpiration = DateTimeOffset.UtcNow.AddHours(1) }, cancellationToken);

                [HttpHead("{slot}")]
                public async Task<bool> Exists(string slot, CancellationToken cancellationToken) => await this._cache.GetStringAsync("banner:" + slot, cancellationToken) is not null;
            }
        }
        """);

    [Fact]
    public Task Fix_SingletonServiceWithEntryOptions() => new Verify.Test
    {
        TestCode = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Caching.Memory;

            namespace Shop.Services;

            public sealed class PriceService
            {
                private readonly IMemoryCache [|_cache|];

                public PriceService(IMemoryCache cache) => _cache = cache ?? throw new ArgumentNullException(nameof(cache));

                public async Task<decimal> GetPriceAsync(string sku, CancellationToken cancellationToken = default)
                {
                    if (!_cache.TryGetValue<decimal>("price:" + sku, out var price))
                    {
                        price = await FetchAsync(sku, cancellationToken);
                        _cache.Set("price:" + sku, price, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) });
                    }

                    return price;
                }

                public async Task OverrideAsync(string sku, decimal price)
                {
                    await Task.Yield();
                    _cache.Set("price:" + sku, price, new MemoryCacheEntryOptions
                    {
                        AbsoluteExpiration = DateTimeOffset.UtcNow.AddHours(1),
                        SlidingExpiration = TimeSpan.FromMinutes(5),
                    });
                }

                private static Task<decimal> FetchAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(10m);
            }
            """,
        AdditionalSources = { ("Program.cs", ProgramRegisteringPriceService) },
        FixedCode = """
            using System;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Caching.Distributed;

            namespace Shop.Services;

            public sealed class PriceService
            {
                private readonly IDistributedCache _cache;

                public PriceService(IDistributedCache cache) => _cache = cache ?? throw new ArgumentNullException(nameof(cache));

                public async Task<decimal> GetPriceAsync(string sku, CancellationToken cancellationToken = default)
                {
                    var priceJson = await _cache.GetStringAsync("price:" + sku, cancellationToken);
                    var price = priceJson is null ? default : JsonSerializer.Deserialize<decimal>(priceJson);
                    if (priceJson is null)
                    {
                        price = await FetchAsync(sku, cancellationToken);
                        await _cache.SetStringAsync("price:" + sku, JsonSerializer.Serialize(price), new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) }, cancellationToken);
                    }

                    return price;
                }

                public async Task OverrideAsync(string sku, decimal price)
                {
                    await Task.Yield();
                    await _cache.SetStringAsync("price:" + sku, JsonSerializer.Serialize(price), new DistributedCacheEntryOptions
                    {
                        AbsoluteExpiration = DateTimeOffset.UtcNow.AddHours(1),
                        SlidingExpiration = TimeSpan.FromMinutes(5),
                    });
                }

                private static Task<decimal> FetchAsync(string sku, CancellationToken cancellationToken) => Task.FromResult(10m);
            }
            """,
    }.RunAsync();

    [Fact]
    public Task Fix_GetOrCreateAsyncReturnedAndExpressionBodied() => Verify.VerifyCodeFixAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Memory;

        public sealed record Profile(string Id, string DisplayName);

        public interface IProfileStore
        {
            Task<Profile?> FindAsync(string id, CancellationToken cancellationToken);
        }

        [ApiController]
        [Route("api/profiles")]
        public sealed class ProfilesController : ControllerBase
        {
            private readonly IMemoryCache [|_cache|];
            private readonly IProfileStore _store;

            public ProfilesController(IMemoryCache cache, IProfileStore store)
            {
                _cache = cache;
                _store = store;
            }

            [HttpGet("{id}")]
            public async Task<ActionResult<Profile>> Get(string id, CancellationToken cancellationToken)
            {
                var profile = await _cache.GetOrCreateAsync("profile:" + id, async entry =>
                {
                    entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(15);
                    entry.SlidingExpiration = TimeSpan.FromMinutes(5);
                    return await _store.FindAsync(id, cancellationToken);
                });
                return profile is null ? NotFound() : profile;
            }

            [HttpGet("{id}/name")]
            public async Task<string?> GetName(string id, CancellationToken cancellationToken)
            {
                return await _cache.GetOrCreateAsync(NameKey(id), entry => LoadNameAsync(id, cancellationToken));
            }

            [HttpGet("{id}/summary")]
            public async Task<Profile?> GetSummary(string id, CancellationToken cancellationToken) =>
                await _cache.GetOrCreateAsync("summary:" + id, async entry =>
                {
                    entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
                    return await _store.FindAsync(id, cancellationToken);
                });

            private static string NameKey(string id) => "name:" + id;

            private async Task<string?> LoadNameAsync(string id, CancellationToken cancellationToken) =>
                (await _store.FindAsync(id, cancellationToken))?.DisplayName;
        }
        """, """
        using System;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Distributed;

        public sealed record Profile(string Id, string DisplayName);

        public interface IProfileStore
        {
            Task<Profile?> FindAsync(string id, CancellationToken cancellationToken);
        }

        [ApiController]
        [Route("api/profiles")]
        public sealed class ProfilesController : ControllerBase
        {
            private readonly IDistributedCache _cache;
            private readonly IProfileStore _store;

            public ProfilesController(IDistributedCache cache, IProfileStore store)
            {
                _cache = cache;
                _store = store;
            }

            [HttpGet("{id}")]
            public async Task<ActionResult<Profile>> Get(string id, CancellationToken cancellationToken)
            {
                var profileJson = await _cache.GetStringAsync("profile:" + id, cancellationToken);
                Profile? profile;
                if (profileJson is not null)
                {
                    profile = JsonSerializer.Deserialize<Profile>(profileJson);
                }
                else
                {
                    profile = await _store.FindAsync(id, cancellationToken);
                    await _cache.SetStringAsync("profile:" + id, JsonSerializer.Serialize(profile), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(15), SlidingExpiration = TimeSpan.FromMinutes(5) }, cancellationToken);
                }
                return profile is null ? NotFound() : profile;
            }

            [HttpGet("{id}/name")]
            public async Task<string?> GetName(string id, CancellationToken cancellationToken)
            {
                var cacheKey = NameKey(id);
                var json = await _cache.GetStringAsync(cacheKey, cancellationToken);
                if (json is not null)
                {
                    return JsonSerializer.Deserialize<string>(json);
                }

                var value = await LoadNameAsync(id, cancellationToken);
                await _cache.SetStringAsync(cacheKey, JsonSerializer.Serialize(value), cancellationToken);
                return value;
            }

            [HttpGet("{id}/summary")]
            public async Task<Profile?> GetSummary(string id, CancellationToken cancellationToken)
            {
                var json = await _cache.GetStringAsync("summary:" + id, cancellationToken);
                if (json is not null)
                {
                    return JsonSerializer.Deserialize<Profile>(json);
                }

                var value = await _store.FindAsync(id, cancellationToken);
                await _cache.SetStringAsync("summary:" + id, JsonSerializer.Serialize(value), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) }, cancellationToken);
                return value;
            }

            private static string NameKey(string id) => "name:" + id;

            private async Task<string?> LoadNameAsync(string id, CancellationToken cancellationToken) =>
                (await _store.FindAsync(id, cancellationToken))?.DisplayName;
        }
        """);

    [Fact]
    public Task FixAll_TwoControllersInTwoFiles() => new Verify.Test
    {
        TestCode = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Caching.Memory;

            namespace Shop.Controllers;

            [ApiController]
            [Route("api/carts")]
            public sealed class CartsController(IMemoryCache [|cache|]) : ControllerBase
            {
                [HttpGet("{id}")]
                public async Task<ActionResult<string[]>> Get(string id, CancellationToken cancellationToken) =>
                    Ok(cache.Get<string[]>("cart:" + id) ?? []);

                [HttpPost("{id}")]
                public async Task Save(string id, string[] items, CancellationToken cancellationToken) => cache.Set("cart:" + id, items);
            }
            """,
        AdditionalSources =
        {
            ("WishlistController.cs", """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.Caching.Memory;

                namespace Shop.Controllers;

                [ApiController]
                [Route("api/wishlists")]
                public sealed class WishlistController : ControllerBase
                {
                    private readonly IMemoryCache [|_cache|];

                    public WishlistController(IMemoryCache cache) => _cache = cache;

                    [HttpDelete("{id}")]
                    public async Task Clear(string id, CancellationToken cancellationToken) => _cache.Remove("wishlist:" + id);
                }
                """),
        },
        FixedCode = """
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Caching.Distributed;

            namespace Shop.Controllers;

            [ApiController]
            [Route("api/carts")]
            public sealed class CartsController(IDistributedCache cache) : ControllerBase
            {
                [HttpGet("{id}")]
                public async Task<ActionResult<string[]>> Get(string id, CancellationToken cancellationToken) =>
                    Ok((await cache.GetStringAsync("cart:" + id, cancellationToken) is { } json ? JsonSerializer.Deserialize<string[]>(json) : default) ?? []);

                [HttpPost("{id}")]
                public async Task Save(string id, string[] items, CancellationToken cancellationToken) => await cache.SetStringAsync("cart:" + id, JsonSerializer.Serialize(items), cancellationToken);
            }
            """,
        FixedAdditionalSources =
        {
            ("WishlistController.cs", """
                using System.Text.Json;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.Caching.Distributed;

                namespace Shop.Controllers;

                [ApiController]
                [Route("api/wishlists")]
                public sealed class WishlistController : ControllerBase
                {
                    private readonly IDistributedCache _cache;

                    public WishlistController(IDistributedCache cache) => _cache = cache;

                    [HttpDelete("{id}")]
                    public async Task Clear(string id, CancellationToken cancellationToken) => await _cache.RemoveAsync("wishlist:" + id, cancellationToken);
                }
                """),
        },
    }.RunAsync();

    [Fact]
    public Task Fix_SynchronousActionsBecomeAsync() => Verify.VerifyCodeFixAsync("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Memory;

        namespace Shop.Controllers;

        [ApiController]
        [Route("api/settings")]
        public sealed class SettingsController(IMemoryCache [|cache|]) : ControllerBase
        {
            [HttpGet("{name}")]
            public IActionResult Get(string name) => Ok(cache.Get<string>("setting:" + name));

            [HttpPut("{name}")]
            public void Put(string name, [FromBody] string value)
            {
                cache.Set("setting:" + name, value);
            }

            [HttpDelete("{name}")]
            public void Delete(string name) => cache.Remove("setting:" + name);
        }
        """, """
        using System.Text.Json;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Distributed;

        namespace Shop.Controllers;

        [ApiController]
        [Route("api/settings")]
        public sealed class SettingsController(IDistributedCache cache) : ControllerBase
        {
            [HttpGet("{name}")]
            public async Task<IActionResult> Get(string name) => Ok(await cache.GetStringAsync("setting:" + name, HttpContext.RequestAborted) is { } json ? JsonSerializer.Deserialize<string>(json) : default);

            [HttpPut("{name}")]
            public async Task Put(string name, [FromBody] string value)
            {
                await cache.SetStringAsync("setting:" + name, JsonSerializer.Serialize(value), HttpContext.RequestAborted);
            }

            [HttpDelete("{name}")]
            public async Task Delete(string name) => await cache.RemoveAsync("setting:" + name, HttpContext.RequestAborted);
        }
        """);

    [Fact]
    public Task Fix_HubAssignsGetOrCreateAsyncResult() => Verify.VerifyCodeFixAsync("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.Extensions.Caching.Memory;

        namespace Shop.Hubs;

        public sealed class PresenceHub : Hub
        {
            private readonly IMemoryCache [|_cache|];

            public PresenceHub(IMemoryCache cache) => _cache = cache;

            public async Task<string[]> Join(string room)
            {
                string[]? members = [];
                if (!string.IsNullOrEmpty(room))
                {
                    members = await _cache.GetOrCreateAsync("room:" + room, async entry =>
                    {
                        entry.SlidingExpiration = TimeSpan.FromMinutes(30);
                        await Groups.AddToGroupAsync(Context.ConnectionId, room);
                        return new[] { Context.ConnectionId };
                    });
                }

                return members ?? [];
            }
        }
        """, """
        using System;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.Extensions.Caching.Distributed;

        namespace Shop.Hubs;

        public sealed class PresenceHub : Hub
        {
            private readonly IDistributedCache _cache;

            public PresenceHub(IDistributedCache cache) => _cache = cache;

            public async Task<string[]> Join(string room)
            {
                string[]? members = [];
                if (!string.IsNullOrEmpty(room))
                {
                    var membersJson = await _cache.GetStringAsync("room:" + room, Context.ConnectionAborted);
                    if (membersJson is not null)
                    {
                        members = JsonSerializer.Deserialize<string[]>(membersJson);
                    }
                    else
                    {
                        await Groups.AddToGroupAsync(Context.ConnectionId, room);
                        members = new[] { Context.ConnectionId };
                        await _cache.SetStringAsync("room:" + room, JsonSerializer.Serialize(members), new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30) }, Context.ConnectionAborted);
                    }
                }

                return members ?? [];
            }
        }
        """);

    [Fact]
    public Task NoFix_UseInSynchronousMethod() => Verify.VerifyCodeFixAsync(NoFixSource, NoFixSource);

    private const string NoFixSource = """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Memory;

        [ApiController]
        [Route("api/quotes")]
        public sealed class QuotesController(IMemoryCache [|cache|]) : ControllerBase
        {
            [HttpGet("{symbol}")]
            public async Task<ActionResult<decimal>> Get(string symbol, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return cache.Get<decimal>("quote:" + symbol);
            }

            [HttpDelete("{symbol}")]
            public async Task<IActionResult> Delete(string symbol, CancellationToken cancellationToken)
            {
                await Task.Yield();
                Forget(symbol);
                return NoContent();
            }

            private void Forget(string symbol) => cache.Remove("quote:" + symbol);
        }
        """;

    [Fact]
    public Task NoFix_KeyIsNotAString() => Verify.VerifyCodeFixAsync(KeyIsNotAString, KeyIsNotAString);

    private const string KeyIsNotAString = """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Memory;

        public sealed record Product(int Id, string Name);

        [ApiController]
        [Route("api/products")]
        public sealed class ProductsController : ControllerBase
        {
            private readonly IMemoryCache [|_cache|];

            public ProductsController(IMemoryCache cache) => _cache = cache;

            [HttpGet("{id:int}")]
            public async Task<ActionResult<Product?>> Get(int id, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return _cache.Get<Product>(id);
            }

            [HttpPut("{id:int}")]
            public async Task Put(int id, Product product, CancellationToken cancellationToken)
            {
                await Task.Yield();
                _cache.Set("product:" + id, product);
            }
        }
        """;

    [Theory]
    [InlineData("using var entry = _cache.CreateEntry(key);")]
    [InlineData("var statistics = _cache.GetCurrentStatistics();")]
    [InlineData("var untyped = _cache.Get(key);")]
    [InlineData("((MemoryCache)_cache).Compact(0.5);")]
    [InlineData("_cache.Set(key, 1, new MemoryCacheEntryOptions { Size = 1 });")]
    [InlineData("_cache.Set(key, 1, new MemoryCacheEntryOptions().SetPriority(CacheItemPriority.High));")]
    [InlineData("var created = _cache.GetOrCreate(key, entry => 1);")]
    [InlineData("var found = _cache.TryGetValue(key, out object? boxed);")]
    [InlineData("var found = _cache.TryGetValue(key, out int count);")]
    [InlineData("var total = _cache.Set(key, 1) + 1;")]
    [InlineData("var sized = await _cache.GetOrCreateAsync(key, async entry => { entry.Size = 1; return await Task.FromResult(1); });")]
    [InlineData("var early = await _cache.GetOrCreateAsync(key, async entry => { if (key.Length == 0) return 0; return await Task.FromResult(1); });")]
    [InlineData("var names = new[] { key }.Select(k => _cache.Get<string>(k)).ToList();")]
    public Task NoFix_UnsupportedUse(string statement)
    {
        var source = """
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Caching.Memory;

            [ApiController]
            [Route("api/stats")]
            public sealed class StatsController : ControllerBase
            {
                private readonly IMemoryCache [|_cache|];

                public StatsController(IMemoryCache cache) => _cache = cache;

                [HttpGet("{key}")]
                public async Task<IActionResult> Get(string key, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    STATEMENT
                    return Ok();
                }

                [HttpDelete("{key}")]
                public async Task Delete(string key, CancellationToken cancellationToken) => _cache.Remove(key);
            }
            """.Replace("STATEMENT", statement, StringComparison.Ordinal);
        return Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task NoFix_CachePassedToAnotherMethod() => Verify.VerifyCodeFixAsync(CachePassedOn, CachePassedOn);

    private const string CachePassedOn = """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Memory;

        public static class CacheWarmer
        {
            public static Task WarmAsync(IMemoryCache cache, CancellationToken cancellationToken)
            {
                cache.Set("warm", true);
                return Task.CompletedTask;
            }
        }

        [ApiController]
        [Route("api/admin")]
        public sealed class AdminController : ControllerBase
        {
            private readonly IMemoryCache [|_cache|];

            public AdminController(IMemoryCache cache) => _cache = cache;

            [HttpPost("warm")]
            public async Task<IActionResult> Warm(CancellationToken cancellationToken)
            {
                await CacheWarmer.WarmAsync(_cache, cancellationToken);
                return Accepted();
            }

            [HttpDelete("{key}")]
            public async Task Delete(string key, CancellationToken cancellationToken) => _cache.Remove(key);
        }
        """;

    [Fact]
    public Task NoFix_SystemRuntimeCachingMemoryCache() => Verify.VerifyCodeFixAsync(RuntimeCaching, RuntimeCaching);

    private const string RuntimeCaching = """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using System.Runtime.Caching;

        namespace System.Runtime.Caching
        {
            public class MemoryCache
            {
                public static MemoryCache Default { get; } = new MemoryCache();

                public object? Get(string key) => null;

                public void Remove(string key)
                {
                }
            }
        }

        [ApiController]
        [Route("api/rates")]
        public sealed class RatesController : ControllerBase
        {
            private readonly MemoryCache [|_cache|] = MemoryCache.Default;

            [HttpGet("{currency}")]
            public async Task<IActionResult> Get(string currency, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return Ok(_cache.Get("rate:" + currency));
            }
        }
        """;

    [Fact]
    public Task NoFix_NewMemoryCache() => Verify.VerifyCodeFixAsync(NewMemoryCache, NewMemoryCache);

    private const string NewMemoryCache = """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Memory;

        [ApiController]
        [Route("api/rates")]
        public sealed class RatesController : ControllerBase
        {
            private readonly IMemoryCache [|_cache|] = new MemoryCache(new MemoryCacheOptions());

            [HttpGet("{currency}")]
            public async Task<IActionResult> Get(string currency, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return Ok(_cache.Get<decimal>("rate:" + currency));
            }

            [HttpPost("refresh")]
            public async Task<IActionResult> Refresh(CancellationToken cancellationToken)
            {
                using var scratch = [|new MemoryCache(new MemoryCacheOptions())|];
                await Task.Yield();
                return Ok();
            }
        }
        """;

    [Fact]
    public Task NoFix_ConstructorCalledByRegistrationFactory() => new Verify.Test
    {
        TestCode = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Caching.Memory;

            namespace Shop.Services;

            public sealed class PriceService
            {
                private readonly IMemoryCache [|_cache|];

                public PriceService(IMemoryCache cache) => _cache = cache;

                public async Task ForgetAsync(string sku, CancellationToken cancellationToken) => _cache.Remove("price:" + sku);
            }
            """,
        AdditionalSources =
        {
            ("Program.cs", """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.Caching.Memory;
                using Microsoft.Extensions.DependencyInjection;
                using Shop.Services;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddMemoryCache();
                builder.Services.AddSingleton(services => new PriceService(services.GetRequiredService<IMemoryCache>()));
                var app = builder.Build();
                app.Run();
                """),
        },
    }.RunAsync();

    private const string ProgramRegisteringPriceService = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Shop.Services;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<PriceService>();
        var app = builder.Build();
        app.Run();
        """;

    // The item type does not bind (no 'Order' is declared): the rewrite would write 'Deserialize<?>'.
    [Fact]
    public Task NoFix_ItemTypeDoesNotBind() => new Verify.Test
    {
        TestCode = ItemTypeDoesNotBind,
        FixedCode = ItemTypeDoesNotBind,
        AllowCompilerErrors = true,
    }.RunAsync();

    private const string ItemTypeDoesNotBind = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Memory;

        namespace Shop.Controllers;

        [ApiController]
        [Route("api/customers/{customerId}/orders")]
        public sealed class OrdersController(IMemoryCache [|cache|]) : ControllerBase
        {
            [HttpGet]
            public async Task<IActionResult> Get(string customerId, CancellationToken cancellationToken)
            {
                var orders = await cache.GetOrCreateAsync($"orders:{customerId}", entry => LoadAsync(customerId));
                return Ok(orders);
            }

            private static Task<List<Order>> LoadAsync(string customerId) => throw new NotImplementedException();
        }
        """;

    // The file ends where the factory's body should start: the rewrite would write 'members = ;'.
    [Fact]
    public Task NoFix_FactoryCutShort() => new Verify.Test
    {
        TestCode = FactoryCutShort,
        FixedCode = FactoryCutShort,
        AllowCompilerErrors = true,
    }.RunAsync();

    private const string FactoryCutShort = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.Extensions.Caching.Memory;

        namespace Shop.Hubs;

        public sealed class PresenceHub : Hub
        {
            private readonly IMemoryCache [|_cache|];

            public PresenceHub(IMemoryCache cache) => _cache = cache;

            public async Task<string[]> Join(string room)
            {
                string[]? members = [];
                if (!string.IsNullOrEmpty(room))
                {
                    members = await _cache.GetOrCreateAsync("room:" + room, async entry =>
        """;
}
