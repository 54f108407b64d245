using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Serilog;
using StatefulShop.Background;
using StatefulShop.Data;
using StatefulShop.Hubs;
using StatefulShop.Infrastructure;
using StatefulShop.Middleware;
using StatefulShop.Models;
using StatefulShop.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();

// SL2004 (reported once, on the first Data Protection user): Razor Pages, session and cookie
// authentication all protect data with keys that no PersistKeysTo* call shares between replicas.
builder.Services.AddRazorPages();

// SL2005: no Redis/Azure backplane, so a message sent on one replica never reaches clients of another.
builder.Services.AddSignalR();

// SL2001: the "distributed" cache is this process's memory.
builder.Services.AddDistributedMemoryCache();

// SL2002: session state stored in that in-memory cache.
builder.Services.AddSession(options =>
{
    options.IdleTimeout = TimeSpan.FromMinutes(30);
    options.Cookie.HttpOnly = true;
    options.Cookie.IsEssential = true;
});

// SL2003 at the users of IMemoryCache (ProductsController).
builder.Services.AddMemoryCache();

builder.Services
    .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.LoginPath = "/account/login";
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
    });
builder.Services.AddAuthorization();

// SL2007: each replica caches and rate-limits on its own (N replicas allow N x 10 checkouts a minute).
builder.Services.AddOutputCache();
builder.Services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    options.AddFixedWindowLimiter("checkout", limiter =>
    {
        limiter.PermitLimit = 10;
        limiter.Window = TimeSpan.FromMinutes(1);
        limiter.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
        limiter.QueueLimit = 2;
    });
});

// SL2006: reviews live in this process's memory; each replica has its own, and a restart loses them all.
builder.Services.AddDbContext<ShopDbContext>(options => options.UseInMemoryDatabase("shop"));

builder.Services.AddSingleton<IProductCatalog, ProductCatalog>();
builder.Services.AddSingleton<IOrderRepository, InMemoryOrderRepository>();
builder.Services.AddSingleton<ProductViewCounter>(); // SL1003 in ProductViewCounter
builder.Services.AddSingleton<CatalogImporter>();
builder.Services.AddScoped<IEmailSender, EmailSender>();
builder.Services.AddScoped<InvoiceGenerator>();

// SL4001: queued work lives in this process's memory and is lost on restart or scale-in.
builder.Services.AddSingleton<IBackgroundTaskQueue, BackgroundTaskQueue>();
builder.Services.AddHostedService<QueuedHostedService>();
builder.Services.AddHostedService<SalesReportService>(); // SL4004 in SalesReportService

// SL3003: the audit log goes to a file on this instance's disk, gone when the container is replaced.
Log.Logger = new LoggerConfiguration()
    .Enrich.FromLogContext()
    .WriteTo.File(Path.Combine("logs", "audit-.log"), rollingInterval: RollingInterval.Day)
    .CreateLogger();

var app = builder.Build();
app.Lifetime.ApplicationStopped.Register(Log.CloseAndFlush);

if (app.Environment.IsDevelopment())
{
    // A development guard: a local diagnostics file is fine here and must not be reported (SL3001).
    var snapshotPath = Path.Combine(app.Environment.ContentRootPath, "appsettings.snapshot.txt");
    File.WriteAllText(snapshotPath, builder.Configuration.GetDebugView());
}

app.UseMiddleware<RequestCountingMiddleware>();
app.UseSession();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseOutputCache();

app.MapControllers();
app.MapRazorPages();
app.MapHub<ChatHub>("/hubs/support-chat");

// SL1004: a list declared here and captured by the handlers below; each replica has its own list.
var todos = new List<Todo>
{
    new(1, "Restock the stateless mugs", false),
    new(2, "Answer the support chat backlog", false),
};

app.MapGet("/api/admin/todos", () => todos).RequireAuthorization();

app.MapPost("/api/admin/todos", (Todo todo) =>
{
    todos.Add(todo);
    return Results.Created($"/api/admin/todos/{todo.Id}", todo);
}).RequireAuthorization();

app.MapPost("/api/products/{sku}/reviews", async (string sku, ProductReview review, ShopDbContext db) =>
{
    review.Sku = sku;
    db.Reviews.Add(review);
    await db.SaveChangesAsync();
    return Results.Created($"/api/products/{sku}/reviews/{review.Id}", review);
});

app.MapGet("/api/products/{sku}/reviews", (string sku, ShopDbContext db) =>
    db.Reviews.Where(r => r.Sku == sku).ToList());

app.MapGet("/api/ping", () =>
{
    // SL1002: an endpoint handler writes a static field of another class.
    Metrics.Hits++;
    return Results.Ok(new { status = "ok", hits = Metrics.Hits });
});

// A demo sign-in: any e-mail address becomes a signed-in user (the cookie is protected by the
// per-instance Data Protection keys of SL2004, so it fails on the other replicas).
app.MapPost("/account/login", async (HttpContext context, LoginRequest login) =>
{
    var identity = new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, login.Email), new Claim(ClaimTypes.Email, login.Email)],
        CookieAuthenticationDefaults.AuthenticationScheme);
    await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    return Results.NoContent();
});

app.Run();
