using System.Globalization;
using System.Text;

namespace StatelessAnalyzers.Corpus;

/// <summary>
/// Generates a deterministic, compilable ASP.NET Core code base: controllers, services with their interfaces and
/// DI registration, minimal API endpoints, background services, SignalR hubs, middleware, options and records,
/// and infrastructure modules, all registered from one top-level <c>Program.cs</c>. A chosen fraction of the
/// feature files carries one anti-pattern each, taken in turn from <see cref="AntiPatterns"/>.
/// </summary>
public static class CorpusGenerator
{
    /// <summary>The support files every corpus has (usings, Program.cs, shared types, package stubs).</summary>
    public const int SupportFileCount = 7;

    /// <summary>The smallest corpus: the support files and one feature file.</summary>
    public const int MinimumFileCount = SupportFileCount + 1;

    /// <summary>Every anti-pattern the generator knows, in the order they are handed out.</summary>
    public static IReadOnlyList<AntiPattern> AntiPatterns { get; } = new AntiPattern[]
    {
        new("controller-static-counter", Kinds.Controller, new[] { "SL1001" }),
        new("service-singleton-state", Kinds.Service, new[] { "SL1003" }),
        new("module-distributed-memory-cache", Kinds.Module, new[] { "SL2001" }),
        new("service-temp-file", Kinds.Service, new[] { "SL3002" }),
        new("endpoints-captured-list", Kinds.Endpoints, new[] { "SL1004" }),
        new("worker-periodic-timer", Kinds.Worker, new[] { "SL4004" }),
        new("controller-memory-cache", Kinds.Controller, new[] { "SL2003" }),
        new("module-session", Kinds.Module, new[] { "SL2002", "SL2004" }),
        new("service-static-store", Kinds.Service, new[] { "SL1005" }),
        new("controller-file-write", Kinds.Controller, new[] { "SL3001" }),
        new("module-signalr", Kinds.Module, new[] { "SL2005" }),
        new("service-singleton-queue", Kinds.Service, new[] { "SL4001" }),
        new("hub-static-connections", Kinds.Hub, new[] { "SL1001" }),
        new("controller-fire-and-forget", Kinds.Controller, new[] { "SL4003" }),
        new("module-in-memory-database", Kinds.Module, new[] { "SL2006" }),
        new("service-static-queue", Kinds.Service, new[] { "SL4002" }),
        new("controller-static-write", Kinds.Controller, new[] { "SL1002", "SL1005" }),
        new("module-output-cache", Kinds.Module, new[] { "SL2007" }),
        new("middleware-static-hits", Kinds.Middleware, new[] { "SL1001" }),
        new("endpoints-fire-and-forget", Kinds.Endpoints, new[] { "SL4003" }),
        new("module-hangfire-in-memory", Kinds.Module, new[] { "SL2008" }),
        new("model-static-settings", Kinds.Model, new[] { "SL1005" }),
        new("module-developer-signing-credential", Kinds.Module, new[] { "SL2009" }),
        new("module-data-protection", Kinds.Module, new[] { "SL2004" }),
        new("module-file-logging", Kinds.Module, new[] { "SL3003" }),
    };

    /// <summary>
    /// Rules that report a compilation-wide verdict once, on the first matching registration (SL2004 Data Protection,
    /// SL2005 SignalR, SL2007 output cache): a file listing one of them may or may not carry its single finding.
    /// </summary>
    public static IReadOnlyCollection<string> OncePerCompilationRules { get; } = new[] { "SL2004", "SL2005", "SL2007" };

    private static readonly string[] Areas = { "Sales", "Catalog", "Billing", "Shipping", "Identity", "Reporting", "Support", "Inventory" };

    private static readonly string[] Nouns =
    {
        "Order", "Product", "Customer", "Invoice", "Shipment", "Payment", "Review", "Ticket", "Booking", "Account",
        "Report", "Coupon", "Cart", "Supplier", "Employee", "Project", "Warehouse", "Refund", "Subscription", "Vendor",
    };

    // Weights of the clean file kinds, roughly what a web service of this size holds.
    private static readonly (string Kind, int Weight)[] KindWeights =
    {
        (Kinds.Controller, 25), (Kinds.Service, 25), (Kinds.Endpoints, 14), (Kinds.Model, 12),
        (Kinds.Worker, 8), (Kinds.Module, 8), (Kinds.Hub, 4), (Kinds.Middleware, 4),
    };

    /// <summary>Generates the corpus described by <paramref name="options"/>; the same options give the same files.</summary>
    public static IReadOnlyList<CorpusFile> Generate(CorpusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (double.IsNaN(options.AntiPatternRate) || options.AntiPatternRate < 0 || options.AntiPatternRate > 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.AntiPatternRate, "AntiPatternRate must be between 0 and 1.");

        var random = new Random(options.Seed);
        var featureCount = Math.Max(MinimumFileCount, options.FileCount) - SupportFileCount;
        var totalWeight = 0;
        foreach (var (_, weight) in KindWeights)
            totalWeight += weight;

        var files = new List<CorpusFile>(featureCount + SupportFileCount)
        {
            new("GlobalUsings.cs", SupportFiles.GlobalUsings, Kinds.Support, Array.Empty<string>()),
            new("Shared/Abstractions.cs", SupportFiles.Shared, Kinds.Support, Array.Empty<string>()),
            new("Stubs/EntityFrameworkCore.cs", SupportFiles.EntityFrameworkCoreStub, Kinds.Support, Array.Empty<string>()),
            new("Stubs/Hangfire.cs", SupportFiles.HangfireStub, Kinds.Support, Array.Empty<string>()),
            new("Stubs/Serilog.cs", SupportFiles.SerilogStub, Kinds.Support, Array.Empty<string>()),
            new("Stubs/IdentityServer.cs", SupportFiles.IdentityServerStub, Kinds.Support, Array.Empty<string>()),
        };

        var program = new ProgramBuilder();
        var nextAntiPattern = 0;
        for (var index = 0; index < featureCount; index++)
        {
            // Draw every random value in the same order whatever the outcome, so a file's content depends only on the seed and its index.
            var carriesAntiPattern = random.NextDouble() < options.AntiPatternRate;
            var kindRoll = random.Next(totalWeight);
            var area = Areas[random.Next(Areas.Length)];
            var noun = Nouns[random.Next(Nouns.Length)];
            var variant = random.Next(4);

            AntiPattern? antiPattern = null;
            string kind;
            if (carriesAntiPattern)
            {
                antiPattern = AntiPatterns[nextAntiPattern];
                nextAntiPattern = (nextAntiPattern + 1) % AntiPatterns.Count;
                kind = antiPattern.Kind;
            }
            else
            {
                kind = PickKind(kindRoll);
            }

            var feature = new Feature(noun + index.ToString("D4", CultureInfo.InvariantCulture), noun, area, kind, antiPattern?.Name, variant);
            var text = FeatureTemplates.Write(feature, program);
            files.Add(new CorpusFile(
                $"Features/{area}/{feature.Name}{Kinds.Suffix(kind)}.cs",
                text,
                kind,
                antiPattern?.Rules ?? Array.Empty<string>()));
        }

        files.Insert(1, new CorpusFile("Program.cs", program.Build(), Kinds.Support, Array.Empty<string>()));
        return files;
    }

    private static string PickKind(int roll)
    {
        foreach (var (kind, weight) in KindWeights)
        {
            if (roll < weight)
                return kind;
            roll -= weight;
        }

        return Kinds.Service;
    }
}

/// <summary>The kinds of file the corpus holds.</summary>
internal static class Kinds
{
    public const string Controller = "controller";
    public const string Service = "service";
    public const string Endpoints = "endpoints";
    public const string Worker = "worker";
    public const string Hub = "hub";
    public const string Middleware = "middleware";
    public const string Model = "model";
    public const string Module = "module";
    public const string Support = "support";

    public static string Suffix(string kind) => kind switch
    {
        Controller => "Controller",
        Service => "Service",
        Endpoints => "Endpoints",
        Worker => "Worker",
        Hub => "Hub",
        Middleware => "Middleware",
        Model => "Options",
        Module => "Infrastructure",
        _ => string.Empty,
    };
}

/// <summary>One feature file to write.</summary>
internal sealed record Feature(string Name, string Noun, string Area, string Kind, string? AntiPattern, int Variant)
{
    public string Collection => Noun.ToLowerInvariant() + "s";

    public string Route => Collection + "/" + Name.Substring(Noun.Length);

    public bool Has(string antiPattern) => string.Equals(AntiPattern, antiPattern, StringComparison.Ordinal);
}

/// <summary>Collects the registrations and endpoint mappings of the feature files into the top-level Program.cs.</summary>
internal sealed class ProgramBuilder
{
    private readonly SortedSet<string> _namespaces = new(StringComparer.Ordinal);
    private readonly StringBuilder _services = new();
    private readonly StringBuilder _pipeline = new();
    private readonly StringBuilder _endpoints = new();

    public void Namespace(string area) => _namespaces.Add("Contoso." + area);

    public void Service(string statement) => _services.Append(statement).Append('\n');

    public void Pipeline(string statement) => _pipeline.Append(statement).Append('\n');

    public void Endpoint(string statement) => _endpoints.Append(statement).Append('\n');

    public string Build()
    {
        var text = new StringBuilder();
        text.Append("using Contoso.Shared;\n");
        foreach (var ns in _namespaces)
            text.Append("using ").Append(ns).Append(";\n");
        text.Append('\n');
        text.Append("var builder = WebApplication.CreateBuilder(args);\n\n");
        text.Append("builder.Services.AddControllers();\n");
        text.Append("builder.Services.AddProblemDetails();\n");
        text.Append("builder.Services.AddSingleton<IClock, SystemClock>();\n");
        text.Append("builder.Services.AddHttpClient<IDocumentStore, HttpDocumentStore>(client =>\n");
        text.Append("    client.BaseAddress = new Uri(builder.Configuration[\"Documents:Url\"] ?? \"https://documents.internal/\"));\n");
        text.Append("builder.Services.AddHttpClient<IMessageSource, HttpMessageSource>(client =>\n");
        text.Append("    client.BaseAddress = new Uri(builder.Configuration[\"Broker:Url\"] ?? \"https://broker.internal/\"));\n");
        text.Append(_services);
        text.Append("\nvar app = builder.Build();\n\n");
        text.Append("app.UseExceptionHandler();\n");
        text.Append(_pipeline);
        text.Append("app.MapControllers();\n");
        text.Append(_endpoints);
        text.Append("\napp.Run();\n");
        return text.ToString();
    }
}
