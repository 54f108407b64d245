using System.Globalization;
using System.Text;
using StatefulShop.Models;

namespace StatefulShop.Services;

/// <summary>Renders an invoice for an order; the accounting export picks the files up later.</summary>
public sealed class InvoiceGenerator(ILogger<InvoiceGenerator> logger)
{
    public async Task<string> GenerateAsync(Order order)
    {
        var invoice = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"INVOICE #{order.Id}")
            .AppendLine(CultureInfo.InvariantCulture, $"Customer: {order.CustomerEmail}")
            .AppendLine(CultureInfo.InvariantCulture, $"Date: {order.PlacedAt:yyyy-MM-dd}");
        foreach (var line in order.Lines)
            invoice.AppendLine(CultureInfo.InvariantCulture, $"{line.Sku,-10} {line.Quantity,3} x {line.UnitPrice,8:F2}");
        invoice.AppendLine(CultureInfo.InvariantCulture, $"Total: {order.Total:F2}");

        // SL3002: the invoice sits in this instance's temp folder, where no other replica can read it.
        var path = Path.Combine(Path.GetTempPath(), $"invoice-{order.Id}.txt");
        await File.WriteAllTextAsync(path, invoice.ToString());
        logger.LogInformation("Invoice for order {OrderId} written to {Path}", order.Id, path);
        return path;
    }
}
