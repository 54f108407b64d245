using System.CommandLine;
using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers.Cli;

/// <summary>The command line of <c>stateless-audit</c>: one root command, its argument and options.</summary>
internal sealed class CommandLine
{
    private CommandLine()
    {
    }

    public required RootCommand Root { get; init; }

    private Argument<string> Path { get; init; } = null!;
    private Option<bool> All { get; init; } = null!;
    private Option<string[]> Format { get; init; } = null!;
    private Option<string?> Output { get; init; } = null!;
    private Option<string> FailOn { get; init; } = null!;
    private Option<bool> Fix { get; init; } = null!;
    private Option<string[]> Rule { get; init; } = null!;
    private Option<bool> Apply { get; init; } = null!;
    private Option<bool> Force { get; init; } = null!;
    private Option<int> Top { get; init; } = null!;

    public static CommandLine Create()
    {
        var path = new Argument<string>("path")
        {
            Description = "A .sln, .slnx or .csproj file, or a folder that holds exactly one of them (default: the current folder).",
            DefaultValueFactory = _ => ".",
        };
        var all = new Option<bool>("--all")
        {
            Description = "Run every rule as a warning, whatever the projects' .editorconfig and .globalconfig files configure.",
        };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "Also write a report in this format: sarif, json or html (repeat the option for several).",
        };
        format.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "sarif", "json", "html");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "The report file for --format (default: stateless-audit.sarif, .json or .html in the current folder); with several formats, each one's extension replaces this path's.",
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with code 1 when a finding has this severity or a higher one: error, warning, info or none.",
            DefaultValueFactory = _ => "error",
        };
        failOn.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "error", "warning", "info", "none");
        var fix = new Option<bool>("--fix")
        {
            Description = "Apply every available code fix (FixAll) instead of reporting; shows the diff unless --apply is given.",
        };
        var rule = new Option<string[]>("--rule", "-r")
        {
            Description = "With --fix: fix only these rules (for example --rule SL1001 --rule SL3001).",
            AllowMultipleArgumentsPerToken = false,
        };
        var apply = new Option<bool>("--apply")
        {
            Description = "With --fix: write the fixed files instead of printing the diff.",
        };
        var force = new Option<bool>("--force")
        {
            Description = "With --fix --apply: write even when the git working tree has uncommitted changes or is not under git.",
        };
        var top = new Option<int>("--top")
        {
            Description = "How many files the console summary lists (default: 10).",
            DefaultValueFactory = _ => 10,
        };

        var root = new RootCommand(
            "Audits a .NET solution with every StatelessAnalyzers rule and reports how far it is from running as many interchangeable replicas.")
        {
            path, all, format, output, failOn, fix, rule, apply, force, top,
        };
        root.Validators.Add(result =>
        {
            if (result.GetValue(top) < 0)
                result.AddError("--top must be 0 or more.");
            if (!result.GetValue(fix))
            {
                if (result.GetValue(apply))
                    result.AddError("--apply needs --fix.");
                if (result.GetValue(rule) is { Length: > 0 })
                    result.AddError("--rule needs --fix.");
            }
            else if (result.GetValue(format) is { Length: > 0 })
            {
                result.AddError("--format reports findings and cannot be combined with --fix.");
            }
            if (result.GetValue(output) is not null && result.GetValue(format) is not { Length: > 0 })
                result.AddError("--output needs --format.");
            foreach (var id in result.GetValue(rule) ?? [])
            {
                if (!RuleSet.Default.Descriptors.ContainsKey(id.ToUpperInvariant()))
                    result.AddError($"--rule {id}: no such rule; the rules are {string.Join(", ", RuleSet.Default.Descriptors.Keys)}.");
            }
        });

        return new CommandLine
        {
            Root = root, Path = path, All = all, Format = format, Output = output, FailOn = failOn,
            Fix = fix, Rule = rule, Apply = apply, Force = force, Top = top,
        };
    }

    public AuditOptions Bind(ParseResult result, bool interactive)
    {
        var formats = (result.GetValue(Format) ?? []).Select(f => f.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var output = result.GetValue(Output);
        var reports = formats
            .Select(f => (Format: f, Path: System.IO.Path.GetFullPath(output is null
                ? "stateless-audit." + f
                : formats.Count == 1 ? output : System.IO.Path.ChangeExtension(output, f))))
            .ToList();
        return new AuditOptions
        {
            Path = result.GetValue(Path) ?? ".",
            All = result.GetValue(All),
            Reports = reports,
            FailOn = ParseSeverity(result.GetValue(FailOn) ?? "error"),
            Fix = result.GetValue(Fix),
            Rules = (result.GetValue(Rule) ?? []).Select(r => r.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal),
            Apply = result.GetValue(Apply),
            Force = result.GetValue(Force),
            Top = result.GetValue(Top),
            Interactive = interactive,
        };
    }

    private static DiagnosticSeverity? ParseSeverity(string value) => value.ToLowerInvariant() switch
    {
        "error" => DiagnosticSeverity.Error,
        "warning" => DiagnosticSeverity.Warning,
        "info" => DiagnosticSeverity.Info,
        _ => null,
    };
}

/// <summary>What one run of the tool was asked to do.</summary>
internal sealed record AuditOptions
{
    public required string Path { get; init; }
    public bool All { get; init; }

    /// <summary>The report files to write, with their formats.</summary>
    public IReadOnlyList<(string Format, string Path)> Reports { get; init; } = [];

    /// <summary>The lowest severity that makes the run fail; <see langword="null"/> for never.</summary>
    public DiagnosticSeverity? FailOn { get; init; } = DiagnosticSeverity.Error;

    public bool Fix { get; init; }
    public IReadOnlySet<string> Rules { get; init; } = new HashSet<string>();
    public bool Apply { get; init; }
    public bool Force { get; init; }
    public int Top { get; init; } = 10;
    public bool Interactive { get; init; }
}
