using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
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

    private static readonly string[] ReflectionKeyTypesNames =
    {
        "System.Type", "System.Reflection.MemberInfo", "System.Reflection.Assembly",
    };

    private static readonly string[] ImmutableCollectionTypesNames =
    {
        "System.Collections.Frozen.FrozenDictionary`2",
        "System.Collections.Frozen.FrozenSet`1",
        "System.Collections.ObjectModel.ReadOnlyCollection`1",
        "System.Collections.ObjectModel.ReadOnlyDictionary`2",
        "System.Collections.ObjectModel.ReadOnlyObservableCollection`1",
        "System.Collections.ObjectModel.ReadOnlySet`1",
    };

    private static readonly string[] QueueTypesNames =
    {
        "System.Threading.Channels.Channel`1",
        "System.Threading.Channels.Channel`2",
        "System.Threading.Channels.ChannelReader`1",
        "System.Threading.Channels.ChannelWriter`1",
        "System.Collections.Concurrent.ConcurrentQueue`1",
        "System.Collections.Concurrent.BlockingCollection`1",
        "System.Collections.Concurrent.ConcurrentBag`1",
        "System.Collections.Generic.Queue`1",
    };

    // RULES.md "Safe static types" (generic ones by their definition; Lazy<T> is handled by its argument).
    private static readonly string[] SafeTypesNames =
    {
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
        "System.Version",
    };

    // Every type but the few the project kind needs is resolved on first use: resolving a name searches every
    // referenced assembly, and most compilations need only some of these types. A slot holds the type, NotFound,
    // or null while unresolved; two threads resolving the same slot at once store the same answer.
    private static readonly object NotFound = new();

    private readonly ConcurrentDictionary<string, INamedTypeSymbol?> byName = new(System.StringComparer.Ordinal);
    private readonly IdentityMap<SyntaxTree, RuleContext> contextsByTree;
    private LastAnswer<SyntaxTree, RuleContext>? lastTree;
    private readonly ConcurrentDictionary<AnalyzerConfigOptions, RuleContext> contextsByConfig = new(ReferenceComparer<AnalyzerConfigOptions>.Instance);
    private readonly ConcurrentDictionary<StatelessOptions, RuleContext> contexts = new();
    private readonly ConcurrentDictionary<IAssemblySymbol, bool> frameworkAssemblies = new(SymbolEqualityComparer.Default);
    private readonly object?[] resolved = new object?[56];

    /// <summary>The service registration read last (<see cref="ServiceRegistrations.TryRead"/>).</summary>
    public ServiceRegistrations.LastRead LastRegistration { get; } = new();

    private WellKnownSymbols(Compilation compilation)
    {
        Compilation = compilation;
        // Sized for one entry per file up front: every file is added, and a growing table rehashes all of them.
        contextsByTree = new IdentityMap<SyntaxTree, RuleContext>(
            compilation.SyntaxTrees is IReadOnlyCollection<SyntaxTree> trees ? trees.Count : 32);

        HttpContext = Get("Microsoft.AspNetCore.Http.HttpContext");
        IHost = Get("Microsoft.Extensions.Hosting.IHost");

        Delegate = compilation.GetSpecialType(SpecialType.System_Delegate);

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
    public INamedTypeSymbol? RequestDelegate => Resolve(0, "Microsoft.AspNetCore.Http.RequestDelegate");
    public INamedTypeSymbol? IMiddleware => Resolve(1, "Microsoft.AspNetCore.Http.IMiddleware");
    public INamedTypeSymbol? ControllerBase => Resolve(2, "Microsoft.AspNetCore.Mvc.ControllerBase");
    public INamedTypeSymbol? ApiControllerAttribute => Resolve(3, "Microsoft.AspNetCore.Mvc.ApiControllerAttribute");
    public INamedTypeSymbol? ControllerAttribute => Resolve(4, "Microsoft.AspNetCore.Mvc.ControllerAttribute");
    public INamedTypeSymbol? NonControllerAttribute => Resolve(5, "Microsoft.AspNetCore.Mvc.NonControllerAttribute");
    public INamedTypeSymbol? PageModel => Resolve(6, "Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
    public INamedTypeSymbol? Hub => Resolve(7, "Microsoft.AspNetCore.SignalR.Hub");
    public INamedTypeSymbol? BindServiceMethodAttribute => Resolve(8, "Grpc.Core.BindServiceMethodAttribute");
    public INamedTypeSymbol? IEndpointRouteBuilder => Resolve(9, "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
    public INamedTypeSymbol? IHost { get; }
    public INamedTypeSymbol? IHostEnvironment => Resolve(10, "Microsoft.Extensions.Hosting.IHostEnvironment");
    public INamedTypeSymbol? IServiceCollection => Resolve(11, "Microsoft.Extensions.DependencyInjection.IServiceCollection");
    public INamedTypeSymbol? IMemoryCache => Resolve(12, "Microsoft.Extensions.Caching.Memory.IMemoryCache");
    public INamedTypeSymbol? RuntimeMemoryCache => Resolve(13, "System.Runtime.Caching.MemoryCache");
    public INamedTypeSymbol? IDistributedCache => Resolve(14, "Microsoft.Extensions.Caching.Distributed.IDistributedCache");
    public INamedTypeSymbol? MemoryDistributedCache => Resolve(15, "Microsoft.Extensions.Caching.Distributed.MemoryDistributedCache");
    public INamedTypeSymbol? HybridCache => Resolve(16, "Microsoft.Extensions.Caching.Hybrid.HybridCache");
    public INamedTypeSymbol? IHostedService => Resolve(17, "Microsoft.Extensions.Hosting.IHostedService");
    public INamedTypeSymbol? IServiceScope => Resolve(18, "Microsoft.Extensions.DependencyInjection.IServiceScope");
    public INamedTypeSymbol? Task => Resolve(19, "System.Threading.Tasks.Task");
    public INamedTypeSymbol? TaskOfT => Resolve(20, "System.Threading.Tasks.Task`1");
    public INamedTypeSymbol? ValueTask => Resolve(21, "System.Threading.Tasks.ValueTask");
    public INamedTypeSymbol? ValueTaskOfT => Resolve(22, "System.Threading.Tasks.ValueTask`1");
    public INamedTypeSymbol? TaskFactory => Resolve(23, "System.Threading.Tasks.TaskFactory");
    public INamedTypeSymbol? ThreadPool => Resolve(24, "System.Threading.ThreadPool");
    public INamedTypeSymbol? Thread => Resolve(25, "System.Threading.Thread");
    public INamedTypeSymbol? PeriodicTimer => Resolve(26, "System.Threading.PeriodicTimer");
    public INamedTypeSymbol? ThreadingTimer => Resolve(27, "System.Threading.Timer");
    public INamedTypeSymbol? TimersTimer => Resolve(28, "System.Timers.Timer");
    public INamedTypeSymbol? CancellationTokenSource => Resolve(29, "System.Threading.CancellationTokenSource");
    public INamedTypeSymbol? SystemIOFile => Resolve(30, "System.IO.File");
    public INamedTypeSymbol? FileInfo => Resolve(31, "System.IO.FileInfo");
    public INamedTypeSymbol? Directory => Resolve(32, "System.IO.Directory");
    public INamedTypeSymbol? SystemIOPath => Resolve(33, "System.IO.Path");
    public INamedTypeSymbol? FileStream => Resolve(34, "System.IO.FileStream");
    public INamedTypeSymbol? StreamWriter => Resolve(35, "System.IO.StreamWriter");
    public INamedTypeSymbol? ZipFile => Resolve(36, "System.IO.Compression.ZipFile");
    public INamedTypeSymbol? XDocument => Resolve(37, "System.Xml.Linq.XDocument");
    public INamedTypeSymbol? XmlDocument => Resolve(38, "System.Xml.XmlDocument");
    public INamedTypeSymbol? XmlWriter => Resolve(39, "System.Xml.XmlWriter");
    public INamedTypeSymbol? DrawingImage => Resolve(40, "System.Drawing.Image");

    /// <summary>True for <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> and <c>ValueTask&lt;T&gt;</c>.</summary>
    public bool IsTaskLike(ITypeSymbol? type)
    {
        // Asked for the return type of many calls: the name rules out most types before any symbol is compared.
        if (type is not INamedTypeSymbol { Name: "Task" or "ValueTask" } named)
            return false;
        var definition = named.OriginalDefinition;
        return definition.Is(Task) || definition.Is(TaskOfT) || definition.Is(ValueTask) || definition.Is(ValueTaskOfT);
    }

    /// <summary>True when <paramref name="type"/> implements <c>IHostedService</c> (a <c>BackgroundService</c>, for one).</summary>
    public bool IsHostedService(INamedTypeSymbol type) => type.IsOrImplements(IHostedService);
    public INamedTypeSymbol Delegate { get; }
    public INamedTypeSymbol? ThreadStaticAttribute => Resolve(41, "System.ThreadStaticAttribute");
    public INamedTypeSymbol? AsyncLocal => Resolve(42, "System.Threading.AsyncLocal`1");
    public INamedTypeSymbol? ThreadLocal => Resolve(43, "System.Threading.ThreadLocal`1");
    public INamedTypeSymbol? Lazy => Resolve(44, "System.Lazy`1");
    public INamedTypeSymbol? StringBuilder => Resolve(45, "System.Text.StringBuilder");
    public INamedTypeSymbol? GenericCollection => Resolve(46, "System.Collections.Generic.ICollection`1");
    public INamedTypeSymbol? NonGenericDictionary => Resolve(47, "System.Collections.IDictionary");
    public INamedTypeSymbol? ProducerConsumerCollection => Resolve(48, "System.Collections.Concurrent.IProducerConsumerCollection`1");
    public INamedTypeSymbol? GenericDictionary => Resolve(49, "System.Collections.Generic.IDictionary`2");
    public INamedTypeSymbol? ConditionalWeakTable => Resolve(50, "System.Runtime.CompilerServices.ConditionalWeakTable`2");
    public INamedTypeSymbol? GeneratedCodeAttribute => Resolve(55, "System.CodeDom.Compiler.GeneratedCodeAttribute");

    /// <summary><c>Type</c>, <c>MemberInfo</c>, <c>Assembly</c>: keys of reflection caches.</summary>
    public ImmutableHashSet<INamedTypeSymbol> ReflectionKeyTypes => ResolveSet(51, ReflectionKeyTypesNames);
    public ImmutableHashSet<INamedTypeSymbol> ImmutableCollectionTypes => ResolveSet(52, ImmutableCollectionTypesNames);
    public ImmutableHashSet<INamedTypeSymbol> QueueTypes => ResolveSet(53, QueueTypesNames);
    public ImmutableHashSet<INamedTypeSymbol> SafeTypes => ResolveSet(54, SafeTypesNames);

    /// <summary>Resolves a metadata name to a type of this compilation, or null (missing, or ambiguous); once per name.</summary>
    public INamedTypeSymbol? Get(string metadataName)
    {
        // Resolving a name searches every reference: each name is resolved once per compilation, whichever rule asks.
        if (byName.TryGetValue(metadataName, out var known))
            return known;
#pragma warning disable RS0030 // The one place metadata names are resolved.
        var type = NamespaceExists(metadataName) ? Compilation.GetTypeByMetadataName(metadataName) : null;
#pragma warning restore RS0030
        return byName.GetOrAdd(metadataName, type);
    }

    /// <summary>
    /// False when a namespace of <paramref name="metadataName"/> is declared neither in source nor in any reference:
    /// the type cannot exist. Many names are of libraries a project does not use (test frameworks, job schedulers,
    /// logging sinks), and looking such a name up searches every referenced assembly; a missing namespace is found
    /// in the compilation's merged namespace tree with a few name lookups.
    /// </summary>
    private bool NamespaceExists(string metadataName)
    {
        var end = metadataName.IndexOf('+');
        var namespaceEnd = metadataName.LastIndexOf('.', end < 0 ? metadataName.Length - 1 : end);
        INamespaceSymbol current = Compilation.GlobalNamespace;
        var start = 0;
        while (start < namespaceEnd)
        {
            var dot = metadataName.IndexOf('.', start);
            if (dot < 0 || dot > namespaceEnd)
                dot = namespaceEnd;
            var segment = metadataName.Substring(start, dot - start);
            INamespaceSymbol? next = null;
            foreach (var member in current.GetMembers(segment))
            {
                if (member is INamespaceSymbol ns)
                {
                    next = ns;
                    break;
                }
            }
            if (next is null)
                return false;
            current = next;
            start = dot + 1;
        }
        return true;
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
    /// once per distinct options object (files that share an <c>.editorconfig</c> section usually share one).
    /// </summary>
    public RuleContext GetContext(AnalyzerOptions options, SyntaxTree tree)
    {
        // The driver calls back file by file, and the rules of one callback ask for the same file: most calls are for
        // the file of the call before, answered without a lookup.
        if (LastAnswer<SyntaxTree, RuleContext>.TryGet(ref lastTree, tree, out var last))
            return last;
        if (!contextsByTree.TryGetValue(tree, out var cached))
        {
            var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            if (!contextsByConfig.TryGetValue(config, out var context))
                context = contextsByConfig.GetOrAdd(config, GetContext(StatelessOptions.Intern(StatelessOptions.Parse(config))));
            cached = contextsByTree.GetOrAdd(tree, context);
        }
        return LastAnswer<SyntaxTree, RuleContext>.Set(ref lastTree, tree, cached);
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

    private INamedTypeSymbol? Resolve(int slot, string metadataName)
    {
        var value = Volatile.Read(ref resolved[slot]);
        if (value is null)
        {
            value = (object?)Get(metadataName) ?? NotFound;
            Volatile.Write(ref resolved[slot], value);
        }
        return value as INamedTypeSymbol;
    }

    private ImmutableHashSet<INamedTypeSymbol> ResolveSet(int slot, string[] metadataNames)
    {
        var value = Volatile.Read(ref resolved[slot]);
        if (value is null)
        {
            value = ResolveAll(metadataNames);
            Volatile.Write(ref resolved[slot], value);
        }
        return (ImmutableHashSet<INamedTypeSymbol>)value;
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
