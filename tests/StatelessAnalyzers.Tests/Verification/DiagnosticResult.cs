using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace StatelessAnalyzers.Tests.Verification;

/// <summary>
/// One expected diagnostic: an ID plus the facts a test pins down (locations, arguments, severity, message).
/// Immutable: every <c>With*</c> method returns a copy.
/// </summary>
public readonly struct DiagnosticResult
{
    private readonly ImmutableArray<ExpectedLocation> _locations;
    private readonly ImmutableArray<object?> _arguments;

    public DiagnosticResult(string id, DiagnosticSeverity severity)
        : this(id, severity, messageFormat: null, isCompilerDiagnostic: IsCompilerId(id))
    {
    }

    public DiagnosticResult(DiagnosticDescriptor descriptor)
        : this(descriptor.Id, severity: null, descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), isCompilerDiagnostic: false)
    {
    }

    private DiagnosticResult(string id, DiagnosticSeverity? severity, string? messageFormat, bool isCompilerDiagnostic)
    {
        Id = id;
        Severity = severity;
        MessageFormat = messageFormat;
        IsCompilerDiagnostic = isCompilerDiagnostic;
        _locations = ImmutableArray<ExpectedLocation>.Empty;
        _arguments = default;
        Message = null;
        HasNoLocation = false;
    }

    private DiagnosticResult(
        string id, DiagnosticSeverity? severity, string? messageFormat, bool isCompilerDiagnostic,
        ImmutableArray<ExpectedLocation> locations, ImmutableArray<object?> arguments, string? message, bool hasNoLocation)
    {
        Id = id;
        Severity = severity;
        MessageFormat = messageFormat;
        IsCompilerDiagnostic = isCompilerDiagnostic;
        _locations = locations;
        _arguments = arguments;
        Message = message;
        HasNoLocation = hasNoLocation;
    }

    /// <summary>The diagnostic ID, for example <c>SL1001</c> or <c>CS0103</c>.</summary>
    public string Id { get; }

    /// <summary>The expected severity, or null when the test does not check it.</summary>
    public DiagnosticSeverity? Severity { get; }

    /// <summary>The expected full message, or null when the test does not check it.</summary>
    public string? Message { get; }

    /// <summary>The message format of an explicit descriptor; null means the actual diagnostic's format is used.</summary>
    public string? MessageFormat { get; }

    /// <summary>True for results made by <see cref="CompilerError"/>/<see cref="CompilerWarning"/> or with a <c>CS</c> ID.</summary>
    public bool IsCompilerDiagnostic { get; }

    /// <summary>True when <see cref="WithNoLocation"/> was called: the diagnostic is expected at <see cref="Location.None"/>.</summary>
    public bool HasNoLocation { get; }

    /// <summary>The expected message arguments, or null when the test does not check them.</summary>
    public IReadOnlyList<object?>? Arguments => _arguments.IsDefault ? null : _arguments;

    internal ImmutableArray<ExpectedLocation> Locations => _locations.IsDefault ? ImmutableArray<ExpectedLocation>.Empty : _locations;

    internal bool IsDefault => Id is null;

    /// <summary>A result for <paramref name="id"/> that checks neither severity nor message until told to.</summary>
    internal static DiagnosticResult ForId(string id) =>
        new(id, severity: null, messageFormat: null, isCompilerDiagnostic: IsCompilerId(id));

    public static DiagnosticResult CompilerError(string id) =>
        new(id, DiagnosticSeverity.Error, messageFormat: null, isCompilerDiagnostic: true);

    public static DiagnosticResult CompilerWarning(string id) =>
        new(id, DiagnosticSeverity.Warning, messageFormat: null, isCompilerDiagnostic: true);

    /// <summary>Adds the markup location <c>{|#key:…|}</c>: the first call sets the primary location, later calls additional locations.</summary>
    public DiagnosticResult WithLocation(int markupKey)
    {
        EnsureNotDefault();
        if (HasNoLocation)
            throw new InvalidOperationException($"{Id}: WithLocation cannot be combined with WithNoLocation.");
        return new(Id, Severity, MessageFormat, IsCompilerDiagnostic,
            Locations.Add(ExpectedLocation.FromMarkupKey(markupKey)), _arguments, Message, HasNoLocation);
    }

    internal DiagnosticResult WithResolvedLocation(string path, TextSpan span)
    {
        EnsureNotDefault();
        return new(Id, Severity, MessageFormat, IsCompilerDiagnostic,
            Locations.Add(ExpectedLocation.FromSpan(path, span)), _arguments, Message, HasNoLocation);
    }

    internal DiagnosticResult WithLocations(ImmutableArray<ExpectedLocation> locations) =>
        new(Id, Severity, MessageFormat, IsCompilerDiagnostic, locations, _arguments, Message, HasNoLocation);

    /// <summary>The diagnostic has no source location (a compilation-level diagnostic such as an option error).</summary>
    public DiagnosticResult WithNoLocation()
    {
        EnsureNotDefault();
        if (!Locations.IsEmpty)
            throw new InvalidOperationException($"{Id}: WithNoLocation cannot be combined with WithLocation.");
        return new(Id, Severity, MessageFormat, IsCompilerDiagnostic, Locations, _arguments, Message, hasNoLocation: true);
    }

    public DiagnosticResult WithArguments(params object[] arguments)
    {
        EnsureNotDefault();
        return new(Id, Severity, MessageFormat, IsCompilerDiagnostic, Locations,
            ImmutableArray.CreateRange<object?>(arguments ?? Array.Empty<object>()), Message, HasNoLocation);
    }

    public DiagnosticResult WithSeverity(DiagnosticSeverity severity)
    {
        EnsureNotDefault();
        return new(Id, severity, MessageFormat, IsCompilerDiagnostic, Locations, _arguments, Message, HasNoLocation);
    }

    public DiagnosticResult WithMessage(string message)
    {
        EnsureNotDefault();
        return new(Id, Severity, MessageFormat, IsCompilerDiagnostic, Locations, _arguments, message, HasNoLocation);
    }

    /// <summary>The message the arguments produce with <paramref name="format"/> (the explicit descriptor's when known).</summary>
    internal string? FormatExpectedMessage(string? actualFormat)
    {
        if (Message is not null)
            return Message;
        if (_arguments.IsDefault)
            return null;
        var format = MessageFormat ?? actualFormat;
        if (format is null)
            return null;
        try
        {
            return string.Format(CultureInfo.InvariantCulture, format, _arguments.ToArray());
        }
        catch (FormatException ex)
        {
            throw new VerificationException(
                $"{Id}: the expected arguments ({_arguments.Length}) do not fit the message format \"{format}\": {ex.Message}");
        }
    }

    public override string ToString()
    {
        if (IsDefault)
            return "default(DiagnosticResult)";
        var builder = new StringBuilder();
        builder.Append(IsCompilerDiagnostic ? "CompilerDiagnostic(\"" : "Diagnostic(\"").Append(Id).Append("\")");
        foreach (var location in Locations)
            builder.Append(location.MarkupKey is { } key ? $".WithLocation({key})" : $".WithSpan({location.Path}, {location.Span})");
        if (HasNoLocation)
            builder.Append(".WithNoLocation()");
        if (!_arguments.IsDefault)
            builder.Append(".WithArguments(").Append(string.Join(", ", _arguments.Select(a => $"\"{a}\""))).Append(')');
        if (Severity is { } severity)
            builder.Append(".WithSeverity(DiagnosticSeverity.").Append(severity).Append(')');
        if (Message is not null)
            builder.Append(".WithMessage(\"").Append(Message).Append("\")");
        return builder.ToString();
    }

    internal static bool IsCompilerId(string id) =>
        id.Length > 2 && id.StartsWith("CS", StringComparison.Ordinal) && id.Skip(2).All(char.IsAsciiDigit);

    private void EnsureNotDefault()
    {
        if (IsDefault)
            throw new InvalidOperationException("default(DiagnosticResult) has no ID: create results with Verify.Diagnostic(...).");
    }
}

/// <summary>An expected location: a markup key still to resolve, or a resolved file span.</summary>
internal readonly record struct ExpectedLocation(int? MarkupKey, string? Path, TextSpan Span)
{
    public static ExpectedLocation FromMarkupKey(int key) => new(key, null, default);

    public static ExpectedLocation FromSpan(string path, TextSpan span) => new(null, path, span);
}
