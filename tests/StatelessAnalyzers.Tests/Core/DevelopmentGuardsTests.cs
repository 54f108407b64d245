using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Tests.Core;

public sealed class DevelopmentGuardsTests
{
    private const string Source = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;

        var app = WebApplication.CreateBuilder(args).Build();
        var env = app.Environment;

        if (app.Environment.IsDevelopment()) { G.Marker(0); }
        if (env.IsEnvironment("development")) G.Marker(1);
        if (env.IsStaging()) { G.Marker(2); }
        if (env.IsDevelopment()) { } else { G.Marker(3); }
        if (!env.IsDevelopment()) { G.Marker(4); } else { G.Marker(5); }
        if (env.IsDevelopment() && args.Length > 0) { G.Marker(6); }
        if (env.IsDevelopment() || args.Length > 0) { G.Marker(7); }
        var value = env.IsDevelopment() ? G.Marker(8) : G.Marker(9);
        if (env.IsDevelopment() == true) { G.Marker(10); }
        #if DEBUG
        G.Marker(11);
        #else
        G.Marker(12);
        #endif
        #if RELEASE
        G.Marker(13);
        #elif DEBUG && TRACE
        G.Marker(14);
        #endif
        G.Marker(15);
        if (env.IsProduction()) { G.Marker(16); }
        if (env.IsDevelopment()) { app.MapGet("/", () => G.Marker(17)); }

        public static class G { public static int Marker(int id) => id; }
        """;

    private static readonly int[] Guarded = { 0, 1, 5, 6, 8, 10, 11, 14, 17 };

    [Fact]
    public void RecognisesEveryGuardForm()
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
            Source,
            new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(preprocessorSymbols: new[] { "DEBUG", "TRACE" }),
            path: "/0/Test0.cs");
        var compilation = TestCompilation.Create("class Unused { }").RemoveAllSyntaxTrees().AddSyntaxTrees(tree)
            .WithOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));

        var seen = new List<int>();
        foreach (var marker in TestCompilation.Calls(compilation, "Marker"))
        {
            var id = (int)marker.Arguments[0].Value.ConstantValue.Value!;
            seen.Add(id);
            var expected = Guarded.Contains(id);
            Assert.True(expected == DevelopmentGuards.IsGuarded(marker, StatelessOptions.Default), $"Marker({id}) expected guarded = {expected}");
            Assert.False(DevelopmentGuards.IsGuarded(marker, TestCompilation.Options(("stateless_analyzers.development_guards", "false"))));
        }

        // Markers 12 and 13 are in inactive regions and never bind.
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 17 }, seen.OrderBy(i => i));
    }

    [Fact]
    public void DebugDirectiveNeedsTheDebugBranch()
    {
        var compilation = TestCompilation.Create("""
            public static class C
            {
                public static int A() =>
            #if !DEBUG
                    1;
            #else
                    2;
            #endif
            }
            """);
        var literal = compilation.SyntaxTrees.First().GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax>().Single();
        Assert.False(DevelopmentGuards.IsInsideDebugDirective(literal));
    }
}
