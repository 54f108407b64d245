namespace StatefulShop.Services;

/// <summary>Counts product page views for the "trending" list. Registered as a singleton.</summary>
public sealed class ProductViewCounter
{
    private readonly Lock _gate = new();

    // SL1003: a readonly dictionary of a singleton, mutated on every view.
    private readonly Dictionary<string, int> _viewsBySku = new(StringComparer.OrdinalIgnoreCase);

    // SL1003: a mutable instance field of a singleton, incremented per request.
    private int _count;

    public int TotalViews
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void RecordView(string sku)
    {
        lock (_gate)
        {
            _count++;
            _viewsBySku[sku] = _viewsBySku.GetValueOrDefault(sku) + 1;
        }
    }

    public IReadOnlyList<string> Trending(int count)
    {
        lock (_gate)
        {
            return _viewsBySku.OrderByDescending(pair => pair.Value).Take(count).Select(pair => pair.Key).ToList();
        }
    }
}
