using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StatelessAnalyzers.CodeFixes.Common;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Tests.CodeFixes;

public sealed class AsyncConversionTests
{
    private const string Controller = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public interface IPinger { string Ping(); }

        public class BaseController : ControllerBase
        {
            public virtual IActionResult Virtual() => Ok();
        }

        public sealed class ShopController : BaseController, IPinger
        {
            public IActionResult Action() => Ok();
            public ActionResult<string> Typed() => "x";
            public void Nothing() { }
            public string Ping() => "pong";
            public override IActionResult Virtual() => Ok();
            public async Task<IActionResult> AlreadyAsync() { await Task.Yield(); return Ok(); }
            public Task<IActionResult> TaskReturning() => Task.FromResult<IActionResult>(Ok());
            public IEnumerable<int> Iterator() { yield return 1; }
            public void WithOut(out int x) => x = 1;
            public static void Static() { }
            private void Private() { }
            public T Generic<T>() => default!;
            [NonAction] public void NotAnAction() { }
        }

        public sealed class Plain
        {
            public void NotAHandler() { }
        }
        """;

    [Theory]
    [InlineData("ShopController", "Action", true)]
    [InlineData("ShopController", "Typed", true)]
    [InlineData("ShopController", "Nothing", true)]
    [InlineData("ShopController", "Ping", false)]
    [InlineData("ShopController", "Virtual", false)]
    [InlineData("BaseController", "Virtual", false)]
    [InlineData("ShopController", "AlreadyAsync", false)]
    [InlineData("ShopController", "TaskReturning", false)]
    [InlineData("ShopController", "Iterator", false)]
    [InlineData("ShopController", "WithOut", false)]
    [InlineData("ShopController", "Static", false)]
    [InlineData("ShopController", "Private", false)]
    [InlineData("ShopController", "Generic", false)]
    [InlineData("ShopController", "NotAnAction", false)]
    [InlineData("Plain", "NotAHandler", false)]
    public async Task CanMakeAsync(string type, string method, bool expected)
    {
        var (_, _, model) = await FixTestDocument.OpenAsync(Controller);
        var symbol = (IMethodSymbol)model.Compilation.GetTypeByMetadataName(type)!.GetMembers(method).Single();
        Assert.Equal(expected, AsyncConversion.CanMakeAsync(symbol, WellKnownSymbols.Get(model.Compilation)));
    }

    [Fact]
    public async Task IsAsync()
    {
        var (_, _, model) = await FixTestDocument.OpenAsync(Controller);
        var type = model.Compilation.GetTypeByMetadataName("ShopController")!;
        Assert.True(AsyncConversion.IsAsync((IMethodSymbol)type.GetMembers("AlreadyAsync").Single()));
        Assert.False(AsyncConversion.IsAsync((IMethodSymbol)type.GetMembers("TaskReturning").Single()));
        Assert.False(AsyncConversion.IsAsync((IMethodSymbol)type.GetMembers("Action").Single()));
    }

    [Fact]
    public async Task HasReferencesFindsCallers()
    {
        var (document, _, model) = await FixTestDocument.OpenAsync("""
            public sealed class C
            {
                public void Called() { }
                public void Lonely() { }
                public void Caller() => Called();
            }
            """);
        var type = model.Compilation.GetTypeByMetadataName("C")!;
        Assert.True(await AsyncConversion.HasReferencesAsync((IMethodSymbol)type.GetMembers("Called").Single(), document.Project.Solution, default));
        Assert.False(await AsyncConversion.HasReferencesAsync((IMethodSymbol)type.GetMembers("Lonely").Single(), document.Project.Solution, default));
    }

    [Theory]
    [InlineData("public void M() => Work();", "public async Task M() => Work();")]
    [InlineData("public IActionResult M()\n{\n    return Ok();\n}", "public async Task<IActionResult> M()\n{\n    return Ok();\n}")]
    [InlineData("[HttpGet]\npublic ActionResult<List<int>> M() => new List<int>();", "[HttpGet]\npublic async Task<ActionResult<List<int>>> M() => new List<int>();")]
    [InlineData("/// <summary>Doc.</summary>\nvoid M() { }", "/// <summary>Doc.</summary>\nasync Task M() { }")]
    [InlineData("public static int M() => 1;", "public static async Task<int> M() => 1;")]
    public void MakeAsync(string before, string after)
    {
        var method = (MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(before)!;
        Assert.Equal(after, AsyncConversion.MakeAsync(method).ToFullString());
    }
}
