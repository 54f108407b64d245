namespace StatefulShop.Models;

public sealed class Cart
{
    public required string Id { get; init; }

    public List<CartLine> Lines { get; init; } = [];

    public decimal Total => Lines.Sum(line => line.UnitPrice * line.Quantity);

    public void Add(Product product, int quantity)
    {
        var index = Lines.FindIndex(line => line.Sku == product.Sku);
        if (index < 0)
            Lines.Add(new CartLine(product.Sku, product.Name, product.Price, quantity));
        else
            Lines[index] = Lines[index] with { Quantity = Lines[index].Quantity + quantity };
    }

    public bool Remove(string sku) => Lines.RemoveAll(line => line.Sku == sku) > 0;
}

public sealed record CartLine(string Sku, string Name, decimal UnitPrice, int Quantity);

public sealed record AddCartItem(string Sku, int Quantity);

public sealed record CheckoutRequest(string CustomerEmail);
