using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using StatefulShop.Data;
using StatefulShop.Models;
using StatefulShop.Services;

namespace StatefulShop.Controllers;

[ApiController]
[Route("api/products")]
public sealed class ProductsController : ControllerBase
{
    // Not state: constants and static readonly fields of safe types (look-alikes SL1001 must leave alone).
    private const int PageSize = 20;

    private static readonly HttpClient PricingClient = new()
    {
        BaseAddress = new Uri("https://pricing.shop.example/"),
        Timeout = TimeSpan.FromSeconds(5),
    };

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    // SL1001: a per-process request counter; every replica reports its own number.
    private static int _requestCount;

    private readonly IProductCatalog _catalog;

    // SL2003: the product list cached in this process's memory.
    private readonly IMemoryCache _cache;

    private readonly ProductViewCounter _views;

    public ProductsController(IProductCatalog catalog, IMemoryCache cache, ProductViewCounter views)
    {
        _catalog = catalog;
        _cache = cache;
        _views = views;
    }

    [HttpGet]
    [OutputCache(Duration = 30)]
    public async Task<ActionResult<PagedResult<Product>>> List(int page = 1, CancellationToken cancellationToken = default)
    {
        _requestCount++;
        var products = await _cache.GetOrCreateAsync("products:all", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            return _catalog.GetAllAsync(cancellationToken);
        }) ?? [];

        page = Math.Max(page, 1);
        var items = products.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        return new PagedResult<Product>(items, page, PageSize, products.Count);
    }

    [HttpGet("{sku}")]
    public async Task<ActionResult<ProductDetails>> Get(string sku, CancellationToken cancellationToken)
    {
        _requestCount++;
        var product = await _catalog.FindAsync(sku, cancellationToken);
        if (product is null)
            return NotFound();

        _views.RecordView(sku);
        return new ProductDetails(product, InventoryStore.Stock.GetValueOrDefault(sku));
    }

    [HttpGet("{sku}/price")]
    public async Task<ActionResult<PriceQuote>> GetPrice(string sku, string currency = "EUR", CancellationToken cancellationToken = default)
    {
        _requestCount++;
        var quote = await PricingClient.GetFromJsonAsync<PriceQuote>(
            $"quotes/{Uri.EscapeDataString(sku)}?currency={Uri.EscapeDataString(currency)}", JsonOptions, cancellationToken);
        return quote is null ? NotFound() : quote;
    }

    [HttpPut("{sku}/stock")]
    public IActionResult SetStock(string sku, StockUpdate update)
    {
        _requestCount++;
        // SL1002: writes the static dictionary of InventoryStore; the other replicas keep the old level.
        InventoryStore.Stock[sku] = update.Quantity;
        return NoContent();
    }

    [HttpGet("trending")]
    public ActionResult<IReadOnlyList<string>> Trending() => Ok(_views.Trending(5));

    [HttpGet("stats")]
    public IActionResult Stats() => Ok(new { requests = _requestCount, views = _views.TotalViews });
}
