using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers.Rules.Infrastructure;

/// <summary>
/// Picks where a rule decided at compilation end reports "once, on the first registration" (SL2004, SL2005, SL2007):
/// the smallest (file path, position), so the result does not depend on the order of analysis.
/// </summary>
internal static class FirstRegistration
{
    public static (Location Location, string Name)? Of(ConcurrentBag<(Location Location, string Name)> candidates)
    {
        (Location Location, string Name)? first = null;
        foreach (var candidate in candidates)
        {
            if (first is null || Compare(candidate.Location, first.Value.Location) < 0)
                first = candidate;
        }
        return first;
    }

    private static int Compare(Location left, Location right)
    {
        var byPath = string.CompareOrdinal(left.SourceTree?.FilePath, right.SourceTree?.FilePath);
        return byPath != 0 ? byPath : left.SourceSpan.Start.CompareTo(right.SourceSpan.Start);
    }
}
