using StatefulShop.Models;

namespace StatefulShop.Data;

public interface IOrderRepository
{
    Task<Order> AddAsync(string customerEmail, IReadOnlyList<OrderLine> lines, CancellationToken cancellationToken);

    Task<Order?> FindAsync(int id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Order>> GetPlacedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
