using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Memory.SL1003SingletonStateAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Memory;

/// <summary>The less common forms of a write after construction: each one makes the member state.</summary>
public sealed class SL1003SingletonStateWriteFormsTests
{
    [Fact]
    public Task Reports_DeconstructionConditionalAccessHelpersRefArgumentsAndStructMembers() => new Verify.Test
    {
        TestCode = """
            using System;
            using System.Collections.Generic;
            using System.Runtime.InteropServices;

            public sealed class Edges
            {
                private int [|a|];
                private int [|b|];
                private readonly List<string> [|viaConditional|] = new();
                private readonly int[] [|cleared|] = new int[4];
                private readonly int[] [|copiedInto|] = new int[4];
                private readonly int[] source = new int[4];
                private int [|byRefConstructor|];
                private Point [|point|];
                private readonly Dictionary<string, int> [|helper|] = new();
                private readonly List<string> onlyRead = new();

                public int Run()
                {
                    (a, (b, _)) = (1, (2, 3));
                    viaConditional?.Add("x");
                    Array.Clear(cleared);
                    Array.Copy(source, copiedInto, 4);
                    _ = new Holder(ref byRefConstructor);
                    point.X = 3;
                    CollectionsMarshal.GetValueRefOrAddDefault(helper, "k", out _);
                    return onlyRead.Count;
                }
            }

            public sealed class Holder
            {
                public Holder(ref int value) => value++;
            }

            public struct Point
            {
                public int X;
            }
            """,
        AdditionalSources = { ("Program.cs", """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSingleton<Edges>();
            builder.Build().Run();
            """) },
    }.RunAsync();
}
