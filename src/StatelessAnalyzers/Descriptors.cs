using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers;

/// <summary>Every diagnostic the package reports. Titles, categories and severities follow RULES.md.</summary>
internal static partial class Descriptors
{
    public static readonly DiagnosticDescriptor SL1001StaticMutableState = Create(
        "SL1001",
        "Static mutable state in a request-handling type",
        "'{0}' is static state of '{1}': it lives in this process only, so other replicas never see its value and a restart loses it",
        DiagnosticCategories.Memory,
        DiagnosticSeverity.Warning,
        "A static field or property of a controller, page, hub, middleware or gRPC service that is written while the app runs is per-instance state: each replica holds its own copy, and a restart or scale-in loses it.");

    /// <summary>
    /// SL1001 when the verdict needs writes from other types of the compilation (a non-private
    /// static collection mutated elsewhere): reported at compilation end, so it carries that tag.
    /// </summary>
    public static readonly DiagnosticDescriptor SL1001StaticMutableStateCompilationEnd = Create(
        "SL1001",
        "Static mutable state in a request-handling type",
        "'{0}' is static state of '{1}': it lives in this process only, so other replicas never see its value and a restart loses it",
        DiagnosticCategories.Memory,
        DiagnosticSeverity.Warning,
        "A static field or property of a controller, page, hub, middleware or gRPC service that is written while the app runs is per-instance state: each replica holds its own copy, and a restart or scale-in loses it.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor SL1002StaticWriteFromHandler = Create(
        "SL1002",
        "Request handler writes to static state",
        "This request writes '{0}', static state of '{1}' that lives in this process only: requests served by other replicas never see the change",
        DiagnosticCategories.Memory,
        DiagnosticSeverity.Warning,
        "A controller, hub, middleware or endpoint handler that writes a static field or property of another type keeps request data in process memory, where other replicas cannot see it and a restart loses it.");

    /// <summary>SL1002 for writes in a method that is mapped as an endpoint handler by a method group elsewhere.</summary>
    public static readonly DiagnosticDescriptor SL1002StaticWriteFromHandlerCompilationEnd = Create(
        "SL1002",
        "Request handler writes to static state",
        "This request writes '{0}', static state of '{1}' that lives in this process only: requests served by other replicas never see the change",
        DiagnosticCategories.Memory,
        DiagnosticSeverity.Warning,
        "A controller, hub, middleware or endpoint handler that writes a static field or property of another type keeps request data in process memory, where other replicas cannot see it and a restart loses it.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor SL1003SingletonState = Create(
        "SL1003",
        "Mutable state in a singleton service",
        "'{0}' is state of the singleton '{1}', written after construction: each replica holds its own value and a restart loses it; keep it in a shared store (a database or a distributed cache)",
        DiagnosticCategories.Memory,
        DiagnosticSeverity.Info,
        "An instance field of a class registered as a singleton lives as long as the process: when requests write it, each replica accumulates different state, and a restart or scale-in loses it.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor SL1004CapturedState = Create(
        "SL1004",
        "Endpoint handler captures mutable state",
        "'{0}' is captured by an endpoint handler and lives as long as the app: each replica keeps its own copy and a restart loses it; keep it in a database or a distributed cache",
        DiagnosticCategories.Memory,
        DiagnosticSeverity.Warning,
        "A local variable of Program.cs (or a field reached through a captured 'this') used by a minimal API handler lives for the whole life of the process: a collection that handlers add to, or a variable they assign, is per-replica state.");

    public static readonly DiagnosticDescriptor SL1005StaticStateInWebProject = Create(
        "SL1005",
        "Static mutable state in a web project",
        "'{0}' is static state of '{1}', written while the app runs: it lives in this process only, so other replicas never see it and a restart loses it",
        DiagnosticCategories.Memory,
        DiagnosticSeverity.Info,
        "A static field or property of a repository, store or helper class of a web project that is written while the app runs is per-instance state: each replica has its own copy, and a restart or scale-in loses it.");

    /// <summary>SL1005 when the writes come from other types: reported at compilation end.</summary>
    public static readonly DiagnosticDescriptor SL1005StaticStateInWebProjectCompilationEnd = Create(
        "SL1005",
        "Static mutable state in a web project",
        "'{0}' is static state of '{1}', written while the app runs: it lives in this process only, so other replicas never see it and a restart loses it",
        DiagnosticCategories.Memory,
        DiagnosticSeverity.Info,
        "A static field or property of a repository, store or helper class of a web project that is written while the app runs is per-instance state: each replica has its own copy, and a restart or scale-in loses it.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor SL2001InMemoryDistributedCache = Create(
        "SL2001",
        "In-memory distributed cache registered",
        "'AddDistributedMemoryCache' keeps IDistributedCache entries in this process, so each replica sees its own cache and a restart empties it: {0}",
        DiagnosticCategories.Infrastructure,
        DiagnosticSeverity.Warning,
        "AddDistributedMemoryCache registers an IDistributedCache that lives in process memory: the session, the cache entries and anything else stored through IDistributedCache are not shared between replicas.");

    public static readonly DiagnosticDescriptor SL2002SessionInProcessMemory = Create(
        "SL2002",
        "Session state kept in process memory",
        "'AddSession' stores session state in IDistributedCache, and no shared cache is registered in this project: a user's next request on another replica finds an empty session",
        DiagnosticCategories.Infrastructure,
        DiagnosticSeverity.Warning,
        "Session state lives in the registered IDistributedCache; without a shared one (Redis, SQL Server, Cosmos DB, PostgreSQL) every replica keeps its own sessions and loses them on restart.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor SL2003InProcessCache = Create(
        "SL2003",
        "In-process cache used for shared data",
        "'{0}' is an in-process cache of '{1}': each replica caches its own copy, so replicas can serve different values until entries expire",
        DiagnosticCategories.Infrastructure,
        DiagnosticSeverity.Info,
        "IMemoryCache and MemoryCache keep entries in this process. In a request-handling type or a singleton that is fine for data rebuilt from a source of truth, but data written by one request is invisible to other replicas; IDistributedCache shares it.");

    /// <summary>SL2003 for a singleton service: registrations can be anywhere in the compilation.</summary>
    public static readonly DiagnosticDescriptor SL2003InProcessCacheCompilationEnd = Create(
        "SL2003",
        "In-process cache used for shared data",
        "'{0}' is an in-process cache of '{1}': each replica caches its own copy, so replicas can serve different values until entries expire",
        DiagnosticCategories.Infrastructure,
        DiagnosticSeverity.Info,
        "IMemoryCache and MemoryCache keep entries in this process. In a request-handling type or a singleton that is fine for data rebuilt from a source of truth, but data written by one request is invisible to other replicas; IDistributedCache shares it.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor SL4001SingletonQueue = Create(
        "SL4001",
        "In-memory work queue registered as a singleton",
        "'{0}' is registered as a singleton and holds an in-memory queue: work queued on one replica runs only there and is lost when it stops; use a message broker (RabbitMQ, Azure Service Bus, Amazon SQS, Kafka) or a durable job store",
        DiagnosticCategories.Work,
        DiagnosticSeverity.Warning,
        "A singleton Channel, ConcurrentQueue, BlockingCollection or Queue (or a class holding one, such as a BackgroundTaskQueue read by a hosted service) keeps queued work in process memory: only the replica that queued an item can run it, and queued items are lost on restart or scale-in.");

    public static readonly DiagnosticDescriptor SL4002StaticWorkQueue = Create(
        "SL4002",
        "Static work queue",
        "'{0}' is an in-memory work queue of '{1}': work queued on one replica is invisible to the others and lost when the instance stops; use a message broker (RabbitMQ, Azure Service Bus, Amazon SQS, Kafka) or a durable job store",
        DiagnosticCategories.Work,
        DiagnosticSeverity.Warning,
        "A static Channel, ConcurrentQueue, BlockingCollection, Queue or ConcurrentBag holds work in process memory: only the replica that queued an item can run it, and items still queued are lost on restart or scale-in.");

    public static readonly DiagnosticDescriptor SL4003FireAndForget = Create(
        "SL4003",
        "Fire-and-forget work started by a request",
        "{0} starts work that outlives the request in this process only: if the replica stops or is scaled in, the work is lost without a trace; hand it to a message broker or a durable job store",
        DiagnosticCategories.Work,
        DiagnosticSeverity.Warning,
        "Work started by a request and not awaited (Task.Run, ThreadPool, a new Thread, a discarded Task, an async void method) runs only in the replica that took the request; a restart, a deployment or a scale-in silently drops it.");

    public static readonly DiagnosticDescriptor SL4004ScheduledWork = Create(
        "SL4004",
        "Scheduled work runs on every replica",
        "'{0}' runs scheduled work with {1}: every replica runs it, so N replicas run each job N times; use a distributed lock or an external scheduler",
        DiagnosticCategories.Work,
        DiagnosticSeverity.Info,
        "A hosted service that loops on PeriodicTimer or Task.Delay, or creates a timer, runs in every replica: scale to N replicas and each scheduled job runs N times, at slightly different moments.");

    public static readonly DiagnosticDescriptor SL9001InvalidOption = Create(
        "SL9001",
        "Invalid StatelessAnalyzers option",
        "The value '{1}' of option '{0}' cannot be used ({2}): the default is used instead",
        DiagnosticCategories.Configuration,
        DiagnosticSeverity.Warning,
        "A stateless_analyzers.* option in .editorconfig or .globalconfig has a value that cannot be parsed; the rules that read it fall back to their default.",
        WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string message,
        string category,
        DiagnosticSeverity severity,
        string description,
        params string[] tags)
    {
#pragma warning disable RS0030 // The one place descriptors are constructed.
        return new DiagnosticDescriptor(
            id, title, message, category, severity, isEnabledByDefault: true, description,
            helpLinkUri: ProjectInfo.RulesDocsUrl + id + ".md", customTags: tags);
#pragma warning restore RS0030
    }
}
