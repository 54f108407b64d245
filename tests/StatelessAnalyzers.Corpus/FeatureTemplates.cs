namespace StatelessAnalyzers.Corpus;

/// <summary>The text of each kind of feature file, clean or with its anti-pattern.</summary>
internal static class FeatureTemplates
{
    public static string Write(Feature feature, ProgramBuilder program)
    {
        program.Namespace(feature.Area);
        return feature.Kind switch
        {
            Kinds.Controller => Controller(feature),
            Kinds.Service => Service(feature, program),
            Kinds.Endpoints => Endpoints(feature, program),
            Kinds.Worker => Worker(feature, program),
            Kinds.Hub => Hub(feature, program),
            Kinds.Middleware => Middleware(feature, program),
            Kinds.Model => Model(feature, program),
            _ => Module(feature, program),
        };
    }

    private static string Controller(Feature f)
    {
        var n = f.Name;
        var cacheField = f.Has("controller-memory-cache") ? "\n    private readonly IMemoryCache _cache;" : string.Empty;
        var cacheParameter = f.Has("controller-memory-cache") ? ", IMemoryCache cache" : string.Empty;
        var cacheAssignment = f.Has("controller-memory-cache") ? "\n        _cache = cache;" : string.Empty;
        var counterField = f.Has("controller-static-counter") ? "\n    private static long s_served;" : string.Empty;
        var lookup = f.Has("controller-memory-cache")
            ? $$"""
                if (_cache.TryGetValue(id, out {{n}}Dto? cached) && cached is not null)
                            return Ok(cached);
                        var item = await _store.GetAsync<{{n}}Dto>(Collection, id, cancellationToken);
                        if (item is not null)
                            _cache.Set(id, item, TimeSpan.FromMinutes(5));
                """
            : $$"""
                var item = await _store.GetAsync<{{n}}Dto>(Collection, id, cancellationToken);
                """;
        var served = f.Has("controller-static-counter") ? "\n        s_served++;" : string.Empty;
        var afterCreate = f.Has("controller-fire-and-forget")
            ? $$"""

                        _ = Task.Run(() => _logger.LogInformation("{{n}} {Id} created at {Time}", created.Id, created.UpdatedAt));
                """
            : f.Has("controller-static-write")
                ? $$"""

                        {{n}}Statistics.Created++;
                        {{n}}Statistics.LastCreatedAt = created.UpdatedAt;
                """
                : string.Empty;
        var export = f.Has("controller-file-write")
            ? $$"""


                    [HttpPost("{id}/export")]
                    public async Task<IActionResult> Export(string id, CancellationToken cancellationToken)
                    {
                        var item = await _store.GetAsync<{{n}}Dto>(Collection, id, cancellationToken);
                        if (item is null)
                            return NotFound();
                        var path = Path.Combine("exports", id + ".json");
                        await System.IO.File.WriteAllTextAsync(path, JsonSerializer.Serialize(item), cancellationToken);
                        return Accepted();
                    }
                """
            : string.Empty;
        var statistics = f.Has("controller-static-write")
            ? $$"""


                public static class {{n}}Statistics
                {
                    public static long Created;
                    public static DateTimeOffset LastCreatedAt;
                }
                """
            : string.Empty;
        var usings = f.Has("controller-memory-cache") ? "using Microsoft.Extensions.Caching.Memory;\n" : string.Empty;

        return $$"""
            using System.Text.Json;
            using Contoso.Shared;
            using Microsoft.AspNetCore.Mvc;
            {{usings}}
            namespace Contoso.{{f.Area}};

            public sealed record {{n}}Dto(string Id, string Name, decimal Amount, DateTimeOffset UpdatedAt);

            public sealed record Create{{n}}Request(string Name, decimal Amount);

            [ApiController]
            [Route("api/{{f.Route}}")]
            public sealed class {{n}}Controller : ControllerBase
            {
                private const string Collection = "{{f.Collection}}";
                private readonly IDocumentStore _store;
                private readonly IClock _clock;
                private readonly ILogger<{{n}}Controller> _logger;{{cacheField}}{{counterField}}

                public {{n}}Controller(IDocumentStore store, IClock clock, ILogger<{{n}}Controller> logger{{cacheParameter}})
                {
                    _store = store;
                    _clock = clock;
                    _logger = logger;{{cacheAssignment}}
                }

                [HttpGet("{id}")]
                public async Task<ActionResult<{{n}}Dto>> Get(string id, CancellationToken cancellationToken)
                {{{served}}
                    {{lookup}}
                    if (item is null)
                    {
                        _logger.LogInformation("{{n}} {Id} not found", id);
                        return NotFound();
                    }

                    return Ok(item);
                }

                [HttpGet]
                public async Task<ActionResult<PagedResult<{{n}}Dto>>> List([FromQuery] int page = 1, [FromQuery] int pageSize = 20, CancellationToken cancellationToken = default)
                {
                    if (page < 1 || pageSize is < 1 or > 100)
                        return BadRequest("page must be positive and pageSize between 1 and 100");
                    var items = await _store.QueryAsync<{{n}}Dto>(Collection, (page - 1) * pageSize, pageSize, cancellationToken);
                    var ordered = items.OrderBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
                    return Ok(new PagedResult<{{n}}Dto>(ordered, page, pageSize));
                }

                [HttpPost]
                public async Task<IActionResult> Create(Create{{n}}Request request, CancellationToken cancellationToken)
                {
                    if (string.IsNullOrWhiteSpace(request.Name))
                        return ValidationProblem("A name is required.");
                    if (request.Amount < 0)
                        return ValidationProblem("The amount cannot be negative.");
                    var created = new {{n}}Dto(Guid.NewGuid().ToString("N"), request.Name.Trim(), decimal.Round(request.Amount, 2), _clock.UtcNow);
                    await _store.PutAsync(Collection, created.Id, created, cancellationToken);{{afterCreate}}
                    return CreatedAtAction(nameof(Get), new { id = created.Id }, created);
                }

                [HttpDelete("{id}")]
                public async Task<IActionResult> Delete(string id, CancellationToken cancellationToken)
                {
                    var deleted = await _store.DeleteAsync(Collection, id, cancellationToken);
                    return deleted ? NoContent() : NotFound();
                }{{export}}
            }{{statistics}}

            """;
    }

    private static string Service(Feature f, ProgramBuilder program)
    {
        var n = f.Name;
        program.Service($"builder.Services.Add{n}Services();");
        var singleton = f.Has("service-singleton-state");
        var lifetime = singleton ? "AddSingleton" : "AddScoped";
        var stateFields = singleton
            ? "\n    private int _processed;\n    private DateTimeOffset _lastSummary;"
            : f.Has("service-static-store")
                ? $"\n    private static readonly Dictionary<string, {n}Summary> s_recent = new(StringComparer.Ordinal);"
                : f.Has("service-static-queue")
                    ? $"\n    private static readonly ConcurrentQueue<{n}Summary> s_pending = new();"
                    : string.Empty;
        var stateWrites = singleton
            ? "\n        _processed++;\n        _lastSummary = summary.ComputedAt;"
            : f.Has("service-static-store")
                ? "\n        s_recent[customerId] = summary;"
                : f.Has("service-static-queue")
                    ? "\n        s_pending.Enqueue(summary);"
                    : string.Empty;
        var exportPath = f.Has("service-temp-file")
            ? "Path.Combine(Path.GetTempPath(), customerId + \".csv\")"
            : null;
        var export = exportPath is null
            ? $$"""
                public async Task<string> ExportAsync(string customerId, CancellationToken cancellationToken)
                    {
                        var summary = await SummarizeAsync(customerId, cancellationToken);
                        var csv = $"{summary.CustomerId},{summary.Count},{summary.Total}";
                        await _store.PutAsync("{{f.Collection}}-exports", customerId, csv, cancellationToken);
                        return csv;
                    }
                """
            : $$"""
                public async Task<string> ExportAsync(string customerId, CancellationToken cancellationToken)
                    {
                        var summary = await SummarizeAsync(customerId, cancellationToken);
                        var csv = $"{summary.CustomerId},{summary.Count},{summary.Total}";
                        var path = {{exportPath}};
                        await File.WriteAllTextAsync(path, csv, cancellationToken);
                        return path;
                    }
                """;
        var queue = f.Has("service-singleton-queue")
            ? $$"""


                public sealed class {{n}}WorkQueue
                {
                    private readonly Channel<{{n}}Summary> _channel = Channel.CreateUnbounded<{{n}}Summary>();

                    public ValueTask EnqueueAsync({{n}}Summary summary, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(summary, cancellationToken);

                    public IAsyncEnumerable<{{n}}Summary> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
                }
                """
            : string.Empty;
        var queueRegistration = f.Has("service-singleton-queue") ? $"\n        services.AddSingleton<{n}WorkQueue>();" : string.Empty;
        var usings = f.Has("service-static-queue") ? "using System.Collections.Concurrent;\n" : f.Has("service-singleton-queue") ? "using System.Threading.Channels;\n" : string.Empty;

        return $$"""
            {{usings}}using Contoso.Shared;

            namespace Contoso.{{f.Area}};

            public sealed record {{n}}Line(string Sku, int Quantity, decimal UnitPrice);

            public sealed record {{n}}Summary(string CustomerId, int Count, decimal Total, DateTimeOffset ComputedAt);

            public interface I{{n}}Service
            {
                Task<{{n}}Summary> SummarizeAsync(string customerId, CancellationToken cancellationToken);

                Task<string> ExportAsync(string customerId, CancellationToken cancellationToken);
            }

            public sealed class {{n}}Service : I{{n}}Service
            {
                private readonly IDocumentStore _store;
                private readonly IClock _clock;
                private readonly ILogger<{{n}}Service> _logger;{{stateFields}}

                public {{n}}Service(IDocumentStore store, IClock clock, ILogger<{{n}}Service> logger)
                {
                    _store = store;
                    _clock = clock;
                    _logger = logger;
                }

                public async Task<{{n}}Summary> SummarizeAsync(string customerId, CancellationToken cancellationToken)
                {
                    ArgumentException.ThrowIfNullOrEmpty(customerId);
                    var lines = await _store.QueryAsync<{{n}}Line>("{{f.Collection}}/" + customerId, 0, 500, cancellationToken);
                    var total = 0m;
                    var count = 0;
                    foreach (var line in lines)
                    {
                        if (line.Quantity <= 0)
                            continue;
                        total += line.Quantity * line.UnitPrice;
                        count++;
                    }

                    var summary = new {{n}}Summary(customerId, count, decimal.Round(total, 2), _clock.UtcNow);{{stateWrites}}
                    _logger.LogDebug("{{n}} summary for {Customer}: {Count} lines, {Total}", customerId, count, summary.Total);
                    return summary;
                }

                {{export}}
            }{{queue}}

            public static class {{n}}ServiceCollectionExtensions
            {
                public static IServiceCollection Add{{n}}Services(this IServiceCollection services)
                {
                    services.{{lifetime}}<I{{n}}Service, {{n}}Service>();{{queueRegistration}}
                    return services;
                }
            }

            """;
    }

    private static string Endpoints(Feature f, ProgramBuilder program)
    {
        var n = f.Name;
        program.Endpoint($"app.Map{n}Endpoints();");
        var captured = f.Has("endpoints-captured-list");
        var recentDeclaration = captured ? $"\n        var recent = new List<{n}Item>();" : string.Empty;
        var recentEndpoint = captured ? "\n        group.MapGet(\"/recent\", () => Results.Ok(recent));" : string.Empty;
        var recentWrite = captured ? "\n            recent.Add(item);" : string.Empty;
        var fireAndForget = f.Has("endpoints-fire-and-forget")
            ? $"\n            _ = Task.Run(() => logger.LogInformation(\"{n} {{Id}} stored\", item.Id));"
            : string.Empty;
        var loggerParameter = f.Has("endpoints-fire-and-forget") ? $", ILogger<{n}Item> logger" : string.Empty;

        return $$"""
            using Contoso.Shared;

            namespace Contoso.{{f.Area}};

            public sealed record {{n}}Item(string Id, string Title, int Priority, DateTimeOffset CreatedAt);

            public sealed record New{{n}}Item(string Title, int Priority);

            public static class {{n}}Endpoints
            {
                private const string Collection = "{{f.Collection}}";

                public static IEndpointRouteBuilder Map{{n}}Endpoints(this IEndpointRouteBuilder endpoints)
                {
                    var group = endpoints.MapGroup("/{{f.Route}}");{{recentDeclaration}}

                    group.MapGet("/{id}", async (string id, IDocumentStore store, CancellationToken cancellationToken) =>
                        await store.GetAsync<{{n}}Item>(Collection, id, cancellationToken) is { } item ? Results.Ok(item) : Results.NotFound());

                    group.MapGet("/", async (int? skip, int? take, IDocumentStore store, CancellationToken cancellationToken) =>
                    {
                        var items = await store.QueryAsync<{{n}}Item>(Collection, skip ?? 0, Math.Clamp(take ?? 50, 1, 200), cancellationToken);
                        return Results.Ok(items.OrderByDescending(i => i.Priority).ToList());
                    });{{recentEndpoint}}

                    group.MapPost("/", async (New{{n}}Item request, IDocumentStore store, IClock clock{{loggerParameter}}, CancellationToken cancellationToken) =>
                    {
                        if (string.IsNullOrWhiteSpace(request.Title) || request.Priority is < 0 or > 5)
                            return Results.ValidationProblem(new Dictionary<string, string[]> { ["title"] = new[] { "A title and a priority from 0 to 5 are required." } });
                        var item = new {{n}}Item(Guid.NewGuid().ToString("N"), request.Title, request.Priority, clock.UtcNow);
                        await store.PutAsync(Collection, item.Id, item, cancellationToken);{{recentWrite}}{{fireAndForget}}
                        return Results.Created($"/{{f.Route}}/{item.Id}", item);
                    });

                    group.MapDelete("/{id}", async (string id, IDocumentStore store, CancellationToken cancellationToken) =>
                        await store.DeleteAsync(Collection, id, cancellationToken) ? Results.NoContent() : Results.NotFound());

                    return endpoints;
                }
            }

            """;
    }

    private static string Worker(Feature f, ProgramBuilder program)
    {
        var n = f.Name;
        program.Service($"builder.Services.AddHostedService<{n}Worker>();");
        var body = f.Has("worker-periodic-timer")
            ? $$"""
                using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
                        while (await timer.WaitForNextTickAsync(stoppingToken))
                        {
                            using var scope = _scopeFactory.CreateScope();
                            var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
                            var pending = await store.QueryAsync<{{n}}Job>("{{f.Collection}}-jobs", 0, 100, stoppingToken);
                            foreach (var job in pending)
                                await HandleAsync(store, job, stoppingToken);
                        }
                """
            : $$"""
                await foreach (var message in _source.ReadAllAsync("{{f.Collection}}", stoppingToken))
                        {
                            using var scope = _scopeFactory.CreateScope();
                            var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
                            var job = JsonSerializer.Deserialize<{{n}}Job>(message.Body);
                            if (job is not null)
                                await HandleAsync(store, job, stoppingToken);
                            await _source.AcknowledgeAsync(message, stoppingToken);
                        }
                """;

        return $$"""
            using System.Text.Json;
            using Contoso.Shared;

            namespace Contoso.{{f.Area}};

            public sealed record {{n}}Job(string Id, string Kind, int Attempt);

            public sealed class {{n}}Worker : BackgroundService
            {
                private readonly IMessageSource _source;
                private readonly IServiceScopeFactory _scopeFactory;
                private readonly ILogger<{{n}}Worker> _logger;

                public {{n}}Worker(IMessageSource source, IServiceScopeFactory scopeFactory, ILogger<{{n}}Worker> logger)
                {
                    _source = source;
                    _scopeFactory = scopeFactory;
                    _logger = logger;
                }

                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    {{body}}
                }

                private async Task HandleAsync(IDocumentStore store, {{n}}Job job, CancellationToken cancellationToken)
                {
                    try
                    {
                        await store.PutAsync("{{f.Collection}}-done", job.Id, job with { Attempt = job.Attempt + 1 }, cancellationToken);
                    }
                    catch (HttpRequestException exception)
                    {
                        _logger.LogWarning(exception, "{{n}} job {Id} failed on attempt {Attempt}", job.Id, job.Attempt);
                    }
                }
            }

            """;
    }

    private static string Hub(Feature f, ProgramBuilder program)
    {
        var n = f.Name;
        program.Endpoint($"app.MapHub<{n}Hub>(\"/hubs/{f.Route}\");");
        var counter = f.Has("hub-static-connections")
            ? """


                    private static int s_connected;

                    public override Task OnConnectedAsync()
                    {
                        Interlocked.Increment(ref s_connected);
                        return base.OnConnectedAsync();
                    }
                """
            : string.Empty;

        return $$"""
            using Contoso.Shared;
            using Microsoft.AspNetCore.SignalR;

            namespace Contoso.{{f.Area}};

            public sealed record {{n}}Notice(string Group, string Text, DateTimeOffset SentAt);

            public sealed class {{n}}Hub : Hub
            {
                private readonly IClock _clock;

                public {{n}}Hub(IClock clock) => _clock = clock;

                public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

                public Task Leave(string group) => Groups.RemoveFromGroupAsync(Context.ConnectionId, group);

                public Task Send(string group, string text)
                {
                    if (string.IsNullOrWhiteSpace(text))
                        throw new HubException("Empty notices are not sent.");
                    return Clients.Group(group).SendAsync("notice", new {{n}}Notice(group, text, _clock.UtcNow));
                }{{counter}}
            }

            """;
    }

    private static string Middleware(Feature f, ProgramBuilder program)
    {
        var n = f.Name;
        program.Pipeline($"app.UseMiddleware<{n}Middleware>();");
        var hits = f.Has("middleware-static-hits");
        var field = hits ? "\n    private static readonly Dictionary<string, int> s_hits = new(StringComparer.Ordinal);" : string.Empty;
        var count = hits
            ? """

                        var key = context.Request.Path.Value ?? "/";
                        lock (s_hits)
                            s_hits[key] = s_hits.TryGetValue(key, out var seen) ? seen + 1 : 1;
                """
            : string.Empty;

        return $$"""
            using System.Diagnostics;

            namespace Contoso.{{f.Area}};

            public sealed class {{n}}Middleware
            {
                private const string HeaderName = "X-{{n}}-Elapsed";
                private readonly RequestDelegate _next;
                private readonly ILogger<{{n}}Middleware> _logger;{{field}}

                public {{n}}Middleware(RequestDelegate next, ILogger<{{n}}Middleware> logger)
                {
                    _next = next;
                    _logger = logger;
                }

                public async Task InvokeAsync(HttpContext context)
                {
                    var started = Stopwatch.GetTimestamp();{{count}}
                    context.Response.OnStarting(() =>
                    {
                        context.Response.Headers[HeaderName] = Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
                        return Task.CompletedTask;
                    });
                    await _next(context);
                    if (context.Response.StatusCode >= 500)
                        _logger.LogWarning("{{n}}: {Path} answered {Status}", context.Request.Path, context.Response.StatusCode);
                }
            }

            """;
    }

    private static string Model(Feature f, ProgramBuilder program)
    {
        var n = f.Name;
        program.Service($"builder.Services.Add{n}Options(builder.Configuration);");
        var settings = f.Has("model-static-settings")
            ? $$"""


                public static class {{n}}Settings
                {
                    public static {{n}}Options Current { get; set; } = new();

                    public static void Apply({{n}}Options options) => Current = options;
                }
                """
            : string.Empty;

        return $$"""
            using System.ComponentModel.DataAnnotations;

            namespace Contoso.{{f.Area}};

            public sealed class {{n}}Options
            {
                public const string SectionName = "{{f.Area}}:{{n}}";

                [Required]
                [Url]
                public string Endpoint { get; set; } = "https://{{f.Collection}}.internal/";

                [Range(0, 10)]
                public int RetryCount { get; set; } = 3;

                public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

                public IList<string> AllowedRegions { get; } = new List<string>();
            }

            public sealed record {{n}}Address(string Street, string City, string PostalCode, string Country);

            public sealed record {{n}}Contact(string Name, string Email, {{n}}Address? Address)
            {
                public bool IsComplete => !string.IsNullOrWhiteSpace(Email) && Address is not null;
            }

            public enum {{n}}Status
            {
                Draft,
                Active,
                Suspended,
                Closed,
            }

            public static class {{n}}OptionsExtensions
            {
                public static IServiceCollection Add{{n}}Options(this IServiceCollection services, IConfiguration configuration)
                {
                    services.AddOptions<{{n}}Options>()
                        .Bind(configuration.GetSection({{n}}Options.SectionName))
                        .ValidateDataAnnotations()
                        .ValidateOnStart();
                    return services;
                }
            }{{settings}}

            """;
    }

    private static string Module(Feature f, ProgramBuilder program)
    {
        var n = f.Name;
        program.Service($"builder.Services.Add{n}Infrastructure(builder.Configuration);");
        var (statement, usings, extra) = f.AntiPattern switch
        {
            "module-distributed-memory-cache" => ("services.AddDistributedMemoryCache();", string.Empty, string.Empty),
            "module-session" => ("services.AddSession(options => options.IdleTimeout = TimeSpan.FromMinutes(20));", string.Empty, string.Empty),
            "module-signalr" => ("services.AddSignalR();", string.Empty, string.Empty),
            "module-in-memory-database" => ($"services.AddDbContext<{n}DbContext>(options => options.UseInMemoryDatabase(\"{f.Collection}\"));", "using Microsoft.EntityFrameworkCore;\n", DbContext(n)),
            "module-output-cache" => ("services.AddOutputCache();", string.Empty, string.Empty),
            "module-hangfire-in-memory" => ("services.AddHangfire(configuration => configuration.UseInMemoryStorage());", "using Hangfire;\n", string.Empty),
            "module-developer-signing-credential" => ("services.AddIdentityServer().AddDeveloperSigningCredential();", string.Empty, string.Empty),
            "module-data-protection" => ("services.AddDataProtection().SetApplicationName(\"contoso\");", "using Microsoft.AspNetCore.DataProtection;\n", string.Empty),
            "module-file-logging" => ($"services.AddSingleton(new LoggerConfiguration().WriteTo.File(\"logs/{f.Collection}.log\", RollingInterval.Day).CreateLogger());", "using Serilog;\n", string.Empty),
            _ => f.Variant switch
            {
                0 => ($"services.AddDbContext<{n}DbContext>(options => options.UseSqlServer(configuration.GetConnectionString(\"{f.Area}\")));", "using Microsoft.EntityFrameworkCore;\n", DbContext(n)),
                1 => ("services.AddSingleton(new LoggerConfiguration().WriteTo.Console().CreateLogger());", "using Serilog;\n", string.Empty),
                2 => ($"services.AddHangfire(hangfire => hangfire.UseSqlServerStorage(configuration.GetConnectionString(\"Jobs\") ?? \"Server=jobs\"));", "using Hangfire;\n", string.Empty),
                _ => ("services.AddRouting(options => options.LowercaseUrls = true);", string.Empty, string.Empty),
            },
        };

        return $$"""
            {{usings}}using Microsoft.Extensions.Diagnostics.HealthChecks;

            namespace Contoso.{{f.Area}};

            public static class {{n}}InfrastructureExtensions
            {
                public static IServiceCollection Add{{n}}Infrastructure(this IServiceCollection services, IConfiguration configuration)
                {
                    services.AddHttpClient("{{f.Collection}}", client =>
                    {
                        client.BaseAddress = new Uri(configuration["{{f.Area}}:{{n}}:Url"] ?? "https://{{f.Collection}}.internal/");
                        client.Timeout = TimeSpan.FromSeconds(10);
                    });
                    services.AddHealthChecks().AddCheck("{{n}}", () => HealthCheckResult.Healthy());
                    {{statement}}
                    return services;
                }
            }{{extra}}

            """;
    }

    private static string DbContext(string n) => $$"""


        public sealed class {{n}}DbContext : Microsoft.EntityFrameworkCore.DbContext
        {
            public {{n}}DbContext(Microsoft.EntityFrameworkCore.DbContextOptions options)
                : base(options)
            {
            }
        }
        """;
}
