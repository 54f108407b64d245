using System.Threading;

namespace StatelessAnalyzers.Core;

/// <summary>
/// The answer for the last key asked, for a question that callbacks ask again and again for the same key before moving
/// on (the rule context of a file, the static storage of a type): the repeat is answered by one read and one reference
/// comparison instead of a dictionary lookup. The holder is a field of the owner that is replaced whole, so concurrent
/// callers see either the old answer or the new one; a miss only means asking the slower way.
/// </summary>
/// <typeparam name="TKey">The key, compared by reference.</typeparam>
/// <typeparam name="TValue">The answer.</typeparam>
internal sealed class LastAnswer<TKey, TValue>
    where TKey : class
{
    private LastAnswer(TKey key, TValue value)
    {
        Key = key;
        Value = value;
    }

    private TKey Key { get; }

    private TValue Value { get; }

    /// <summary>The answer kept in <paramref name="last"/>, when it is the answer for <paramref name="key"/>.</summary>
    public static bool TryGet(ref LastAnswer<TKey, TValue>? last, TKey key, out TValue value)
    {
        var answer = Volatile.Read(ref last);
        if (answer is not null && ReferenceEquals(answer.Key, key))
        {
            value = answer.Value;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> as the answer for <paramref name="key"/> and returns it.</summary>
    public static TValue Set(ref LastAnswer<TKey, TValue>? last, TKey key, TValue value)
    {
        Volatile.Write(ref last, new LastAnswer<TKey, TValue>(key, value));
        return value;
    }
}
