using StatefulShop.Models;

namespace StatefulShop.Services;

public interface IProductCatalog
{
    Task<IReadOnlyList<Product>> GetAllAsync(CancellationToken cancellationToken);

    Task<Product?> FindAsync(string sku, CancellationToken cancellationToken);

    Task<IReadOnlyList<Product>> GetFeaturedAsync(CancellationToken cancellationToken);
}

/// <summary>The product catalog; in production it would query the catalog database.</summary>
public sealed class ProductCatalog : IProductCatalog
{
    // Not state: a static readonly array that nothing ever writes (a look-alike SL1005 must leave alone).
    private static readonly Product[] Products =
    [
        new("MUG-001", "Stateless mug", 12.50m, "Kitchen"),
        new("TEE-002", "Twelve-factor T-shirt", 24.00m, "Apparel"),
        new("CAP-003", "Horizontal scaling cap", 18.00m, "Apparel"),
        new("BAG-004", "Sticky-session tote bag", 15.75m, "Accessories"),
    ];

    public Task<IReadOnlyList<Product>> GetAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Product>>(Products);

    public Task<Product?> FindAsync(string sku, CancellationToken cancellationToken) =>
        Task.FromResult(Array.Find(Products, product => string.Equals(product.Sku, sku, StringComparison.OrdinalIgnoreCase)));

    public Task<IReadOnlyList<Product>> GetFeaturedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Product>>(Products[..2]);
}
