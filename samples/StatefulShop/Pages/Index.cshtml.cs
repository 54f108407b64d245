using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StatefulShop.Models;
using StatefulShop.Services;

namespace StatefulShop.Pages;

public sealed class IndexModel(IProductCatalog catalog) : PageModel
{
    private const string LastVisitKey = "LastVisit";

    // SL1001: a static visit counter in a PageModel; each replica counts its own visitors.
    private static int _visits;

    public int VisitorNumber { get; private set; }

    public string? LastVisit { get; private set; }

    public IReadOnlyList<Product> Featured { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        VisitorNumber = Interlocked.Increment(ref _visits);

        // Session state, kept in the in-memory distributed cache (SL2001, SL2002 in Program.cs).
        LastVisit = HttpContext.Session.GetString(LastVisitKey);
        HttpContext.Session.SetString(LastVisitKey, DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture));

        Featured = await catalog.GetFeaturedAsync(cancellationToken);
    }
}
