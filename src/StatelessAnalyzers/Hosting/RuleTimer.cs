using System;
using System.Diagnostics;
using System.Threading;

namespace StatelessAnalyzers.Hosting;

/// <summary>
/// Each rule's share of the host's time, for the benchmarks: when a timer is attached to a <see cref="StatelessAnalyzer"/>,
/// the host wraps every action a rule registers through it in a stopwatch. Without a timer nothing is wrapped. Actions a
/// rule registers inside a symbol-start action go to the driver's symbol-start context and count for the host only.
/// Given a probe of the bytes the current thread has allocated, the timer also counts each rule's allocations; it
/// always counts the garbage collections that started inside a rule's actions (their pauses are in its time).
/// </summary>
internal sealed class RuleTimer
{
    private readonly long[] ticks;
    private readonly long[] bytes;
    private readonly int[] collections;
    private readonly Func<long>? allocatedBytes;

    public RuleTimer(int rules, Func<long>? allocatedBytes = null)
    {
        ticks = new long[rules];
        bytes = new long[rules];
        collections = new int[rules];
        this.allocatedBytes = allocatedBytes;
    }

    /// <summary>The time spent in the actions of the rule at <paramref name="rule"/> in the host's rule list.</summary>
    public TimeSpan Elapsed(int rule) => TimeSpan.FromSeconds((double)Volatile.Read(ref ticks[rule]) / Stopwatch.Frequency);

    /// <summary>The bytes the rule's actions allocated (zero without an allocation probe).</summary>
    public long Allocated(int rule) => Volatile.Read(ref bytes[rule]);

    /// <summary>The garbage collections that started while one of the rule's actions ran.</summary>
    public int Collections(int rule) => Volatile.Read(ref collections[rule]);

    public Action<T> Wrap<T>(int rule, Action<T> action) => context =>
    {
        var (collectionsBefore, bytesBefore, start) = Start();
        try
        {
            action(context);
        }
        finally
        {
            Stop(rule, collectionsBefore, bytesBefore, start);
        }
    };

    public Action<T1, T2> Wrap<T1, T2>(int rule, Action<T1, T2> action) => (first, second) =>
    {
        var (collectionsBefore, bytesBefore, start) = Start();
        try
        {
            action(first, second);
        }
        finally
        {
            Stop(rule, collectionsBefore, bytesBefore, start);
        }
    };

    private (int Collections, long Bytes, long Timestamp) Start() =>
        (GC.CollectionCount(0), allocatedBytes?.Invoke() ?? 0, Stopwatch.GetTimestamp());

    private void Stop(int rule, int collectionsBefore, long bytesBefore, long start)
    {
        Interlocked.Add(ref ticks[rule], Stopwatch.GetTimestamp() - start);
        if (allocatedBytes is not null)
            Interlocked.Add(ref bytes[rule], allocatedBytes() - bytesBefore);
        Interlocked.Add(ref collections[rule], GC.CollectionCount(0) - collectionsBefore);
    }
}
