namespace StatefulShop.Data;

/// <summary>Running totals shown on the back-office dashboard.</summary>
public static class OrderStats
{
    // SL1005 at the declarations; SL1002 where OrdersController writes them.
    public static int TotalOrders { get; set; }

    public static decimal Revenue { get; set; }

    public static DateTimeOffset? LastOrderAt { get; set; }
}
