using System.Globalization;
using System.Text;
using StatefulShop.Data;

namespace StatefulShop.Background;

/// <summary>Every hour, writes the last day's sales to reports/sales-yyyyMMdd-HH.csv.</summary>
public sealed class SalesReportService(
    IOrderRepository orders,
    IHostEnvironment environment,
    ILogger<SalesReportService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SL4004: with N replicas this report is produced N times an hour.
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = DateTimeOffset.UtcNow;
            var placed = await orders.GetPlacedSinceAsync(now.AddDays(-1), stoppingToken);

            var csv = new StringBuilder("order_id,customer,total,placed_at\n");
            foreach (var order in placed)
                csv.Append(CultureInfo.InvariantCulture, $"{order.Id},{order.CustomerEmail},{order.Total:F2},{order.PlacedAt:O}\n");

            var directory = Path.Combine(environment.ContentRootPath, "reports");
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, $"sales-{now:yyyyMMdd-HH}.csv");
            // SL3001: the report lands on this instance's disk only.
            await File.WriteAllTextAsync(path, csv.ToString(), stoppingToken);
            logger.LogInformation("Sales report with {Count} orders written to {Path}", placed.Count, path);
        }
    }
}
