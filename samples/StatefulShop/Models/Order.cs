namespace StatefulShop.Models;

public sealed record Order(int Id, string CustomerEmail, IReadOnlyList<OrderLine> Lines, decimal Total, DateTimeOffset PlacedAt);

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record OrderLineRequest(string Sku, int Quantity);

public sealed record PlaceOrderRequest(string CustomerEmail, IReadOnlyList<OrderLineRequest> Lines);
