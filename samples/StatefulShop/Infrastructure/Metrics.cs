namespace StatefulShop.Infrastructure;

/// <summary>Home-grown counters read by the /api/ping endpoint.</summary>
public static class Metrics
{
    // SL1005 at the declaration; SL1002 where the minimal API handler increments it.
    public static long Hits;
}
