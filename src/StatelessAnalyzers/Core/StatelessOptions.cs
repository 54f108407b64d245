using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatelessAnalyzers.Core;

/// <summary>One option value that cannot be parsed: the key, the raw value and what was expected (SL9001).</summary>
internal readonly record struct OptionError(string Key, string Value, string Expected);

/// <summary>
/// The <c>stateless_analyzers.*</c> options of one syntax tree (from <c>.editorconfig</c> and <c>.globalconfig</c>).
/// A value that cannot be parsed leaves the default in place and is kept in <see cref="Errors"/> for SL9001.
/// Instances with equal values are interned, so they can key per-compilation caches.
/// </summary>
internal sealed class StatelessOptions : IEquatable<StatelessOptions>
{
    public const string Prefix = "stateless_analyzers.";
    public const string HandlerBaseTypesKey = Prefix + "handler_base_types";
    public const string SafeTypesKey = Prefix + "safe_types";
    public const string SingletonRegistrationMethodsKey = Prefix + "singleton_registration_methods";
    public const string BlobAbstractionNamespaceKey = Prefix + "blob_abstraction_namespace";
    public const string ReportInTestsKey = Prefix + "report_in_tests";
    public const string DevelopmentGuardsKey = Prefix + "development_guards";

    /// <summary>Every option key the package reads, in documentation order.</summary>
    public static readonly ImmutableArray<string> AllKeys = ImmutableArray.Create(
        HandlerBaseTypesKey, SafeTypesKey, SingletonRegistrationMethodsKey,
        BlobAbstractionNamespaceKey, ReportInTestsKey, DevelopmentGuardsKey);

    public static readonly StatelessOptions Default = new(
        ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty,
        null, reportInTests: false, developmentGuards: true, ImmutableArray<OptionError>.Empty, string.Empty);

    private static readonly ConcurrentDictionary<string, StatelessOptions> Interned = new(StringComparer.Ordinal);

    private readonly string identity;

    private StatelessOptions(
        ImmutableArray<string> handlerBaseTypes,
        ImmutableArray<string> safeTypes,
        ImmutableArray<string> singletonRegistrationMethods,
        string? blobAbstractionNamespace,
        bool reportInTests,
        bool developmentGuards,
        ImmutableArray<OptionError> errors,
        string identity)
    {
        HandlerBaseTypes = handlerBaseTypes;
        SafeTypes = safeTypes;
        SingletonRegistrationMethods = singletonRegistrationMethods;
        BlobAbstractionNamespace = blobAbstractionNamespace;
        ReportInTests = reportInTests;
        DevelopmentGuards = developmentGuards;
        Errors = errors;
        this.identity = identity;
    }

    /// <summary><c>handler_base_types</c>: metadata names of extra request-handling base types.</summary>
    public ImmutableArray<string> HandlerBaseTypes { get; }

    /// <summary><c>safe_types</c>: metadata names added to the safe static types.</summary>
    public ImmutableArray<string> SafeTypes { get; }

    /// <summary><c>singleton_registration_methods</c>: method names treated like <c>AddSingleton</c>.</summary>
    public ImmutableArray<string> SingletonRegistrationMethods { get; }

    /// <summary><c>blob_abstraction_namespace</c>; null means the project's root namespace.</summary>
    public string? BlobAbstractionNamespace { get; }

    /// <summary><c>report_in_tests</c>: analyse test projects too (default false).</summary>
    public bool ReportInTests { get; }

    /// <summary><c>development_guards</c>: honour development guards (default true).</summary>
    public bool DevelopmentGuards { get; }

    /// <summary>Values that could not be parsed (reported by SL9001).</summary>
    public ImmutableArray<OptionError> Errors { get; }

    /// <summary>Reads and validates every option from one options source.</summary>
    public static StatelessOptions Parse(AnalyzerConfigOptions options)
    {
        List<OptionError>? errors = null;
        var identity = new StringBuilder();

        var handlerBaseTypes = ReadList(options, HandlerBaseTypesKey, IsMetadataName, "expected a comma-separated list of type metadata names", ref errors, identity);
        var safeTypes = ReadList(options, SafeTypesKey, IsMetadataName, "expected a comma-separated list of type metadata names", ref errors, identity);
        var singletonMethods = ReadList(options, SingletonRegistrationMethodsKey, IsIdentifier, "expected a comma-separated list of method names", ref errors, identity);

        string? blobNamespace = null;
        if (TryGetValue(options, BlobAbstractionNamespaceKey, identity, out var ns))
        {
            if (IsNamespaceName(ns))
                blobNamespace = ns;
            else
                (errors ??= new List<OptionError>()).Add(new OptionError(BlobAbstractionNamespaceKey, ns, "expected a namespace name such as Contoso.Storage"));
        }

        var reportInTests = ReadBoolean(options, ReportInTestsKey, defaultValue: false, ref errors, identity);
        var developmentGuards = ReadBoolean(options, DevelopmentGuardsKey, defaultValue: true, ref errors, identity);

        if (identity.Length == 0)
            return Default;
        return new StatelessOptions(
            handlerBaseTypes, safeTypes, singletonMethods, blobNamespace, reportInTests, developmentGuards,
            errors is null ? ImmutableArray<OptionError>.Empty : errors.ToImmutableArray(), identity.ToString());
    }

    /// <summary>Returns the shared instance with the same values.</summary>
    public static StatelessOptions Intern(StatelessOptions options) =>
        options.identity.Length == 0 ? Default : Interned.GetOrAdd(options.identity, options);

    public bool Equals(StatelessOptions? other) => other is not null && string.Equals(identity, other.identity, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as StatelessOptions);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(identity);

    private static bool TryGetValue(AnalyzerConfigOptions options, string key, StringBuilder identity, out string value)
    {
        if (options.TryGetValue(key, out var raw) && raw is not null)
        {
            value = raw.Trim();
            if (value.Length > 0)
            {
                identity.Append(key).Append('=').Append(value).Append('\n');
                return true;
            }
        }
        value = string.Empty;
        return false;
    }

    private static bool ReadBoolean(AnalyzerConfigOptions options, string key, bool defaultValue, ref List<OptionError>? errors, StringBuilder identity)
    {
        if (!TryGetValue(options, key, identity, out var value))
            return defaultValue;
        if (bool.TryParse(value, out var parsed))
            return parsed;
        (errors ??= new List<OptionError>()).Add(new OptionError(key, value, "expected true or false"));
        return defaultValue;
    }

    private static ImmutableArray<string> ReadList(
        AnalyzerConfigOptions options, string key, Func<string, bool> isValid, string expected,
        ref List<OptionError>? errors, StringBuilder identity)
    {
        if (!TryGetValue(options, key, identity, out var value))
            return ImmutableArray<string>.Empty;
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in value.Split(','))
        {
            var entry = part.Trim();
            if (entry.Length == 0)
                continue;
            if (!isValid(entry))
            {
                (errors ??= new List<OptionError>()).Add(new OptionError(key, value, expected));
                return ImmutableArray<string>.Empty;
            }
            builder.Add(entry);
        }
        return builder.ToImmutable();
    }

    /// <summary>A metadata name: dotted identifiers, a generic arity as <c>`2</c>, nested types after <c>+</c>.</summary>
    internal static bool IsMetadataName(string value)
    {
        foreach (var nested in value.Split('+'))
        {
            foreach (var segment in nested.Split('.'))
            {
                var name = segment;
                var tick = segment.IndexOf('`');
                if (tick >= 0)
                {
                    name = segment.Substring(0, tick);
                    var arity = segment.Substring(tick + 1);
                    if (arity.Length == 0 || !int.TryParse(arity, out var n) || n <= 0)
                        return false;
                }
                if (!IsIdentifier(name))
                    return false;
            }
        }
        return true;
    }

    internal static bool IsNamespaceName(string value)
    {
        foreach (var segment in value.Split('.'))
        {
            if (!IsIdentifier(segment))
                return false;
        }
        return true;
    }

    internal static bool IsIdentifier(string value)
    {
        if (value.Length == 0 || !(char.IsLetter(value[0]) || value[0] == '_'))
            return false;
        for (var i = 1; i < value.Length; i++)
        {
            if (!(char.IsLetterOrDigit(value[i]) || value[i] == '_'))
                return false;
        }
        return true;
    }
}
