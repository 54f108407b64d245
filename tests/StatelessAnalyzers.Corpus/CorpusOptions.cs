namespace StatelessAnalyzers.Corpus;

/// <summary>What <see cref="CorpusGenerator.Generate"/> produces.</summary>
public sealed record CorpusOptions
{
    /// <summary>The seed of the one <see cref="System.Random"/> that makes every choice: the same seed gives the same files.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// How many files to produce in total, support files (global usings, <c>Program.cs</c>, shared types and
    /// third-party stubs) included. Values below <see cref="CorpusGenerator.MinimumFileCount"/> are raised to it.
    /// </summary>
    public int FileCount { get; init; } = 100;

    /// <summary>
    /// The fraction of feature files that carry one anti-pattern, from 0 (clean code only) to 1 (every feature
    /// file). Anti-patterns are taken in turn from <see cref="CorpusGenerator.AntiPatterns"/>, so a rate of 1
    /// with at least as many feature files as anti-patterns triggers every rule.
    /// </summary>
    public double AntiPatternRate { get; init; } = 0.05;
}
