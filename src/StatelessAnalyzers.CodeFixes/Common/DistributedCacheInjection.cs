using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace StatelessAnalyzers.CodeFixes.Common;

/// <summary>How a type gets (or already has) its <c>IDistributedCache</c>; the values of <see cref="DependencyInjectionKind"/>.</summary>
internal enum DistributedCacheInjectionKind
{
    /// <summary>See <see cref="DependencyInjectionKind.Existing"/>.</summary>
    Existing = DependencyInjectionKind.Existing,

    /// <summary>See <see cref="DependencyInjectionKind.PrimaryConstructorParameter"/>.</summary>
    PrimaryConstructorParameter = DependencyInjectionKind.PrimaryConstructorParameter,

    /// <summary>See <see cref="DependencyInjectionKind.ConstructorParameter"/>.</summary>
    ConstructorParameter = DependencyInjectionKind.ConstructorParameter,

    /// <summary>See <see cref="DependencyInjectionKind.NewConstructor"/>.</summary>
    NewConstructor = DependencyInjectionKind.NewConstructor,
}

/// <summary>The outcome of <see cref="DistributedCacheInjection.TryPlan"/>: a <see cref="DependencyInjectionPlan"/> for the cache.</summary>
internal sealed class DistributedCacheInjectionPlan : DependencyInjectionPlan
{
    internal DistributedCacheInjectionPlan(DependencyInjectionPlan plan)
        : base(plan)
    {
    }

    /// <summary>What the plan adds, if anything.</summary>
    public new DistributedCacheInjectionKind Kind => (DistributedCacheInjectionKind)base.Kind;
}

/// <summary>
/// Finds or adds the injected <c>IDistributedCache</c> of a type (named <c>cache</c>, else <c>distributedCache</c>)
/// through <see cref="DependencyInjection"/>: <see cref="TryPlan"/> decides and <see cref="Apply"/> edits.
/// </summary>
internal static class DistributedCacheInjection
{
    /// <summary>The namespace of <c>IDistributedCache</c>, to import when the plan adds code.</summary>
    public const string CacheNamespace = "Microsoft.Extensions.Caching.Distributed";

    /// <summary>The metadata name of <c>IDistributedCache</c>.</summary>
    public const string CacheMetadataName = "Microsoft.Extensions.Caching.Distributed.IDistributedCache";

    private const string CacheTypeName = "IDistributedCache";

    /// <summary>
    /// Plans how <paramref name="type"/> gets an <c>IDistributedCache</c>, as <see cref="DependencyInjection.TryPlan"/> does.
    /// <paramref name="removedMembers"/> are members the caller is removing: they neither count as the type's naming
    /// style nor block a name.
    /// </summary>
    public static DistributedCacheInjectionPlan? TryPlan(
        TypeDeclarationSyntax declaration,
        INamedTypeSymbol type,
        INamedTypeSymbol cacheType,
        IEnumerable<ISymbol>? removedMembers = null,
        CancellationToken cancellationToken = default) =>
        DependencyInjection.TryPlan(declaration, type, cacheType, CacheTypeName, "cache", "distributedCache", removedMembers, cancellationToken) is { } plan
            ? new DistributedCacheInjectionPlan(plan)
            : null;

    /// <summary>See <see cref="DependencyInjection.IsConstructorChangeSafeAsync"/>.</summary>
    public static Task<bool> IsConstructorChangeSafeAsync(
        DistributedCacheInjectionPlan plan, INamedTypeSymbol type, Solution solution, CancellationToken cancellationToken) =>
        DependencyInjection.IsConstructorChangeSafeAsync(plan, type, solution, cancellationToken);

    /// <summary>See <see cref="DependencyInjection.Apply"/>.</summary>
    public static void Apply(DistributedCacheInjectionPlan plan, SyntaxEditor editor) => DependencyInjection.Apply(plan, editor);
}
