using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Tests.Core;

public sealed class EndpointHandlersTests
{
    private const string Source = """
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/a", () => "a");
        app.MapPost("/b", (string s) => s);
        app.MapPut("/c", Handlers.Put);
        app.MapDelete("/d", delegate () { return 1; });
        app.MapPatch("/e", () => 1);
        app.MapMethods("/f", new[] { "GET" }, () => 1);
        app.Map("/g", () => 1);
        app.MapFallback(() => 1);
        app.MapGroup("/api").MapGet("/h", () => 1);
        app.MapGet("/i", async (HttpContext context) => await context.Response.WriteAsync("i"));
        new List<int>().ForEach(i => { });
        app.Run();

        public static class Handlers { public static int Put() => 1; }
        """;

    [Fact]
    public void RecognisesMapCallsAndTheirHandlers()
    {
        var compilation = TestCompilation.Create(Source);
        var symbols = WellKnownSymbols.Get(compilation);
        var invocations = TestCompilation.Operations<IInvocationOperation>(compilation);
        var mapCalls = invocations.Where(i => EndpointHandlers.IsMapCall(i, symbols)).ToList();
        Assert.Equal(
            new[] { "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "Map", "MapFallback", "MapGet", "MapGet" },
            mapCalls.Select(c => c.TargetMethod.Name));

        var handlers = mapCalls.Select(c => EndpointHandlers.GetHandler(c, symbols)).ToList();
        Assert.All(handlers, Assert.NotNull);
        var methodGroup = Assert.IsAssignableFrom<IMethodReferenceOperation>(handlers[2]);
        Assert.Equal("Put", methodGroup.Method.Name);
        Assert.Equal(9, handlers.OfType<IAnonymousFunctionOperation>().Count());
        Assert.All(handlers.OfType<IAnonymousFunctionOperation>(), h => Assert.True(EndpointHandlers.IsEndpointHandler(h, symbols)));

        var others = invocations.Where(i => i.TargetMethod.Name is "ForEach" or "Run" or "MapGroup").ToList();
        Assert.Equal(3, others.Count);
        Assert.All(others, i => Assert.False(EndpointHandlers.IsMapCall(i, symbols)));
        var forEachLambda = TestCompilation.Operations<IAnonymousFunctionOperation>(compilation).Last();
        Assert.False(EndpointHandlers.IsEndpointHandler(forEachLambda, symbols));
    }

    [Fact]
    public void OperationsInsideHandlerLambdas()
    {
        var compilation = TestCompilation.Create("""
            using Microsoft.AspNetCore.Builder;
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/", () => { System.Action inner = () => G.Marker(0); return G.Marker(1); });
            G.Marker(2);
            app.Run();
            public static class G { public static int Marker(int id) => id; }
            """);
        var symbols = WellKnownSymbols.Get(compilation);
        var markers = TestCompilation.Calls(compilation, "Marker");
        Assert.Equal(new[] { true, true, false }, markers.Select(m => EndpointHandlers.IsInsideEndpointHandlerLambda(m, symbols)));
    }

    [Fact]
    public void NothingOutsideWebProjects()
    {
        var compilation = TestCompilation.Create(
            "public static class C { public static void MapGet(this object o, string s, System.Delegate d) { } public static void M() => new object().MapGet(\"/\", () => 1); }",
            StatelessAnalyzers.Tests.Verification.ReferenceSet.NetCore);
        var symbols = WellKnownSymbols.Get(compilation);
        Assert.All(TestCompilation.Calls(compilation, "MapGet"), c => Assert.False(EndpointHandlers.IsMapCall(c, symbols)));
    }
}
