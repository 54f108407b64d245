using System.Text;

namespace StatelessAnalyzers.Cli;

/// <summary>A line-based unified diff (the format of <c>diff -u</c> and <c>git diff</c>).</summary>
internal static class UnifiedDiff
{
    /// <summary>Above this many compared line pairs the changed middle is shown as one replaced block.</summary>
    private const long MaxTableCells = 16_000_000;

    public static string Create(string oldPath, string newPath, string oldText, string newText, int context = 3)
    {
        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        var edits = Edits(a, b);
        if (edits.All(e => e.Kind == ' '))
            return string.Empty;

        var builder = new StringBuilder();
        builder.Append("--- ").Append(oldPath).Append('\n');
        builder.Append("+++ ").Append(newPath).Append('\n');

        var i = 0;
        while (i < edits.Count)
        {
            // Next change, then extend the hunk while changes are at most 2 × context lines apart.
            while (i < edits.Count && edits[i].Kind == ' ')
                i++;
            if (i == edits.Count)
                break;
            var start = Math.Max(0, i - context);
            var end = i;
            while (true)
            {
                while (end < edits.Count && edits[end].Kind != ' ')
                    end++;
                var next = end;
                while (next < edits.Count && edits[next].Kind == ' ')
                    next++;
                if (next < edits.Count && next - end <= 2 * context)
                {
                    end = next;
                    continue;
                }
                end = Math.Min(edits.Count, end + context);
                break;
            }

            var oldStart = edits[start].OldIndex;
            var newStart = edits[start].NewIndex;
            var oldCount = edits.Skip(start).Take(end - start).Count(e => e.Kind != '+');
            var newCount = edits.Skip(start).Take(end - start).Count(e => e.Kind != '-');
            builder.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
            for (var k = start; k < end; k++)
                builder.Append(edits[k].Kind).Append(edits[k].Text).Append('\n');
            i = end;
        }
        return builder.ToString();
    }

    private static string Range(int index, int count) => count switch
    {
        0 => $"{index},0",
        1 => $"{index + 1}",
        _ => $"{index + 1},{count}",
    };

    internal static List<string> SplitLines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    private readonly record struct Edit(char Kind, string Text, int OldIndex, int NewIndex);

    /// <summary>A shortest edit script from a longest common subsequence of the lines.</summary>
    private static List<Edit> Edits(List<string> a, List<string> b)
    {
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
            prefix++;
        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix])
            suffix++;

        var edits = new List<Edit>();
        for (var k = 0; k < prefix; k++)
            edits.Add(new Edit(' ', a[k], k, k));

        var n = a.Count - prefix - suffix;
        var m = b.Count - prefix - suffix;
        if ((long)n * m > MaxTableCells)
        {
            for (var k = 0; k < n; k++)
                edits.Add(new Edit('-', a[prefix + k], prefix + k, prefix));
            for (var k = 0; k < m; k++)
                edits.Add(new Edit('+', b[prefix + k], prefix + n, prefix + k));
        }
        else
        {
            // lcs[i, j]: length of the longest common subsequence of a[i..n) and b[j..m) (middle part).
            var lcs = new int[n + 1, m + 1];
            for (var x = n - 1; x >= 0; x--)
            {
                for (var y = m - 1; y >= 0; y--)
                {
                    lcs[x, y] = a[prefix + x] == b[prefix + y]
                        ? lcs[x + 1, y + 1] + 1
                        : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
                }
            }
            int p = 0, q = 0;
            while (p < n || q < m)
            {
                if (p < n && q < m && a[prefix + p] == b[prefix + q])
                {
                    edits.Add(new Edit(' ', a[prefix + p], prefix + p, prefix + q));
                    p++;
                    q++;
                }
                else if (p < n && (q == m || lcs[p + 1, q] >= lcs[p, q + 1]))
                {
                    edits.Add(new Edit('-', a[prefix + p], prefix + p, prefix + q));
                    p++;
                }
                else
                {
                    edits.Add(new Edit('+', b[prefix + q], prefix + p, prefix + q));
                    q++;
                }
            }
        }

        for (var k = 0; k < suffix; k++)
        {
            var oldIndex = a.Count - suffix + k;
            var newIndex = b.Count - suffix + k;
            edits.Add(new Edit(' ', a[oldIndex], oldIndex, newIndex));
        }
        return edits;
    }
}
