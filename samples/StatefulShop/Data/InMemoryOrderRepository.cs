using StatefulShop.Models;

namespace StatefulShop.Data;

/// <summary>"We'll move to a database later": orders live in a static list.</summary>
public sealed class InMemoryOrderRepository : IOrderRepository
{
    private static readonly Lock Gate = new();

    // SL1005: a static list written by AddAsync; a restart or a second replica loses or misses orders.
    private static readonly List<Order> Orders = [];

    // SL1005: two replicas hand out the same order numbers.
    private static int _lastId;

    public Task<Order> AddAsync(string customerEmail, IReadOnlyList<OrderLine> lines, CancellationToken cancellationToken)
    {
        var total = lines.Sum(line => line.UnitPrice * line.Quantity);
        var order = new Order(Interlocked.Increment(ref _lastId), customerEmail, lines, total, DateTimeOffset.UtcNow);
        lock (Gate)
        {
            Orders.Add(order);
        }

        return Task.FromResult(order);
    }

    public Task<Order?> FindAsync(int id, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            return Task.FromResult(Orders.Find(order => order.Id == id));
        }
    }

    public Task<IReadOnlyList<Order>> GetPlacedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            IReadOnlyList<Order> placed = Orders.Where(order => order.PlacedAt >= since).ToList();
            return Task.FromResult(placed);
        }
    }
}
