using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using StatefulShop.Data;
using StatefulShop.Models;
using StatefulShop.Services;

namespace StatefulShop.Controllers;

[ApiController]
[Route("api/carts")]
public sealed class CartController : ControllerBase
{
    // SL1001: the shopping carts live in this process. The next request, served by another replica,
    // finds an empty cart. Keyed by string, and used only through the indexer, TryGetValue and Remove
    // in async actions: the "Store in IDistributedCache" fix applies.
    private static readonly Dictionary<string, Cart> Carts = new();

    private readonly IProductCatalog _catalog;
    private readonly IOrderRepository _orders;

    public CartController(IProductCatalog catalog, IOrderRepository orders)
    {
        _catalog = catalog;
        _orders = orders;
    }

    [HttpGet("{cartId}")]
    public async Task<ActionResult<Cart>> Get(string cartId, CancellationToken cancellationToken)
    {
        if (!Carts.TryGetValue(cartId, out var cart))
            return NotFound();

        // Drop lines whose product was withdrawn since it was added.
        foreach (var line in cart.Lines.ToList())
        {
            if (await _catalog.FindAsync(line.Sku, cancellationToken) is null)
                cart.Remove(line.Sku);
        }

        return cart;
    }

    [HttpPost("{cartId}/items")]
    public async Task<ActionResult<Cart>> AddItem(string cartId, AddCartItem item, CancellationToken cancellationToken)
    {
        var product = await _catalog.FindAsync(item.Sku, cancellationToken);
        if (product is null)
            return NotFound();

        if (!Carts.TryGetValue(cartId, out var cart))
            cart = new Cart { Id = cartId };

        cart.Add(product, item.Quantity);
        Carts[cartId] = cart;
        return cart;
    }

    [HttpDelete("{cartId}/items/{sku}")]
    public async Task<ActionResult<Cart>> RemoveItem(string cartId, string sku, CancellationToken cancellationToken)
    {
        var product = await _catalog.FindAsync(sku, cancellationToken);
        if (product is null || !Carts.ContainsKey(cartId))
            return NotFound();

        var cart = Carts[cartId];
        cart.Remove(product.Sku);
        Carts[cartId] = cart;
        return cart;
    }

    [HttpPost("{cartId}/checkout")]
    [EnableRateLimiting("checkout")]
    public async Task<ActionResult<Order>> Checkout(string cartId, CheckoutRequest request, CancellationToken cancellationToken)
    {
        if (!Carts.TryGetValue(cartId, out var cart) || cart.Lines.Count == 0)
            return BadRequest("The cart is empty.");

        var lines = cart.Lines.Select(line => new OrderLine(line.Sku, line.Quantity, line.UnitPrice)).ToList();
        var order = await _orders.AddAsync(request.CustomerEmail, lines, cancellationToken);
        Carts.Remove(cartId);
        return CreatedAtAction(nameof(OrdersController.Get), "Orders", new { id = order.Id }, order);
    }

    [HttpDelete("{cartId}")]
    public IActionResult Abandon(string cartId)
    {
        // A synchronous action: the cache fix may still make it async.
        Carts.Remove(cartId);
        return NoContent();
    }
}
