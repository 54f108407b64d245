namespace StatelessAnalyzers.Corpus;

/// <summary>One way of breaking scale-out that the corpus can put into a feature file.</summary>
/// <param name="Name">A short stable name, such as <c>controller-static-counter</c>.</param>
/// <param name="Kind">The kind of file that carries it (see <see cref="CorpusFile.Kind"/>).</param>
/// <param name="Rules">The rule IDs it triggers.</param>
public sealed record AntiPattern(string Name, string Kind, IReadOnlyList<string> Rules);
