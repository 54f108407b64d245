using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Tests.Core;

public sealed class StateWritesTests
{
    [Fact]
    public void ClassifiesEveryReference()
    {
        var compilation = TestCompilation.Create("""
            using System.Collections.Generic;
            using System.Text;
            using System.Threading;

            public struct Point { public int X; }

            public static class S
            {
                public static int N;
                public static int P { get; set; }
                public static List<int> L = new();
                public static Dictionary<string, int> D = new();
                public static int[] A = new int[2];
                public static StringBuilder B = new();
                public static Point Pt;
                public static object? O;

                public static void Use()
                {
                    W0(N = 1);
                    W1(N += 1);
                    W2(N++);
                    W3(Interlocked.Increment(ref N));
                    W4(O ??= new object());
                    L.Add(1); Marker(5);
                    D["k"] = 1; Marker(6);
                    A[0]++; Marker(7);
                    B.Append("x"); Marker(8);
                    Pt.X = 3; Marker(9);
                    (N, P) = (1, 2); Marker(10);
                    L?.Clear(); Marker(11);
                    CollectionExtensions.TryAdd(D, "a", 1); Marker(12);
                    System.Array.Clear(A); Marker(13);
                    R0(N + P);
                    R1(L.Count + L[0] + D["k"] + A[0]);
                    R2(L.Contains(1));
                    R3(O?.ToString());
                    R4(B.ToString());
                }

                static int W0(int v) => v; static int W1(int v) => v; static int W2(int v) => v; static int W3(long v) => 0; static int W4(object v) => 0;
                static void R0(int v) { } static void R1(int v) { } static void R2(bool v) { } static void R3(string? v) { } static void R4(string v) { }
                static void Marker(int id) { }
            }
            """);
        var types = TestCompilation.Context(compilation).Types;
        var kinds = new Dictionary<string, List<WriteKind>>();
        foreach (var reference in TestCompilation.Operations<IMemberReferenceOperation>(compilation))
        {
            if (reference is not (IFieldReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: false })
                || reference.Member.ContainingType.Name != "S")
                continue;
            var statement = reference.Syntax.Ancestors().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax>().First().ToString();
            if (!kinds.TryGetValue(statement, out var list))
                kinds[statement] = list = new List<WriteKind>();
            list.Add(StateWrites.Classify(reference, types));
        }

        Assert.Equal(new[] { WriteKind.Assignment }, kinds["W0(N = 1);"]);
        Assert.Equal(new[] { WriteKind.CompoundAssignment }, kinds["W1(N += 1);"]);
        Assert.Equal(new[] { WriteKind.Increment }, kinds["W2(N++);"]);
        Assert.Equal(new[] { WriteKind.RefArgument }, kinds["W3(Interlocked.Increment(ref N));"]);
        Assert.Equal(new[] { WriteKind.Assignment }, kinds["W4(O ??= new object());"]);
        Assert.Equal(new[] { WriteKind.Mutation }, kinds["L.Add(1);"]);
        Assert.Equal(new[] { WriteKind.Mutation }, kinds["D[\"k\"] = 1;"]);
        Assert.Equal(new[] { WriteKind.Mutation }, kinds["A[0]++;"]);
        Assert.Equal(new[] { WriteKind.Mutation }, kinds["B.Append(\"x\");"]);
        Assert.Equal(new[] { WriteKind.Mutation }, kinds["Pt.X = 3;"]);
        Assert.Equal(new[] { WriteKind.Assignment, WriteKind.Assignment }, kinds["(N, P) = (1, 2);"]);
        Assert.Equal(new[] { WriteKind.Mutation }, kinds["L?.Clear();"]);
        Assert.Equal(new[] { WriteKind.Mutation }, kinds["CollectionExtensions.TryAdd(D, \"a\", 1);"]);
        Assert.Equal(new[] { WriteKind.Mutation }, kinds["System.Array.Clear(A);"]);
        Assert.All(kinds.Where(k => k.Key.StartsWith("R", StringComparison.Ordinal)).SelectMany(k => k.Value), k => Assert.Equal(WriteKind.None, k));
        Assert.Equal(5, kinds.Count(k => k.Key.StartsWith("R", StringComparison.Ordinal)));
    }
}
