namespace StatelessAnalyzers.Tests.Core;

public sealed class StateTypeClassifierTests
{
    private const string Source = """
        using System;
        using System.Collections;
        using System.Collections.Concurrent;
        using System.Collections.Frozen;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Collections.ObjectModel;
        using System.Diagnostics.Metrics;
        using System.Net.Http;
        using System.Text;
        using System.Text.Json;
        using System.Text.RegularExpressions;
        using System.Threading;
        using System.Threading.Channels;
        using Microsoft.Extensions.Logging;
        using Microsoft.Extensions.Options;

        public enum Color { Red }
        public sealed class Custom { }
        public sealed class MyList : List<int> { }
        public sealed class Bag : ICollection<int>
        {
            public int Count => 0; public bool IsReadOnly => false;
            public void Add(int item) { } public void Clear() { } public bool Contains(int item) => false;
            public void CopyTo(int[] array, int arrayIndex) { } public bool Remove(int item) => false;
            public IEnumerator<int> GetEnumerator() => null!; IEnumerator IEnumerable.GetEnumerator() => null!;
        }

        public static class Fields
        {
            public static int[] Array = null!;
            public static List<int> List = null!;
            public static Dictionary<string, int> Dictionary = null!;
            public static Hashtable Hashtable = null!;
            public static ConcurrentDictionary<string, int> Concurrent = null!;
            public static ConcurrentStack<int> Stack = null!;
            public static StringBuilder Builder = null!;
            public static MyList Derived = null!;
            public static Bag Custom = null!;
            public static ImmutableList<int> Immutable = null!;
            public static ImmutableArray<int> ImmutableArray;
            public static FrozenDictionary<string, int> Frozen = null!;
            public static ReadOnlyCollection<int> ReadOnly = null!;
            public static ReadOnlyDictionary<string, int> ReadOnlyDictionary = null!;
            public static IReadOnlyList<int> ReadOnlyInterface = null!;
            public static Channel<int> Channel = null!;
            public static ChannelReader<int> Reader = null!;
            public static ConcurrentQueue<int> ConcurrentQueue = null!;
            public static BlockingCollection<int> Blocking = null!;
            public static Queue<int> Queue = null!;
            public static ConcurrentBag<int> ConcurrentBag = null!;
            public static HttpClient Http = null!;
            public static JsonSerializerOptions Json = null!;
            public static Regex Regex = null!;
            public static Meter Meter = null!;
            public static Counter<int> Counter = null!;
            public static ILogger Logger = null!;
            public static ILogger<Custom> TypedLogger = null!;
            public static IOptions<Custom> Options = null!;
            public static Lazy<HttpClient> LazyClient = null!;
            public static Lazy<Custom> LazyCustom = null!;
            public static Func<int> Delegate = null!;
            public static Type Type = null!;
            public static Encoding Encoding = null!;
            public static TimeSpan TimeSpan;
            public static Guid Guid;
            public static string String = "";
            public static int Int;
            public static int? NullableInt;
            public static Color Enum;
            public static Custom CustomType = null!;
            public static object Object = null!;
            public static AsyncLocal<int> AsyncLocal = null!;
            public static ThreadLocal<int> ThreadLocal = null!;
        }
        """;

    [Theory]
    [InlineData("Array", true)]
    [InlineData("List", true)]
    [InlineData("Dictionary", true)]
    [InlineData("Hashtable", true)]
    [InlineData("Concurrent", true)]
    [InlineData("Stack", true)]
    [InlineData("Builder", true)]
    [InlineData("Derived", true)]
    [InlineData("Custom", true)]
    [InlineData("Immutable", false)]
    [InlineData("ImmutableArray", false)]
    [InlineData("Frozen", false)]
    [InlineData("ReadOnly", false)]
    [InlineData("ReadOnlyDictionary", false)]
    [InlineData("ReadOnlyInterface", false)]
    [InlineData("CustomType", false)]
    [InlineData("String", false)]
    public void MutableCollection(string field, bool expected) => Assert.Equal(expected, Classifier().IsMutableCollection(FieldType(field)));

    [Theory]
    [InlineData("Channel", true)]
    [InlineData("Reader", true)]
    [InlineData("ConcurrentQueue", true)]
    [InlineData("Blocking", true)]
    [InlineData("Queue", true)]
    [InlineData("ConcurrentBag", true)]
    [InlineData("Stack", false)]
    [InlineData("List", false)]
    public void Queue(string field, bool expected) => Assert.Equal(expected, Classifier().IsQueue(FieldType(field)));

    [Theory]
    [InlineData("Http", true)]
    [InlineData("Json", true)]
    [InlineData("Regex", true)]
    [InlineData("Meter", true)]
    [InlineData("Counter", true)]
    [InlineData("Logger", true)]
    [InlineData("TypedLogger", true)]
    [InlineData("Options", true)]
    [InlineData("LazyClient", true)]
    [InlineData("LazyCustom", false)]
    [InlineData("Delegate", true)]
    [InlineData("Type", true)]
    [InlineData("Encoding", true)]
    [InlineData("TimeSpan", true)]
    [InlineData("Guid", true)]
    [InlineData("String", true)]
    [InlineData("Int", true)]
    [InlineData("NullableInt", true)]
    [InlineData("Enum", true)]
    [InlineData("Immutable", true)]
    [InlineData("Frozen", true)]
    [InlineData("CustomType", false)]
    [InlineData("Object", false)]
    [InlineData("List", false)]
    [InlineData("Array", false)]
    public void SafeOrImmutable(string field, bool expected) => Assert.Equal(expected, Classifier().IsSafeOrImmutable(FieldType(field)));

    [Fact]
    public void SafeTypesOptionAddsTypes()
    {
        var compilation = TestCompilation.Create(Source);
        var types = TestCompilation.Context(compilation, ("stateless_analyzers.safe_types", "Custom")).Types;
        Assert.True(types.IsSafeOrImmutable(TestCompilation.Type(compilation, "Fields").GetMembers("CustomType").OfType<Microsoft.CodeAnalysis.IFieldSymbol>().Single().Type));
        Assert.True(types.IsSafeOrImmutable(TestCompilation.Type(compilation, "Fields").GetMembers("LazyCustom").OfType<Microsoft.CodeAnalysis.IFieldSymbol>().Single().Type));
    }

    [Theory]
    [InlineData("AsyncLocal", true)]
    [InlineData("ThreadLocal", true)]
    [InlineData("Int", false)]
    public void FlowLocal(string field, bool expected) => Assert.Equal(expected, Classifier().IsFlowLocal(FieldType(field)));

    [Fact]
    public void ErrorAndNullTypesAreNothing()
    {
        var compilation = TestCompilation.Create("public static class F { public static Missing M; }", allowErrors: true);
        var types = TestCompilation.Context(compilation).Types;
        var type = TestCompilation.Type(compilation, "F").GetMembers("M").OfType<Microsoft.CodeAnalysis.IFieldSymbol>().Single().Type;
        Assert.False(types.IsMutableCollection(type));
        Assert.False(types.IsSafeOrImmutable(type));
        Assert.False(types.IsQueue(null));
    }

    private static Lazy<(Microsoft.CodeAnalysis.Compilation Compilation, StatelessAnalyzers.Core.StateTypeClassifier Types)> shared =
        new(() =>
        {
            var compilation = TestCompilation.Create(Source);
            return (compilation, TestCompilation.Context(compilation).Types);
        });

    private static StatelessAnalyzers.Core.StateTypeClassifier Classifier() => shared.Value.Types;

    private static Microsoft.CodeAnalysis.ITypeSymbol FieldType(string name) =>
        TestCompilation.Type(shared.Value.Compilation, "Fields").GetMembers(name).OfType<Microsoft.CodeAnalysis.IFieldSymbol>().Single().Type;
}
