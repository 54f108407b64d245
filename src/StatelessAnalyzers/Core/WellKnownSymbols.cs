using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatelessAnalyzers.Core;

/// <summary>
/// The types and members the rules compare against, resolved once per compilation and shared by every
/// analyzer of the package that analyses the same compilation.
/// </summary>
internal sealed class WellKnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, WellKnownSymbols> Cache = new();
    private static readonly ConditionalWeakTable<Compilation, WellKnownSymbols>.CreateValueCallback Factory = c => new WellKnownSymbols(c);

    private readonly ConcurrentDictionary<SyntaxTree, RuleContext> contextsByTree = new();
    private readonly ConcurrentDictionary<StatelessOptions, RuleContext> contexts = new();
    private readonly ConcurrentDictionary<IAssemblySymbol, bool> frameworkAssemblies = new(SymbolEqualityComparer.Default);

    private WellKnownSymbols(Compilation compilation)
    {
        Compilation = compilation;

        HttpContext = Get("Microsoft.AspNetCore.Http.HttpContext");
        RequestDelegate = Get("Microsoft.AspNetCore.Http.RequestDelegate");
        IMiddleware = Get("Microsoft.AspNetCore.Http.IMiddleware");
        ControllerBase = Get("Microsoft.AspNetCore.Mvc.ControllerBase");
        ApiControllerAttribute = Get("Microsoft.AspNetCore.Mvc.ApiControllerAttribute");
        ControllerAttribute = Get("Microsoft.AspNetCore.Mvc.ControllerAttribute");
        NonControllerAttribute = Get("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
        PageModel = Get("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        Hub = Get("Microsoft.AspNetCore.SignalR.Hub");
        BindServiceMethodAttribute = Get("Grpc.Core.BindServiceMethodAttribute");
        IEndpointRouteBuilder = Get("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
        IHost = Get("Microsoft.Extensions.Hosting.IHost");
        IHostEnvironment = Get("Microsoft.Extensions.Hosting.IHostEnvironment");
        IServiceCollection = Get("Microsoft.Extensions.DependencyInjection.IServiceCollection");
        IMemoryCache = Get("Microsoft.Extensions.Caching.Memory.IMemoryCache");
        RuntimeMemoryCache = Get("System.Runtime.Caching.MemoryCache");
        IDistributedCache = Get("Microsoft.Extensions.Caching.Distributed.IDistributedCache");
        MemoryDistributedCache = Get("Microsoft.Extensions.Caching.Distributed.MemoryDistributedCache");
        HybridCache = Get("Microsoft.Extensions.Caching.Hybrid.HybridCache");
        IHostedService = Get("Microsoft.Extensions.Hosting.IHostedService");
        IServiceScope = Get("Microsoft.Extensions.DependencyInjection.IServiceScope");
        Task = Get("System.Threading.Tasks.Task");
        TaskOfT = Get("System.Threading.Tasks.Task`1");
        ValueTask = Get("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = Get("System.Threading.Tasks.ValueTask`1");
        TaskFactory = Get("System.Threading.Tasks.TaskFactory");
        ThreadPool = Get("System.Threading.ThreadPool");
        Thread = Get("System.Threading.Thread");
        PeriodicTimer = Get("System.Threading.PeriodicTimer");
        ThreadingTimer = Get("System.Threading.Timer");
        TimersTimer = Get("System.Timers.Timer");
        CancellationTokenSource = Get("System.Threading.CancellationTokenSource");
        SystemIOFile = Get("System.IO.File");
        FileInfo = Get("System.IO.FileInfo");
        Directory = Get("System.IO.Directory");
        SystemIOPath = Get("System.IO.Path");
        FileStream = Get("System.IO.FileStream");
        StreamWriter = Get("System.IO.StreamWriter");
        ZipFile = Get("System.IO.Compression.ZipFile");
        XDocument = Get("System.Xml.Linq.XDocument");
        XmlDocument = Get("System.Xml.XmlDocument");
        XmlWriter = Get("System.Xml.XmlWriter");
        DrawingImage = Get("System.Drawing.Image");

        Delegate = compilation.GetSpecialType(SpecialType.System_Delegate);
        ThreadStaticAttribute = Get("System.ThreadStaticAttribute");
        AsyncLocal = Get("System.Threading.AsyncLocal`1");
        ThreadLocal = Get("System.Threading.ThreadLocal`1");
        Lazy = Get("System.Lazy`1");
        StringBuilder = Get("System.Text.StringBuilder");
        GenericCollection = Get("System.Collections.Generic.ICollection`1");
        NonGenericDictionary = Get("System.Collections.IDictionary");
        ProducerConsumerCollection = Get("System.Collections.Concurrent.IProducerConsumerCollection`1");
        GenericDictionary = Get("System.Collections.Generic.IDictionary`2");
        ConditionalWeakTable = Get("System.Runtime.CompilerServices.ConditionalWeakTable`2");
        ReflectionKeyTypes = GetAll("System.Type", "System.Reflection.MemberInfo", "System.Reflection.Assembly");

        ImmutableCollectionTypes = GetAll(
            "System.Collections.Frozen.FrozenDictionary`2",
            "System.Collections.Frozen.FrozenSet`1",
            "System.Collections.ObjectModel.ReadOnlyCollection`1",
            "System.Collections.ObjectModel.ReadOnlyDictionary`2",
            "System.Collections.ObjectModel.ReadOnlyObservableCollection`1",
            "System.Collections.ObjectModel.ReadOnlySet`1");

        QueueTypes = GetAll(
            "System.Threading.Channels.Channel`1",
            "System.Threading.Channels.Channel`2",
            "System.Threading.Channels.ChannelReader`1",
            "System.Threading.Channels.ChannelWriter`1",
            "System.Collections.Concurrent.ConcurrentQueue`1",
            "System.Collections.Concurrent.BlockingCollection`1",
            "System.Collections.Concurrent.ConcurrentBag`1",
            "System.Collections.Generic.Queue`1");

        // RULES.md "Safe static types" (generic ones by their definition; Lazy<T> is handled by its argument).
        SafeTypes = GetAll(
            "System.Net.Http.HttpClient",
            "System.Text.Json.JsonSerializerOptions",
            "System.Text.RegularExpressions.Regex",
            "System.Diagnostics.ActivitySource",
            "System.Diagnostics.Metrics.Meter",
            "System.Diagnostics.Metrics.Instrument",
            "Microsoft.Extensions.Logging.ILogger",
            "Microsoft.Extensions.Logging.ILogger`1",
            "Microsoft.Extensions.Options.IOptions`1",
            "System.Type",
            "System.Globalization.CultureInfo",
            "System.Text.Encoding",
            "System.TimeSpan",
            "System.Guid",
            // Immutable values that a missing 'readonly' does not make state on their own.
            "System.DateTime",
            "System.DateTimeOffset",
            "System.DateOnly",
            "System.TimeOnly",
            "System.Uri",
            "System.Version");

        var kind = ProjectKind.None;
        if (HttpContext is not null)
            kind |= ProjectKind.Web;
        if (IHost is not null)
            kind |= ProjectKind.Worker;
        if (Get("Xunit.FactAttribute") is not null
            || Get("NUnit.Framework.TestAttribute") is not null
            || Get("Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute") is not null
            || Get("Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory`1") is not null)
            kind |= ProjectKind.Test;
        ProjectKind = kind;
    }

    /// <summary>The shared instance for <paramref name="compilation"/>; built on first use.</summary>
    public static WellKnownSymbols Get(Compilation compilation) => Cache.GetValue(compilation, Factory);

    public Compilation Compilation { get; }

    public ProjectKind ProjectKind { get; }

    public bool IsWebProject => (ProjectKind & ProjectKind.Web) != 0;

    public bool IsWorkerService => (ProjectKind & ProjectKind.Worker) != 0;

    public bool IsTestProject => (ProjectKind & ProjectKind.Test) != 0;

    /// <summary>Families 2 to 4 run in web projects and worker services.</summary>
    public bool IsWebOrWorker => (ProjectKind & (ProjectKind.Web | ProjectKind.Worker)) != 0;

    public INamedTypeSymbol? HttpContext { get; }
    public INamedTypeSymbol? RequestDelegate { get; }
    public INamedTypeSymbol? IMiddleware { get; }
    public INamedTypeSymbol? ControllerBase { get; }
    public INamedTypeSymbol? ApiControllerAttribute { get; }
    public INamedTypeSymbol? ControllerAttribute { get; }
    public INamedTypeSymbol? NonControllerAttribute { get; }
    public INamedTypeSymbol? PageModel { get; }
    public INamedTypeSymbol? Hub { get; }
    public INamedTypeSymbol? BindServiceMethodAttribute { get; }
    public INamedTypeSymbol? IEndpointRouteBuilder { get; }
    public INamedTypeSymbol? IHost { get; }
    public INamedTypeSymbol? IHostEnvironment { get; }
    public INamedTypeSymbol? IServiceCollection { get; }
    public INamedTypeSymbol? IMemoryCache { get; }
    public INamedTypeSymbol? RuntimeMemoryCache { get; }
    public INamedTypeSymbol? IDistributedCache { get; }
    public INamedTypeSymbol? MemoryDistributedCache { get; }
    public INamedTypeSymbol? HybridCache { get; }
    public INamedTypeSymbol? IHostedService { get; }
    public INamedTypeSymbol? IServiceScope { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? ValueTask { get; }
    public INamedTypeSymbol? ValueTaskOfT { get; }
    public INamedTypeSymbol? TaskFactory { get; }
    public INamedTypeSymbol? ThreadPool { get; }
    public INamedTypeSymbol? Thread { get; }
    public INamedTypeSymbol? PeriodicTimer { get; }
    public INamedTypeSymbol? ThreadingTimer { get; }
    public INamedTypeSymbol? TimersTimer { get; }
    public INamedTypeSymbol? CancellationTokenSource { get; }
    public INamedTypeSymbol? SystemIOFile { get; }
    public INamedTypeSymbol? FileInfo { get; }
    public INamedTypeSymbol? Directory { get; }
    public INamedTypeSymbol? SystemIOPath { get; }
    public INamedTypeSymbol? FileStream { get; }
    public INamedTypeSymbol? StreamWriter { get; }
    public INamedTypeSymbol? ZipFile { get; }
    public INamedTypeSymbol? XDocument { get; }
    public INamedTypeSymbol? XmlDocument { get; }
    public INamedTypeSymbol? XmlWriter { get; }
    public INamedTypeSymbol? DrawingImage { get; }

    /// <summary>True for <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> and <c>ValueTask&lt;T&gt;</c>.</summary>
    public bool IsTaskLike(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
            return false;
        var definition = named.OriginalDefinition;
        return definition.Is(Task) || definition.Is(TaskOfT) || definition.Is(ValueTask) || definition.Is(ValueTaskOfT);
    }

    /// <summary>True when <paramref name="type"/> implements <c>IHostedService</c> (a <c>BackgroundService</c>, for one).</summary>
    public bool IsHostedService(INamedTypeSymbol type) => type.IsOrImplements(IHostedService);
    public INamedTypeSymbol Delegate { get; }
    public INamedTypeSymbol? ThreadStaticAttribute { get; }
    public INamedTypeSymbol? AsyncLocal { get; }
    public INamedTypeSymbol? ThreadLocal { get; }
    public INamedTypeSymbol? Lazy { get; }
    public INamedTypeSymbol? StringBuilder { get; }
    public INamedTypeSymbol? GenericCollection { get; }
    public INamedTypeSymbol? NonGenericDictionary { get; }
    public INamedTypeSymbol? ProducerConsumerCollection { get; }
    public INamedTypeSymbol? GenericDictionary { get; }
    public INamedTypeSymbol? ConditionalWeakTable { get; }

    /// <summary><c>Type</c>, <c>MemberInfo</c>, <c>Assembly</c>: keys of reflection caches.</summary>
    public ImmutableHashSet<INamedTypeSymbol> ReflectionKeyTypes { get; }
    public ImmutableHashSet<INamedTypeSymbol> ImmutableCollectionTypes { get; }
    public ImmutableHashSet<INamedTypeSymbol> QueueTypes { get; }
    public ImmutableHashSet<INamedTypeSymbol> SafeTypes { get; }

    /// <summary>Resolves a metadata name to a type of this compilation, or null (missing, or ambiguous).</summary>
    public INamedTypeSymbol? Get(string metadataName)
    {
#pragma warning disable RS0030 // The one place metadata names are resolved.
        return Compilation.GetTypeByMetadataName(metadataName);
#pragma warning restore RS0030
    }

    /// <summary>
    /// The <c>stateless_analyzers.*</c> options that apply to <paramref name="tree"/>, parsed once per tree; trees
    /// with equal values share one instance.
    /// </summary>
    public StatelessOptions GetOptions(AnalyzerOptions options, SyntaxTree tree) => GetContext(options, tree).Options;

    /// <summary>The options that apply to the whole compilation (a <c>.globalconfig</c>).</summary>
    public StatelessOptions GetGlobalOptions(AnalyzerOptions options) =>
        StatelessOptions.Intern(StatelessOptions.Parse(options.AnalyzerConfigOptionsProvider.GlobalOptions));

    /// <summary>The classifiers configured by <paramref name="options"/> for this compilation.</summary>
    public RuleContext GetContext(StatelessOptions options) =>
        contexts.TryGetValue(options, out var context) ? context : contexts.GetOrAdd(options, new RuleContext(this, options));

    /// <summary>
    /// The classifiers for the options of <paramref name="tree"/>: one dictionary lookup per call, the options parsed
    /// once per tree.
    /// </summary>
    public RuleContext GetContext(AnalyzerOptions options, SyntaxTree tree)
    {
        if (contextsByTree.TryGetValue(tree, out var cached))
            return cached;
        var parsed = StatelessOptions.Intern(StatelessOptions.Parse(options.AnalyzerConfigOptionsProvider.GetOptions(tree)));
        return contextsByTree.GetOrAdd(tree, GetContext(parsed));
    }

    /// <summary>
    /// True for assemblies of .NET and ASP.NET Core themselves (signed with Microsoft's or the .NET Foundation's
    /// keys): their static members are runtime settings, not the application's state.
    /// </summary>
    public bool IsFrameworkAssembly(IAssemblySymbol? assembly)
    {
        if (assembly is null)
            return false;
        if (frameworkAssemblies.TryGetValue(assembly, out var known))
            return known;
        var token = assembly.Identity.PublicKeyToken;
        var result = false;
        if (!token.IsDefaultOrEmpty && token.Length == 8)
        {
            var hex = TokenToHex(token);
            result = hex is "b03f5f7f11d50a3a" or "7cec85d7bea7798e" or "adb9793829ddae60" or "cc7b13ffcd2ddd51" or "31bf3856ad364e35" or "b77a5c561934e089";
        }
        return frameworkAssemblies.GetOrAdd(assembly, result);
    }

    private static string TokenToHex(ImmutableArray<byte> token)
    {
        const string digits = "0123456789abcdef";
        var chars = new char[token.Length * 2];
        for (var i = 0; i < token.Length; i++)
        {
            chars[2 * i] = digits[token[i] >> 4];
            chars[(2 * i) + 1] = digits[token[i] & 0xF];
        }
        return new string(chars);
    }

    private ImmutableHashSet<INamedTypeSymbol> GetAll(params string[] metadataNames)
    {
        var builder = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in metadataNames)
        {
            if (Get(name) is { } type)
                builder.Add(type);
        }
        return builder.ToImmutable();
    }

    /// <summary>Resolves the entries of a list option; names that do not resolve are skipped.</summary>
    internal ImmutableHashSet<INamedTypeSymbol> ResolveAll(IEnumerable<string> metadataNames)
    {
        var builder = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in metadataNames)
        {
            if (Get(name) is { } type)
                builder.Add(type);
        }
        return builder.ToImmutable();
    }
}
