using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Tests.Core;

public sealed class LastAnswerTests
{
    [Fact]
    public void TryGet_AnswersOnlyTheLastKeyByReference()
    {
        LastAnswer<object, int>? last = null;
        var first = new object();
        var second = new object();

        Assert.False(LastAnswer<object, int>.TryGet(ref last, first, out _));
        Assert.Equal(1, LastAnswer<object, int>.Set(ref last, first, 1));
        Assert.True(LastAnswer<object, int>.TryGet(ref last, first, out var answer));
        Assert.Equal(1, answer);
        Assert.False(LastAnswer<object, int>.TryGet(ref last, second, out _));

        LastAnswer<object, int>.Set(ref last, second, 2);
        Assert.False(LastAnswer<object, int>.TryGet(ref last, first, out _));
        Assert.True(LastAnswer<object, int>.TryGet(ref last, second, out answer));
        Assert.Equal(2, answer);
    }

    [Fact]
    public void TryGet_ComparesKeysByReferenceNotByValue()
    {
        LastAnswer<string, bool>? last = null;
        var key = new string('k', 3);
        LastAnswer<string, bool>.Set(ref last, key, true);

        Assert.True(LastAnswer<string, bool>.TryGet(ref last, key, out _));
        Assert.False(LastAnswer<string, bool>.TryGet(ref last, new string('k', 3), out _));
    }
}
