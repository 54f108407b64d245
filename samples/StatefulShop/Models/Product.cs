namespace StatefulShop.Models;

public sealed record Product(string Sku, string Name, decimal Price, string Category);

public sealed record ProductDetails(Product Product, int InStock);

public sealed record PriceQuote(string Sku, string Currency, decimal Amount);

public sealed record StockUpdate(int Quantity);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);
