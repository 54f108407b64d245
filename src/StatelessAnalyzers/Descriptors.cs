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

    /// <summary>SL2004 is decided at compilation end: the keys may be persisted in any file of the project.</summary>
    public static readonly DiagnosticDescriptor SL2004DataProtectionKeysNotPersisted = Create(
        "SL2004",
        "Data Protection keys are not persisted to shared storage",
        "'{0}' protects cookies and tokens with Data Protection keys that no PersistKeysTo* call shares, so each replica makes its own: a cookie or antiforgery token issued by one replica fails on the next ('the antiforgery token could not be decrypted', users logged out at random)",
        DiagnosticCategories.Infrastructure,
        DiagnosticSeverity.Warning,
        "Authentication cookies, antiforgery tokens, session cookies and Identity tokens are encrypted with Data Protection keys; unless the keys are persisted to storage every replica shares (PersistKeysTo*, or KeyManagementOptions.XmlRepository), each replica generates its own key ring and cannot read what another replica protected.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>SL2005 is decided at compilation end: the backplane may be added anywhere in the project.</summary>
    public static readonly DiagnosticDescriptor SL2005SignalRWithoutBackplane = Create(
        "SL2005",
        "SignalR without a scale-out backplane",
        "'{0}' has no scale-out backplane (AddStackExchangeRedis, AddAzureSignalR): a message sent on one replica reaches only the clients connected to that replica, and groups and users span one replica only",
        DiagnosticCategories.Infrastructure,
        DiagnosticSeverity.Warning,
        "SignalR keeps its connections, groups and users in the process that accepted them; without a backplane (Redis, Azure SignalR Service, Orleans) a message sent from one replica never reaches the clients connected to the others.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor SL2006LocalDatabase = Create(
        "SL2006",
        "In-memory or local-file database",
        "'{0}' keeps the database {1}: each replica reads and writes its own copy, so users see different data depending on the replica that serves them and a replaced instance loses its data",
        DiagnosticCategories.Infrastructure,
        DiagnosticSeverity.Warning,
        "An EF Core in-memory database, a SQLite database in a file or in memory, and a LiteDB file live inside one instance: every replica has its own data, and a restart or a new container starts from an empty or stale copy.");

    public static readonly DiagnosticDescriptor SL2007PerInstanceOutputCacheOrRateLimiter = Create(
        "SL2007",
        "Per-instance output cache or rate limiter",
        "'{0}' keeps its state in this process: {1}",
        DiagnosticCategories.Infrastructure,
        DiagnosticSeverity.Info,
        "The output cache without a distributed store, response caching and the rate limiter keep their entries and counters in the memory of each replica: replicas serve different cached versions, and a rate limit of N requests becomes N per replica.");

    /// <summary>SL2007 for AddOutputCache: whether a distributed store is registered is known at compilation end.</summary>
    public static readonly DiagnosticDescriptor SL2007PerInstanceOutputCacheOrRateLimiterCompilationEnd = Create(
        "SL2007",
        "Per-instance output cache or rate limiter",
        "'{0}' keeps its state in this process: {1}",
        DiagnosticCategories.Infrastructure,
        DiagnosticSeverity.Info,
        "The output cache without a distributed store, response caching and the rate limiter keep their entries and counters in the memory of each replica: replicas serve different cached versions, and a rate limit of N requests becomes N per replica.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor SL2008InMemoryJobStore = Create(
        "SL2008",
        "In-memory job or message store",
        "'{0}' keeps jobs or messages in this process's memory: work queued on one replica runs only there, recurring jobs run once per replica, and everything still queued vanishes on restart",
        DiagnosticCategories.Infrastructure,
        DiagnosticSeverity.Warning,
        "Hangfire's memory storage, Quartz's RAMJobStore and MassTransit's in-memory transport keep jobs and messages in the process: other replicas never see them, schedules run on every replica, and a restart or scale-in loses whatever was queued.");

    public static readonly DiagnosticDescriptor SL2009PerInstanceSigningKey = Create(
        "SL2009",
        "Token-signing key generated per instance",
        "'{0}' creates a signing or encryption key in this instance only: tokens issued by one replica are rejected by the next, and every restart invalidates the tokens already issued",
        DiagnosticCategories.Infrastructure,
        DiagnosticSeverity.Warning,
        "A developer signing credential, an OpenIddict ephemeral or development key, or a security key built from freshly generated random bytes or a new RSA/ECDsa key exists only in the instance that made it: other replicas cannot validate the tokens it signs or decrypt the tokens it encrypts.");

    /// <summary>SL2009 for a key stored in a field, property or method of the app: its uses can be anywhere in the compilation.</summary>
    public static readonly DiagnosticDescriptor SL2009PerInstanceSigningKeyCompilationEnd = Create(
        "SL2009",
        "Token-signing key generated per instance",
        "'{0}' creates a signing or encryption key in this instance only: tokens issued by one replica are rejected by the next, and every restart invalidates the tokens already issued",
        DiagnosticCategories.Infrastructure,
        DiagnosticSeverity.Warning,
        "A developer signing credential, an OpenIddict ephemeral or development key, or a security key built from freshly generated random bytes or a new RSA/ECDsa key exists only in the instance that made it: other replicas cannot validate the tokens it signs or decrypt the tokens it encrypts.",
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
