using System.Threading;
using System.Threading.Tasks;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Tests.Core;

public sealed class IdentityMapTests
{
    [Fact]
    public void GetOrAdd_KeepsTheFirstValueOfAKey()
    {
        var map = new IdentityMap<object, int>();
        var key = new object();

        Assert.False(map.TryGetValue(key, out _));
        Assert.Equal(1, map.GetOrAdd(key, 1));
        Assert.Equal(1, map.GetOrAdd(key, 2));
        Assert.True(map.TryGetValue(key, out var value));
        Assert.Equal(1, value);
        Assert.Equal(1, map.Count);
    }

    [Fact]
    public void Keys_AreComparedByReferenceNotByValue()
    {
        var map = new IdentityMap<string, bool>();
        var key = new string('k', 3);
        map.GetOrAdd(key, true);

        Assert.True(map.TryGetValue(key, out _));
        Assert.False(map.TryGetValue(new string('k', 3), out _));
        map.GetOrAdd(new string('k', 3), false);
        Assert.Equal(2, map.Count);
    }

    [Fact]
    public void Growing_KeepsEveryValue()
    {
        var map = new IdentityMap<object, int>(capacity: 1);
        var keys = new object[5000];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = new object();
            Assert.Equal(i, map.GetOrAdd(keys[i], i));
        }

        Assert.Equal(keys.Length, map.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.True(map.TryGetValue(keys[i], out var value));
            Assert.Equal(i, value);
        }
        Assert.False(map.TryGetValue(new object(), out _));
    }

    [Fact]
    public async Task ConcurrentReadersAndWriters_SeeEachAddedValueAndOneValuePerKey()
    {
        // Writers add the same keys with their own values while readers probe: a reader that finds a key must find the
        // value that every later GetOrAdd returns (the first one added), never a default from an entry half written.
        var map = new IdentityMap<object, int>(capacity: 1);
        var keys = new object[20000];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = new object();
        var failures = 0;

        var writers = new Task[3];
        for (var w = 0; w < writers.Length; w++)
        {
            var writer = w;
            writers[w] = Task.Run(() =>
            {
                for (var i = 0; i < keys.Length; i++)
                    map.GetOrAdd(keys[i], i * 10 + writer + 1);
            });
        }
        var readers = new Task[2];
        for (var r = 0; r < readers.Length; r++)
        {
            readers[r] = Task.Run(() =>
            {
                for (var pass = 0; pass < 3; pass++)
                {
                    for (var i = 0; i < keys.Length; i++)
                    {
                        if (map.TryGetValue(keys[i], out var value) && value / 10 != i)
                            Interlocked.Increment(ref failures);
                    }
                }
            });
        }
        await Task.WhenAll(writers);
        await Task.WhenAll(readers);

        Assert.Equal(0, failures);
        Assert.Equal(keys.Length, map.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.True(map.TryGetValue(keys[i], out var value));
            Assert.Equal(i, value / 10);
            Assert.Equal(value, map.GetOrAdd(keys[i], -1));
        }
    }
}
