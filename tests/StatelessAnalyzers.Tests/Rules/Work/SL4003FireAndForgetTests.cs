using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Work.SL4003FireAndForgetAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Work;

public sealed class SL4003FireAndForgetTests
{
    [Fact]
    public Task Reports_EveryFormInAController() => Verify.VerifyAnalyzerAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public sealed class OrdersController : ControllerBase
        {
            public IActionResult Post(string id)
            {
                Task.{|#0:Run|}(() => Send(id));
                Task.Factory.[|StartNew|](() => Send(id));
                ThreadPool.[|QueueUserWorkItem|](_ => Send(id));
                new Thread(() => Send(id)).[|Start|]();
                _ = {|#1:SendAsync|}(id);
                [|SendAsync|](id);
                _ = [|PingAsync|]();
                return Accepted();
            }

            public async void {|#2:Notify|}(string id) => await SendAsync(id);

            private static void Send(string id) { }
            private static Task SendAsync(string id) => Task.CompletedTask;
            private static ValueTask PingAsync() => ValueTask.CompletedTask;
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Task.Run"),
        Verify.Diagnostic().WithLocation(1).WithArguments("The discarded call to 'SendAsync'"),
        Verify.Diagnostic().WithLocation(2).WithArguments("The async void method 'Notify'"));

    [Fact]
    public Task Reports_InEndpointHandlersAndHubs() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapPost("/orders", () =>
        {
            _ = Mail.[|SendAsync|]();
            return "ok";
        });
        _ = Mail.SendAsync();
        app.Run();

        public static class Mail { public static Task SendAsync() => Task.CompletedTask; }

        public sealed class ChatHub : Microsoft.AspNetCore.SignalR.Hub
        {
            public void Send() => Task.[|Run|](() => { });
        }
        """);

    [Fact]
    public Task Ignores_AwaitedReturnedAndStoredTasks() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ReportsController : ControllerBase
        {
            private Task? pending;

            public async Task<int> Get()
            {
                await Task.Run(() => 1);
                var work = Task.Run(() => 2);
                pending = SendAsync();
                await Task.WhenAll(work, pending);
                return await work;
            }

            public Task Post() => SendAsync();
            public Task<int> Compute() => Task.Run(() => 3);

            private static Task SendAsync() => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Ignores_OutsideRequestHandlers() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        public sealed class Mailer
        {
            public void Send() { _ = Task.Run(() => { }); SendAsync(); }
            public async void Fire() => await SendAsync();
            private static Task SendAsync() => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Ignores_TestProjects() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        namespace Xunit { public sealed class FactAttribute : System.Attribute { } }

        public sealed class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
        {
            public void Post() => Task.Run(() => { });
        }
        """);

    [Fact]
    public Task Ignores_BrokenCode() => new Verify.Test
    {
        TestCode = """
            using System.Threading.Tasks;

            public sealed class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                public void Post()
                {
                    Missing.Run(() => { });
                    _ = Unknown();
                    Task.[|Run|](() => { });
                    Task.Run(
                }
            }
            """,
        AllowCompilerErrors = true,
    }.RunAsync();

    [Fact]
    public Task Reports_AsyncVoidInEveryPartOfAController_NotInGeneratedCode() => new Verify.Test
    {
        // Every part of a partial controller and the types nested in it count, except its generated part and the
        // methods marked [GeneratedCode].
        TestCode = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            public sealed partial class OrdersController : ControllerBase
            {
                public async void [|Notify|]() => await Task.Yield();

                [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                public async void Marked() => await Task.Yield();

                private sealed class Helper
                {
                    public async void [|Ping|]() => await Task.Yield();
                }
            }
            """,
        AdditionalSources =
        {
            ("OrdersController.Part.cs", """
                public sealed partial class OrdersController
                {
                    public async void [|Refresh|]() => await System.Threading.Tasks.Task.Yield();
                }
                """),
            ("OrdersController.g.cs", """
                public sealed partial class OrdersController
                {
                    public async void Generated() => await System.Threading.Tasks.Task.Yield();
                }
                """),
        },
    }.RunAsync();
}
