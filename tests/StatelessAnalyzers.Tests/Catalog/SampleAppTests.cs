using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers.Tests.Catalog;

/// <summary>The rules on the bundled sample app: the findings it was written to show, nothing else, no exceptions.</summary>
public sealed class SampleAppTests
{
    private static readonly Lazy<Task<(System.Collections.Immutable.ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)>> Analysis =
        new(() => AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(
            AnalyzerRunner.ProjectSources("samples/StatefulShop").Append(("GlobalUsings.g.cs", AnalyzerRunner.WebImplicitUsings)))));

    /// <summary>Every finding on the sample, as "ID file reported-text", sorted.</summary>
    private static readonly string[] ExpectedFindings =
    {
        "SL1001 Controllers/CartController.cs Carts",
        "SL1001 Controllers/ProductsController.cs _requestCount",
        "SL1001 Hubs/ChatHub.cs ConnectedUsers",
        "SL1001 Middleware/RequestCountingMiddleware.cs _requestCount",
        "SL1001 Pages/Index.cshtml.cs _visits",
        "SL1002 Controllers/OrdersController.cs OrderStats.LastOrderAt",
        "SL1002 Controllers/OrdersController.cs OrderStats.Revenue",
        "SL1002 Controllers/OrdersController.cs OrderStats.TotalOrders",
        "SL1002 Controllers/ProductsController.cs InventoryStore.Stock",
        "SL1002 Program.cs Metrics.Hits",
        "SL1003 Services/ProductViewCounter.cs _count",
        "SL1003 Services/ProductViewCounter.cs _viewsBySku",
        "SL1004 Program.cs todos",
        "SL1005 Data/InMemoryOrderRepository.cs Orders",
        "SL1005 Data/InMemoryOrderRepository.cs _lastId",
        "SL1005 Data/InventoryStore.cs Stock",
        "SL1005 Data/OrderStats.cs LastOrderAt",
        "SL1005 Data/OrderStats.cs Revenue",
        "SL1005 Data/OrderStats.cs TotalOrders",
        "SL1005 Infrastructure/Metrics.cs Hits",
        "SL2001 Program.cs AddDistributedMemoryCache",
        "SL2002 Program.cs AddSession",
        "SL2003 Controllers/ProductsController.cs _cache",
        "SL2004 Program.cs AddRazorPages",
        "SL2005 Program.cs AddSignalR",
        "SL2007 Program.cs AddOutputCache",
        "SL2007 Program.cs AddRateLimiter",
        "SL3001 Background/SalesReportService.cs CreateDirectory",
        "SL3001 Background/SalesReportService.cs WriteAllTextAsync",
        "SL3001 Controllers/OrdersController.cs CreateDirectory",
        "SL3001 Controllers/OrdersController.cs WriteAllTextAsync",
        "SL3001 Controllers/UploadsController.cs CreateDirectory",
        "SL3001 Controllers/UploadsController.cs FileStream",
        "SL3002 Controllers/UploadsController.cs GetTempFileName",
        "SL3002 Services/InvoiceGenerator.cs WriteAllTextAsync",
        "SL4001 Program.cs AddSingleton",
        "SL4002 Services/EmailSender.cs Outbox",
        "SL4003 Controllers/OrdersController.cs Run",
        "SL4003 Controllers/OrdersController.cs SendOrderConfirmationAsync",
        "SL4004 Background/SalesReportService.cs SalesReportService",
    };

    [Fact]
    public async Task NoAnalyzerThrows()
    {
        var (_, exceptions) = await Analysis.Value;
        Assert.Empty(exceptions);
    }

    [Fact]
    public async Task ReportsTheStateTheSampleKeeps()
    {
        var (diagnostics, _) = await Analysis.Value;
        var found = diagnostics
            .Where(d => d.Id.StartsWith("SL", StringComparison.Ordinal))
            .Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath} {d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan)}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        Assert.True(
            ExpectedFindings.SequenceEqual(found),
            "Expected:\n  " + string.Join("\n  ", ExpectedFindings) + "\nActual:\n  " + string.Join("\n  ", found));
    }

    [Fact]
    public async Task NoTwoRulesReportOneConstruct()
    {
        var (diagnostics, _) = await Analysis.Value;
        var shared = diagnostics
            .Where(d => d.Location.IsInSource)
            .GroupBy(d => (d.Location.SourceTree!.FilePath, d.Location.SourceSpan))
            .Where(g => g.Select(d => d.Id).Distinct().Count() > 1)
            .Select(g => string.Join(", ", g.Select(d => d.ToString())))
            .ToList();
        Assert.Empty(shared);
    }

    [Fact]
    public async Task DamagedSampleSourcesNeverMakeAnAnalyzerThrow()
    {
        var sources = AnalyzerRunner.ProjectSources("samples/StatefulShop").ToList();
        var random = new Random(1001);
        var damaged = 0;
        foreach (var (path, text) in sources)
        {
            // Truncated at three points, and with one random character range removed.
            foreach (var cut in new[] { text.Length / 3, text.Length / 2, (text.Length * 5) / 6 })
            {
                await AssertNoException(sources, path, text[..cut]);
                damaged++;
            }
            var start = random.Next(text.Length);
            var length = Math.Min(random.Next(1, 40), text.Length - start);
            await AssertNoException(sources, path, text.Remove(start, length));
            damaged++;
        }
        Assert.True(damaged >= 4 * sources.Count);
    }

    private static async Task AssertNoException(List<(string Path, string Text)> sources, string damagedPath, string damagedText)
    {
        var input = sources.Select(s => s.Path == damagedPath ? (s.Path, damagedText) : s)
            .Append(("GlobalUsings.g.cs", AnalyzerRunner.WebImplicitUsings));
        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(input));
        Assert.True(exceptions.Count == 0, $"damaged {damagedPath}: {string.Join("\n", exceptions)}");
        foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource))
        {
            var tree = diagnostic.Location.SourceTree!;
            Assert.True(diagnostic.Location.SourceSpan.End <= tree.Length, $"{diagnostic} lies outside its source");
        }
    }
}
