using Microsoft.CodeAnalysis.CSharp.Syntax;
using StatelessAnalyzers.CodeFixes.Common;

namespace StatelessAnalyzers.Tests.CodeFixes;

public sealed class CancellationTokensTests
{
    private static async Task<string?> FindAtMarker(string source)
    {
        var (_, root, model) = await FixTestDocument.OpenAsync(source);
        var marker = root.DescendantNodes().OfType<InvocationExpressionSyntax>().First(i => i.Expression.ToString() == "Marker");
        return CancellationTokens.FindInScope(model, marker)?.ToString();
    }

    private const string Prefix = """
        using System;
        using System.Threading;
        using Microsoft.AspNetCore.Http;

        public sealed class C
        {
            private static void Marker() { }

        """;

    [Fact]
    public async Task MethodParameter() =>
        Assert.Equal("ct", await FindAtMarker(Prefix + "    public void M(int x, CancellationToken ct) { Marker(); }\n}"));

    [Fact]
    public async Task InnermostLambdaParameterFirst() =>
        Assert.Equal("inner", await FindAtMarker(Prefix + "    public void M(CancellationToken outer) { Action<CancellationToken> a = inner => Marker(); }\n}"));

    [Fact]
    public async Task EnclosingMethodParameterFromALambda() =>
        Assert.Equal("outer", await FindAtMarker(Prefix + "    public void M(CancellationToken outer) { Action a = () => Marker(); }\n}"));

    [Fact]
    public async Task HttpContextRequestAborted() =>
        Assert.Equal("context.RequestAborted", await FindAtMarker(Prefix + "    public void M(HttpContext context) { Marker(); }\n}"));

    [Fact]
    public async Task NoneInScope() =>
        Assert.Null(await FindAtMarker(Prefix + "    public void M(int x) { Marker(); }\n}"));

    [Fact]
    public async Task NotFromAnotherMember() =>
        Assert.Null(await FindAtMarker(Prefix + "    public void Other(CancellationToken ct) { }\n    public void M() { Marker(); }\n}"));
}
