using System;
using System.Diagnostics;
using System.Threading;

namespace StatelessAnalyzers.Hosting;

/// <summary>
/// Each rule's share of the host's time, for the benchmarks: when a timer is attached to a <see cref="StatelessAnalyzer"/>,
/// the host wraps every action a rule registers through it in a stopwatch. Without a timer nothing is wrapped. Actions a
/// rule registers inside a symbol-start action go to the driver's symbol-start context and count for the host only.
/// </summary>
internal sealed class RuleTimer
{
    private readonly long[] ticks;

    public RuleTimer(int rules) => ticks = new long[rules];

    /// <summary>The time spent in the actions of the rule at <paramref name="rule"/> in the host's rule list.</summary>
    public TimeSpan Elapsed(int rule) => TimeSpan.FromSeconds((double)Volatile.Read(ref ticks[rule]) / Stopwatch.Frequency);

    public Action<T> Wrap<T>(int rule, Action<T> action) => context =>
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            action(context);
        }
        finally
        {
            Interlocked.Add(ref ticks[rule], Stopwatch.GetTimestamp() - start);
        }
    };
}
