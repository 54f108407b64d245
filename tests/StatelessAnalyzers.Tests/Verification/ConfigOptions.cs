using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatelessAnalyzers.Tests.Verification;

/// <summary>
/// The keys of a test's <c>.globalconfig</c> and <c>.editorconfig</c> text, applied to every tree alike.
/// Simple <c>key = value</c> lines; <c>is_global</c>, <c>root</c>, section headers and comments are ignored;
/// editorconfig values win over globalconfig values, as in the compiler.
/// </summary>
internal sealed class TestConfig
{
    private TestConfig(
        ImmutableDictionary<string, string> globalValues, ImmutableDictionary<string, string> editorValues)
    {
        GlobalValues = globalValues;
        EditorValues = editorValues;
        Values = globalValues.SetItems(editorValues);
    }

    /// <summary>The merged keys every tree sees.</summary>
    public ImmutableDictionary<string, string> Values { get; }

    public ImmutableDictionary<string, string> GlobalValues { get; }

    public ImmutableDictionary<string, string> EditorValues { get; }

    public static TestConfig Create(string? globalConfig, string? editorConfig) =>
        new(Read(globalConfig), Read(editorConfig));

    /// <summary>The global keys as a workspace <c>/.globalconfig</c> document, or null when there are none.</summary>
    public string? ToGlobalConfigText() => GlobalValues.IsEmpty ? null : Render("is_global = true\n", GlobalValues);

    /// <summary>The editorconfig keys as a workspace <c>/.editorconfig</c> document applying to every file, or null.</summary>
    public string? ToEditorConfigText() => EditorValues.IsEmpty ? null : Render("root = true\n\n[*]\n", EditorValues);

    private static string Render(string header, ImmutableDictionary<string, string> values)
    {
        var text = new StringBuilder(header);
        foreach (var pair in values.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append(pair.Key).Append(" = ").Append(pair.Value).Append('\n');
        return text.ToString();
    }

    public bool TryGetSeverity(string diagnosticId, out ReportDiagnostic severity)
    {
        severity = ReportDiagnostic.Default;
        if (!Values.TryGetValue("dotnet_diagnostic." + diagnosticId + ".severity", out var value))
            return false;
        severity = value.Trim().ToLowerInvariant() switch
        {
            "error" => ReportDiagnostic.Error,
            "warning" or "warn" => ReportDiagnostic.Warn,
            "suggestion" or "info" => ReportDiagnostic.Info,
            "silent" or "refactoring" or "hidden" => ReportDiagnostic.Hidden,
            "none" => ReportDiagnostic.Suppress,
            "default" => ReportDiagnostic.Default,
            _ => throw new VerificationException($"Test config: unknown severity '{value}' for {diagnosticId}."),
        };
        return true;
    }

    private static ImmutableDictionary<string, string> Read(string? config)
    {
        var values = ImmutableDictionary.CreateBuilder<string, string>(AnalyzerConfigOptions.KeyComparer);
        if (string.IsNullOrWhiteSpace(config))
            return values.ToImmutable();
        foreach (var rawLine in config.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or ';' or '[')
                continue;
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw new VerificationException($"Test config: cannot read the line '{line}' (expected 'key = value').");
            // The compiler lower-cases keys (lookups ignore case anyway); values keep their case.
            var key = line[..equals].Trim().ToLowerInvariant();
            var value = line[(equals + 1)..].Trim();
            if (key.Equals("is_global", StringComparison.OrdinalIgnoreCase) || key.Equals("root", StringComparison.OrdinalIgnoreCase))
                continue;
            values[key] = value;
        }

        return values.ToImmutable();
    }
}

/// <summary>Analyzer config options over the test's parsed keys.</summary>
internal sealed class TestAnalyzerConfigOptions : AnalyzerConfigOptions
{
    private readonly ImmutableDictionary<string, string> _values;

    public TestAnalyzerConfigOptions(ImmutableDictionary<string, string> values) => _values = values;

    public override IEnumerable<string> Keys => _values.Keys;

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
}

/// <summary>Gives every tree, every additional file and the global options the same keys.</summary>
internal sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly TestAnalyzerConfigOptions _options;

    public TestAnalyzerConfigOptionsProvider(TestConfig config) => _options = new TestAnalyzerConfigOptions(config.Values);

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
}

/// <summary>Gives each tree the options a function picks for it (null for the global options and additional files).</summary>
internal sealed class TestPerTreeOptionsProvider(Func<SyntaxTree?, AnalyzerConfigOptions> byTree) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions => byTree(null);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => byTree(tree);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => byTree(null);
}

/// <summary>Applies <c>dotnet_diagnostic.ID.severity</c> keys, as the compiler does for config files.</summary>
internal sealed class TestSyntaxTreeOptionsProvider : SyntaxTreeOptionsProvider
{
    private readonly TestConfig _config;

    public TestSyntaxTreeOptionsProvider(TestConfig config) => _config = config;

    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        _config.TryGetSeverity(diagnosticId, out severity);

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        _config.TryGetSeverity(diagnosticId, out severity);
}
