using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Memory.SL1003SingletonStateAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Memory;

/// <summary>
/// Which code's writes count for a singleton's member: the members of the class that declares it, not those of types
/// nested in it or of other classes.
/// </summary>
public sealed class SL1003SingletonStateScopeTests
{
    private const string Program = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton<Outer>();
        builder.Services.AddSingleton<Outer.Inner>();
        builder.Services.AddSingleton<Target>();
        builder.Services.AddSingleton<Derived>();
        builder.Services.AddSingleton<Store<int>>();
        builder.Services.AddSingleton<Captured>();
        builder.Build().Run();
        """;

    [Fact]
    public Task Counts_WritesInTheDeclaringClassOnly() => new Verify.Test
    {
        TestCode = """
            using System.Collections.Generic;

            public sealed class Outer
            {
                private int count;
                private readonly List<string> names = new();
                private readonly Inner inner = new();

                public void Touch() => inner.Value = 1;

                public sealed class Inner
                {
                    public int Value;
                    public int Fixed;
                    public Inner() { Fixed = 2; }
                    public void Bump(Outer outer) { outer.count++; outer.names.Add("x"); }
                }

                private sealed class Helper
                {
                    private readonly int seed;
                    public Helper(Outer outer) { outer.count = 3; seed = 1; }
                }
            }

            public sealed class Target
            {
                public int Hits;
                public List<string> Seen { get; } = new();
            }

            public sealed class Writer
            {
                public void Write(Target target) { target.Hits++; target.Seen.Add("x"); }
            }

            public class Base
            {
                protected int inherited;
            }

            public sealed class Derived : Base
            {
                public void Write() => inherited++;
            }

            public sealed class Store<T>
            {
                private T? [|last|];
                private int [|version|];
                public void Set(T value, Store<T> other) { last = value; other.version++; }
            }

            public sealed class Captured(int [|next|], System.Func<int> factory)
            {
                private readonly System.Func<int> make = () => next++;
                public int Peek() => factory();
            }
            """,
        AdditionalSources = { ("Program.cs", Program) },
    }.RunAsync();
}
