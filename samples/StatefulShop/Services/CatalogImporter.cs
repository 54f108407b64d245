using System.Globalization;
using StatefulShop.Data;

namespace StatefulShop.Services;

/// <summary>Applies a "sku,quantity" CSV file to the stock levels.</summary>
public sealed class CatalogImporter(ILogger<CatalogImporter> logger)
{
    public async Task ImportStockAsync(string csvPath, CancellationToken cancellationToken)
    {
        var updated = 0;
        foreach (var line in await File.ReadAllLinesAsync(csvPath, cancellationToken))
        {
            var parts = line.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var quantity))
            {
                InventoryStore.Stock[parts[0]] = quantity;
                updated++;
            }
        }

        logger.LogInformation("Imported stock levels for {Count} SKUs from {Path}", updated, csvPath);
    }
}
