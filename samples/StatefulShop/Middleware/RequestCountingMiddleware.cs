using System.Globalization;

namespace StatefulShop.Middleware;

/// <summary>Adds an X-Request-Count header and logs every 1000th request.</summary>
public sealed class RequestCountingMiddleware
{
    // SL1001: a static counter in middleware; the header value depends on which replica answered.
    private static long _requestCount;

    private readonly RequestDelegate _next;
    private readonly ILogger<RequestCountingMiddleware> _logger;

    public RequestCountingMiddleware(RequestDelegate next, ILogger<RequestCountingMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var count = Interlocked.Increment(ref _requestCount);
        context.Response.Headers["X-Request-Count"] = count.ToString(CultureInfo.InvariantCulture);
        if (count % 1000 == 0)
            _logger.LogInformation("Served {Count} requests", count);

        await _next(context);
    }
}
