using System.Runtime.CompilerServices;
using System.Threading;

namespace StatelessAnalyzers.Core;

/// <summary>
/// A memo keyed by object identity, for the answers the rules look up on every callback: whether a type definition is
/// a cache, whether an extension method adds a backplane, the rule context of a file. Keys are compared by reference
/// (the original definitions of one compilation are one object each) and hashed by
/// <see cref="RuntimeHelpers.GetHashCode(object)"/>, which reads the object's header without calling into it. Entries
/// sit in one array probed in order, so a lookup reads one or two cache lines where a concurrent dictionary follows a
/// bucket to a node, calls its comparer twice through an interface and reads the key's own fields.
/// </summary>
/// <remarks>
/// Lookups take no lock: an entry's value is written before its key is published, and a full table is replaced by a
/// larger copy, never changed in place once readers may be probing it for a key it holds. Additions take a lock; they
/// happen once per distinct key. The table is at most half full, so every probe ends at an empty slot. Entries are
/// never removed.
/// </remarks>
/// <typeparam name="TKey">The key, compared by reference.</typeparam>
/// <typeparam name="TValue">The answer.</typeparam>
internal sealed class IdentityMap<TKey, TValue>
    where TKey : class
{
    private readonly object gate = new();
    private Table table;

    /// <summary>A map sized for about <paramref name="capacity"/> keys before it first grows.</summary>
    public IdentityMap(int capacity = 32)
    {
        var length = 16;
        while (length < capacity * 2 && length < 1 << 30)
            length <<= 1;
        table = new Table(length);
    }

    /// <summary>The number of keys.</summary>
    public int Count => Volatile.Read(ref table).Count;

    /// <summary>The value added for <paramref name="key"/>, when there is one.</summary>
    public bool TryGetValue(TKey key, out TValue value)
    {
        var entries = Volatile.Read(ref table).Entries;
        var mask = entries.Length - 1;
        for (var i = RuntimeHelpers.GetHashCode(key) & mask; ; i = (i + 1) & mask)
        {
            var present = Volatile.Read(ref entries[i].Key);
            if (present is null)
            {
                value = default!;
                return false;
            }
            if (ReferenceEquals(present, key))
            {
                value = entries[i].Value;
                return true;
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="value"/> for <paramref name="key"/> unless a value is there already, and returns the value
    /// the map holds for the key (the first one added, when two threads add the same key).
    /// </summary>
    public TValue GetOrAdd(TKey key, TValue value)
    {
        lock (gate)
        {
            var current = table;
            var entries = current.Entries;
            var mask = entries.Length - 1;
            var i = RuntimeHelpers.GetHashCode(key) & mask;
            for (; entries[i].Key is { } present; i = (i + 1) & mask)
            {
                if (ReferenceEquals(present, key))
                    return entries[i].Value;
            }

            if ((current.Count + 1) * 2 > entries.Length)
            {
                // Readers may be probing the full table: the key goes into a larger copy, published when complete.
                var larger = new Table(entries.Length * 2) { Count = current.Count };
                foreach (var entry in entries)
                {
                    if (entry.Key is not null)
                        Insert(larger.Entries, entry.Key, entry.Value);
                }
                Insert(larger.Entries, key, value);
                larger.Count++;
                Volatile.Write(ref table, larger);
                return value;
            }

            entries[i].Value = value;
            Volatile.Write(ref entries[i].Key, key);
            current.Count++;
            return value;
        }
    }

    private static void Insert(Entry[] entries, TKey key, TValue value)
    {
        var mask = entries.Length - 1;
        var i = RuntimeHelpers.GetHashCode(key) & mask;
        while (entries[i].Key is not null)
            i = (i + 1) & mask;
        entries[i].Value = value;
        entries[i].Key = key;
    }

    private struct Entry
    {
        public TKey? Key;
        public TValue Value;
    }

    private sealed class Table
    {
        public Table(int length) => Entries = new Entry[length];

        public Entry[] Entries { get; }

        public int Count { get; set; }
    }
}
