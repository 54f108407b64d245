using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Tests.Core;

public sealed class HandlerClassifierTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.AspNetCore.SignalR;

        namespace Grpc.Core
        {
            public sealed class BindServiceMethodAttribute : System.Attribute
            {
                public BindServiceMethodAttribute(System.Type type, string method) { }
            }
        }

        namespace FastEndpoints { public abstract class Endpoint<TRequest, TResponse> { } }
        namespace ServiceStack { public interface IService { } }

        namespace Shop
        {
            public sealed class DerivedFromBase : ControllerBase { public sealed class Nested { } }
            public abstract class AbstractBase : ControllerBase { }
            [ApiController] public sealed class ApiAttributed { }
            [Controller] public class ControllerAttributed { }
            public sealed class InheritsAttribute : ControllerAttributed { }
            public sealed class ConventionController { }
            internal sealed class InternalController { }
            public abstract class AbstractController { }
            public sealed class Controller { }
            [NonController] public sealed class ExcludedController { }
            [NonController] public sealed class ExcludedBase : ControllerBase { }
            public sealed class Page : PageModel { }
            public sealed class Chat : Hub { }
            public interface IClient { Task Send(string m); }
            public sealed class TypedChat : Hub<IClient> { }
            public sealed class Factory : IMiddleware { public Task InvokeAsync(HttpContext c, RequestDelegate n) => n(c); }
            public sealed class Convention
            {
                public Convention(RequestDelegate next) { }
                public Task Invoke(HttpContext context) => Task.CompletedTask;
            }
            public sealed class NoNext { public Task InvokeAsync(HttpContext context) => Task.CompletedTask; }
            public sealed class WrongFirstParameter
            {
                public WrongFirstParameter(RequestDelegate next) { }
                public Task InvokeAsync(string s, HttpContext context) => Task.CompletedTask;
            }
            public static class Greeter
            {
                [Grpc.Core.BindServiceMethod(typeof(Greeter), "BindService")]
                public abstract class GreeterBase { }
            }
            public sealed class GreeterService : Greeter.GreeterBase { }
            public sealed class CreateOrder : FastEndpoints.Endpoint<string, int> { }
            public sealed class Legacy : ServiceStack.IService { }
            public sealed class OrdersService { }
            public struct ValueController { }
        }
        """;

    [Theory]
    [InlineData("Shop.DerivedFromBase", true)]
    [InlineData("Shop.AbstractBase", true)]
    [InlineData("Shop.ApiAttributed", true)]
    [InlineData("Shop.ControllerAttributed", true)]
    [InlineData("Shop.InheritsAttribute", true)]
    [InlineData("Shop.ConventionController", true)]
    [InlineData("Shop.InternalController", false)]
    [InlineData("Shop.AbstractController", false)]
    [InlineData("Shop.Controller", false)]
    [InlineData("Shop.ExcludedController", false)]
    [InlineData("Shop.ExcludedBase", false)]
    [InlineData("Shop.Page", true)]
    [InlineData("Shop.Chat", true)]
    [InlineData("Shop.TypedChat", true)]
    [InlineData("Shop.Factory", true)]
    [InlineData("Shop.Convention", true)]
    [InlineData("Shop.NoNext", false)]
    [InlineData("Shop.WrongFirstParameter", false)]
    [InlineData("Shop.GreeterService", true)]
    [InlineData("Shop.CreateOrder", false)]
    [InlineData("Shop.Legacy", false)]
    [InlineData("Shop.OrdersService", false)]
    [InlineData("Shop.ValueController", false)]
    [InlineData("Shop.DerivedFromBase+Nested", false)]
    public void RecognisesRequestHandlingTypes(string metadataName, bool expected)
    {
        var compilation = TestCompilation.Create(Source);
        var handlers = TestCompilation.Context(compilation).Handlers;
        Assert.Equal(expected, handlers.IsRequestHandlingType(TestCompilation.Type(compilation, metadataName)));
    }

    [Theory]
    [InlineData("Shop.CreateOrder")]
    [InlineData("Shop.Legacy")]
    public void HandlerBaseTypesOptionAddsBaseTypesAndInterfaces(string metadataName)
    {
        var compilation = TestCompilation.Create(Source);
        var handlers = TestCompilation.Context(
            compilation, ("stateless_analyzers.handler_base_types", "FastEndpoints.Endpoint`2, ServiceStack.IService, Not.There")).Handlers;
        Assert.True(handlers.IsRequestHandlingType(TestCompilation.Type(compilation, metadataName)));
        Assert.False(handlers.IsRequestHandlingType(TestCompilation.Type(compilation, "Shop.OrdersService")));
    }

    [Fact]
    public void NestedTypesAreInsideTheirHandler()
    {
        var compilation = TestCompilation.Create(Source);
        var handlers = TestCompilation.Context(compilation).Handlers;
        Assert.True(handlers.IsInRequestHandlingType(TestCompilation.Type(compilation, "Shop.DerivedFromBase+Nested")));
        Assert.False(handlers.IsInRequestHandlingType(TestCompilation.Type(compilation, "Shop.OrdersService")));
        Assert.False(handlers.IsInRequestHandlingType(null));
    }

    [Fact]
    public void NamingConventionNeedsMvc()
    {
        var compilation = TestCompilation.Create(
            "public sealed class OrdersController { }", StatelessAnalyzers.Tests.Verification.ReferenceSet.NetCore);
        var handlers = TestCompilation.Context(compilation).Handlers;
        Assert.False(handlers.IsRequestHandlingType(TestCompilation.Type(compilation, "OrdersController")));
    }
}
