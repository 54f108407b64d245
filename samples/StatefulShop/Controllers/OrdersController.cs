using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using StatefulShop.Background;
using StatefulShop.Data;
using StatefulShop.Models;
using StatefulShop.Services;

namespace StatefulShop.Controllers;

[ApiController]
[Route("api/orders")]
public sealed class OrdersController(
    IOrderRepository orders,
    IProductCatalog catalog,
    IEmailSender emailSender,
    InvoiceGenerator invoices,
    IBackgroundTaskQueue taskQueue,
    IWebHostEnvironment environment,
    ILogger<OrdersController> logger) : ControllerBase
{
    // Not state: a safe static type (JsonSerializerOptions) in a static readonly field.
    private static readonly JsonSerializerOptions ReceiptJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [HttpPost]
    [EnableRateLimiting("checkout")]
    public async Task<ActionResult<Order>> Place(PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        var lines = new List<OrderLine>();
        foreach (var requested in request.Lines)
        {
            var product = await catalog.FindAsync(requested.Sku, cancellationToken);
            if (product is null)
                return BadRequest($"Unknown product '{requested.Sku}'.");
            lines.Add(new OrderLine(product.Sku, requested.Quantity, product.Price));
        }

        var order = await orders.AddAsync(request.CustomerEmail, lines, cancellationToken);

        // SL1002 (three writes): the dashboard totals of OrderStats are per replica.
        OrderStats.TotalOrders++;
        OrderStats.Revenue += order.Total;
        OrderStats.LastOrderAt = order.PlacedAt;

        // SL3001: the receipt is written to this instance's disk; GET .../receipt on another replica 404s.
        var receiptDirectory = Path.Combine(environment.ContentRootPath, "App_Data", "receipts");
        Directory.CreateDirectory(receiptDirectory);
        var receiptPath = Path.Combine(receiptDirectory, $"order-{order.Id}.json");
        await System.IO.File.WriteAllTextAsync(receiptPath, JsonSerializer.Serialize(order, ReceiptJson), cancellationToken);

        // SL4003: fire-and-forget; lost if the instance stops, and it outlives the request's scope.
        _ = emailSender.SendOrderConfirmationAsync(order);

        // SL4003: Task.Run started by a request.
        _ = Task.Run(() => invoices.GenerateAsync(order));

        // The queue itself is the problem (SL4001 at its registration), not this call.
        await taskQueue.QueueBackgroundWorkItemAsync(async token =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2), token);
            logger.LogInformation("Loyalty points credited for order {OrderId}", order.Id);
        });

        Serilog.Log.Information("Order {OrderId} placed by {Customer} for {Total}", order.Id, order.CustomerEmail, order.Total);
        return CreatedAtAction(nameof(Get), new { id = order.Id }, order);
    }

    [HttpGet("{id:int}")]
    public async Task<ActionResult<Order>> Get(int id, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(id, cancellationToken);
        return order is null ? NotFound() : order;
    }

    [HttpGet("{id:int}/receipt")]
    public IActionResult Receipt(int id)
    {
        // Reading is fine; the file is just not there on the other replicas.
        var receiptPath = Path.Combine(environment.ContentRootPath, "App_Data", "receipts", $"order-{id}.json");
        return System.IO.File.Exists(receiptPath) ? PhysicalFile(receiptPath, "application/json") : NotFound();
    }

    [HttpGet("stats")]
    [Authorize]
    public IActionResult Stats() => Ok(new
    {
        OrderStats.TotalOrders,
        OrderStats.Revenue,
        OrderStats.LastOrderAt,
    });
}
