using System.Collections.Generic;

namespace StatelessAnalyzers.Core;

/// <summary>
/// A quick "maybe" for a fixed set of names that is asked about every call or creation of a compilation: the method
/// names actions are registered for, the names of mutating calls. Nearly every name asked is not in the set. A bit per
/// combination of length and first, second and last character answers most of them with two reads, before the
/// dictionary or set that holds the names hashes the whole string. False only for a name that is not in the set;
/// true may still be a name that is not (the caller's lookup decides).
/// </summary>
internal sealed class NameFilter
{
    private const int BitCount = 8192; // a power of two: 1 KB, for sets of up to a few hundred names

    private readonly ulong[] bits = new ulong[BitCount / 64];

    public NameFilter(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (name.Length == 0)
                continue;
            var index = Index(name);
            bits[index >> 6] |= 1UL << (index & 63);
        }
    }

    /// <summary>False when <paramref name="name"/> is certainly not in the set.</summary>
    public bool MayContain(string name)
    {
        if (name.Length == 0)
            return false;
        var index = Index(name);
        return (bits[index >> 6] & (1UL << (index & 63))) != 0;
    }

    private static int Index(string name)
    {
        var length = name.Length;
        var hash = (length * 40503) ^ (name[0] * 257) ^ (name[length - 1] * 8191) ^ (length > 1 ? name[1] * 131 : 0);
        return hash & (BitCount - 1);
    }
}
