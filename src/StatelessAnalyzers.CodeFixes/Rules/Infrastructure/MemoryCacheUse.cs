using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StatelessAnalyzers.CodeFixes.Rules.Infrastructure;

/// <summary>What a use of an <c>IMemoryCache</c> dependency becomes with <c>IDistributedCache</c>.</summary>
internal enum MemoryCacheUseKind
{
    /// <summary><c>cache.Get&lt;T&gt;(key)</c>: an expression.</summary>
    Get,

    /// <summary><c>cache.TryGetValue(key, out _)</c>: an expression.</summary>
    TryGetDiscard,

    /// <summary><c>if (cache.TryGetValue(key, out T value))</c>, possibly negated: statements before the <c>if</c>.</summary>
    TryGetIf,

    /// <summary><c>cache.Set(key, value[, expiration])</c> whose result is discarded.</summary>
    Set,

    /// <summary><c>cache.Remove(key)</c>.</summary>
    Remove,

    /// <summary><c>await cache.GetOrCreateAsync(key, factory)</c> returned, assigned or declared.</summary>
    GetOrCreate,
}

/// <summary>How the result of <c>await cache.GetOrCreateAsync(...)</c> is consumed.</summary>
internal enum GetOrCreateTarget
{
    /// <summary><c>return await ...;</c></summary>
    Return,

    /// <summary><c>var x = await ...;</c></summary>
    Declaration,

    /// <summary><c>x = await ...;</c></summary>
    Assignment,

    /// <summary><c>=&gt; await ...</c> of an async member: becomes a block body that returns.</summary>
    ArrowBody,
}

/// <summary>How a <c>Set</c> call or a <c>GetOrCreateAsync</c> entry expires.</summary>
internal sealed class ExpirationPlan
{
    /// <summary>A <c>TimeSpan</c> argument: absolute expiration relative to now.</summary>
    public ExpressionSyntax? RelativeToNow { get; set; }

    /// <summary>A <c>DateTimeOffset</c> argument: absolute expiration.</summary>
    public ExpressionSyntax? Absolute { get; set; }

    /// <summary>A <c>MemoryCacheEntryOptions</c> creation, rewritten to a <c>DistributedCacheEntryOptions</c> one.</summary>
    public ExpressionSyntax? OptionsCreation { get; set; }

    /// <summary><c>entry.X = value</c> assignments of a <c>GetOrCreateAsync</c> factory, in order.</summary>
    public List<(string Property, ExpressionSyntax Value)> EntryAssignments { get; } = new();

    public bool IsEmpty => RelativeToNow is null && Absolute is null && OptionsCreation is null && EntryAssignments.Count == 0;
}

/// <summary>One use of the cache dependency and what the fix writes for it.</summary>
internal sealed class MemoryCacheUse
{
    public MemoryCacheUse(MemoryCacheUseKind kind, InvocationExpressionSyntax invocation, ExpressionSyntax receiver, ExpressionSyntax key)
    {
        Kind = kind;
        Invocation = invocation;
        Receiver = receiver;
        Key = key;
    }

    public MemoryCacheUseKind Kind { get; }

    public InvocationExpressionSyntax Invocation { get; }

    /// <summary>The cache expression as written (<c>_cache</c>, <c>this._cache</c>, <c>cache</c>).</summary>
    public ExpressionSyntax Receiver { get; }

    public ExpressionSyntax Key { get; }

    /// <summary>The item type (<c>T</c> of <c>Get&lt;T&gt;</c>, <c>TryGetValue&lt;T&gt;</c>, <c>GetOrCreateAsync&lt;T&gt;</c>), as code.</summary>
    public string? ItemType { get; set; }

    /// <summary><c>Set</c>: the value; the text of its <c>JsonSerializer.Serialize</c> type argument when inference would differ.</summary>
    public ExpressionSyntax? Value { get; set; }

    public string? SerializeTypeArgument { get; set; }

    public ExpirationPlan Expiration { get; } = new();

    /// <summary>The cancellation token expression to pass, or null.</summary>
    public string? CancellationToken { get; set; }

    /// <summary>Names the fix introduces (JSON local, value local, key local), unique in the member.</summary>
    public string JsonName { get; set; } = "json";

    public string? ValueName { get; set; }

    public string? KeyName { get; set; }

    /// <summary><see cref="MemoryCacheUseKind.TryGetIf"/>: the <c>if</c>, whether its condition is negated, the out target.</summary>
    public IfStatementSyntax? IfStatement { get; set; }

    public bool Negated { get; set; }

    /// <summary>The declared type of an <c>out T x</c> (or <c>var</c>), null when the out argument is an existing variable.</summary>
    public TypeSyntax? OutDeclaredType { get; set; }

    public string? OutName { get; set; }

    /// <summary><see cref="MemoryCacheUseKind.GetOrCreate"/>: the statement (or member) replaced, and the factory parts.</summary>
    public GetOrCreateTarget Target { get; set; }

    public SyntaxNode? Statement { get; set; }

    /// <summary>The declared type of the target local (null: written as the item type with <c>?</c>), or its name.</summary>
    public string? TargetType { get; set; }

    public string? TargetName { get; set; }

    public List<StatementSyntax> FactoryStatements { get; } = new();

    public ExpressionSyntax? FactoryResult { get; set; }

    /// <summary>The factory is not <c>async</c>: its result is a task to await.</summary>
    public bool AwaitFactoryResult { get; set; }

    /// <summary>The factory result is a local of the factory itself: no extra value local is needed.</summary>
    public bool FactoryResultIsLocal { get; set; }

    /// <summary>The explicit type of the value local in a <c>return</c> target, null for <c>var</c>.</summary>
    public string? ValueType { get; set; }
}
