using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Memory.SL1004CapturedStateAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Memory;

public sealed class SL1004CapturedStateTests
{
    [Fact]
    public Task Reports_TodoListCapturedByHandlers() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.CreateBuilder(args).Build();
        var {|#0:todos|} = new List<Todo>();
        var [|nextId|] = 1;
        var title = "Todos";

        app.MapGet("/todos", () => todos);
        app.MapPost("/todos", (Todo todo) =>
        {
            todos.Add(todo with { Id = nextId++ });
            return Results.Created($"/todos/{todo.Id}", todo);
        });
        app.MapGet("/title", () => title);
        app.Run();

        public sealed record Todo(int Id, string Title);
        """, Verify.Diagnostic().WithLocation(0).WithArguments("todos"));

    [Fact]
    public Task Reports_InstanceFieldThroughCapturedThis() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Routing;

        public sealed class CartEndpoints
        {
            private readonly Dictionary<string, int> [|carts|] = new();
            private readonly string name = "carts";

            public void Map(IEndpointRouteBuilder routes)
            {
                routes.MapPut("/carts/{user}", (string user) => carts[user] = 1);
                routes.MapGet("/name", () => name);
            }
        }
        """);

    [Fact]
    public Task Ignores_LocalsDeclaredInsideHandlersStaticsAndOtherLambdas() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Builder;

        var app = WebApplication.CreateBuilder(args).Build();
        var names = new List<string>();
        names.ForEach(n => names.Add(n));
        app.MapGet("/", () =>
        {
            var local = new List<int> { 1 };
            local.Add(2);
            Store.Items.Add("x");
            return local.Count + args.Length;
        });
        app.Run();

        public static class Store { public static readonly List<string> Items = new(); }
        """);

    [Fact]
    public Task Ignores_TestProjects() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Builder;

        var app = WebApplication.CreateBuilder(args).Build();
        var todos = new List<string>();
        app.MapGet("/", () => todos);
        app.Run();

        namespace Xunit { public sealed class FactAttribute : System.Attribute { } }
        """);

    [Fact]
    public Task Ignores_BrokenCode() => new Verify.Test
    {
        TestCode = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;

            var app = WebApplication.CreateBuilder(args).Build();
            var [|todos|] = new List<string>();
            Missing broken = null;
            app.MapGet("/", () => { broken.Add(1); return todos; });
            app.MapPost("/", (string t) => todos.Add(
            app.Run();
            """,
        AllowCompilerErrors = true,
    }.RunAsync();

    [Fact]
    public Task Ignores_FieldsDeclaredInGeneratedCode() => new Verify.Test
    {
        // The handler is analysed; the field it captures is declared in the class's generated part.
        TestCode = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Routing;

            public sealed partial class CartEndpoints
            {
                private readonly System.Collections.Generic.Dictionary<string, int> [|orders|] = new();

                public void Map(IEndpointRouteBuilder routes)
                {
                    routes.MapPut("/carts/{user}", (string user) => carts[user] = 1);
                    routes.MapPut("/orders/{user}", (string user) => orders[user] = 1);
                }
            }
            """,
        AdditionalSources =
        {
            ("CartEndpoints.g.cs", """
                public sealed partial class CartEndpoints
                {
                    private readonly System.Collections.Generic.Dictionary<string, int> carts = new();
                }
                """),
        },
    }.RunAsync();
}
