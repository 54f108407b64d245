using Microsoft.EntityFrameworkCore;

namespace StatefulShop.Data;

/// <summary>Product reviews, stored through EF Core; Program.cs points it at an in-memory database (SL2006).</summary>
public sealed class ShopDbContext(DbContextOptions<ShopDbContext> options) : DbContext(options)
{
    public DbSet<ProductReview> Reviews => Set<ProductReview>();
}

public sealed class ProductReview
{
    public int Id { get; set; }

    public string Sku { get; set; } = "";

    public int Stars { get; set; }

    public string Text { get; set; } = "";
}
