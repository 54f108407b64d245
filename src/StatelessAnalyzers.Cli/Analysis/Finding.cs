using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers.Cli;

/// <summary>One diagnostic of a StatelessAnalyzers rule, with what the reports need about it.</summary>
internal sealed record Finding
{
    public required string RuleId { get; init; }
    public required string Title { get; init; }
    public required string Message { get; init; }
    public required DiagnosticSeverity Severity { get; init; }
    public required Family Family { get; init; }
    public required string HelpUri { get; init; }
    public required string Project { get; init; }

    /// <summary>The source file's full path.</summary>
    public required string FilePath { get; init; }

    /// <summary>The path relative to the audited root, with forward slashes.</summary>
    public required string RelativePath { get; init; }

    /// <summary>One-based start line and column, and end line and column (exclusive end column).</summary>
    public required int StartLine { get; init; }
    public required int StartColumn { get; init; }
    public required int EndLine { get; init; }
    public required int EndColumn { get; init; }

    /// <summary>The reported source text.</summary>
    public required string Snippet { get; init; }

    /// <summary>The source lines around the finding, for the HTML report.</summary>
    public required IReadOnlyList<ExcerptLine> Excerpt { get; init; }

    /// <summary>Whether a code fix is offered for this very diagnostic.</summary>
    public required bool Fixable { get; init; }
}

/// <summary>One line of a source excerpt; <see cref="Highlighted"/> when it holds the finding.</summary>
internal sealed record ExcerptLine(int Number, string Text, bool Highlighted);

/// <summary>A rule family, from the rule's category.</summary>
internal sealed record Family(int Order, string Category, string Id, string Title)
{
    public static readonly Family Memory = new(1, "Stateless.Memory", "memory", "State in process memory");
    public static readonly Family Infrastructure = new(2, "Stateless.Infrastructure", "infrastructure", "In-memory session, cache and infrastructure");
    public static readonly Family Storage = new(3, "Stateless.Storage", "storage", "The local file system");
    public static readonly Family Work = new(4, "Stateless.Work", "work", "Work that lives in one process");
    public static readonly Family Configuration = new(9, "Stateless.Configuration", "configuration", "Configuration");

    public static IReadOnlyList<Family> All { get; } = [Memory, Infrastructure, Storage, Work, Configuration];

    public static Family FromCategory(string category) =>
        All.FirstOrDefault(f => string.Equals(f.Category, category, StringComparison.Ordinal)) ?? Configuration;
}
