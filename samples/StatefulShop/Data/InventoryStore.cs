namespace StatefulShop.Data;

/// <summary>Units in stock per SKU, seeded at startup and adjusted by the back office.</summary>
public static class InventoryStore
{
    // SL1005 (state in a plain class of a web project): each replica has its own stock levels.
    public static readonly Dictionary<string, int> Stock = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MUG-001"] = 120,
        ["TEE-002"] = 45,
        ["CAP-003"] = 80,
        ["BAG-004"] = 12,
    };
}
