namespace StatelessAnalyzers.Corpus;

/// <summary>One generated C# source file.</summary>
/// <param name="Path">A relative path such as <c>Features/Sales/Order0042Controller.cs</c>, unique in the corpus.</param>
/// <param name="Text">The source text.</param>
/// <param name="Kind">What the file holds: <c>controller</c>, <c>service</c>, <c>endpoints</c>, <c>worker</c>,
/// <c>hub</c>, <c>middleware</c>, <c>model</c>, <c>module</c>, or <c>support</c>.</param>
/// <param name="ExpectedRules">The rule IDs whose diagnostics belong in this file (empty for clean code). A rule
/// reported once per compilation (see <see cref="CorpusGenerator.OncePerCompilationRules"/>) is listed in every
/// file that may carry its single finding.</param>
public sealed record CorpusFile(string Path, string Text, string Kind, IReadOnlyList<string> ExpectedRules)
{
    /// <summary>The number of lines of <see cref="Text"/>.</summary>
    public int LineCount
    {
        get
        {
            var count = 1;
            foreach (var c in Text)
            {
                if (c == '\n')
                    count++;
            }

            return count;
        }
    }
}
