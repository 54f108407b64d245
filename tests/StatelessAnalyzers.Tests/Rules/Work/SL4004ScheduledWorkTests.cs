using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Work.SL4004ScheduledWorkAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Work;

public sealed class SL4004ScheduledWorkTests
{
    [Fact]
    public Task Reports_PeriodicTimerLoop() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;

        public sealed class {|#0:CleanupService|} : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
                while (await timer.WaitForNextTickAsync(stoppingToken))
                    await CleanupAsync();
            }

            private static Task CleanupAsync() => Task.CompletedTask;
        }
        """, Verify.Diagnostic().WithLocation(0).WithArguments("CleanupService", "PeriodicTimer"));

    [Fact]
    public Task Reports_DelayLoopAndTimers() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;

        public sealed class {|#0:ReportService|} : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                for (; ; )
                {
                    await Task.Delay(TimeSpan.FromHours(1), stoppingToken);
                }
            }
        }

        public sealed class {|#1:TimerService|} : IHostedService, IDisposable
        {
            private Timer? timer;
            public Task StartAsync(CancellationToken token) { timer = new Timer(_ => { }, null, 0, 1000); return Task.CompletedTask; }
            public Task StopAsync(CancellationToken token) => Task.CompletedTask;
            public void Dispose() => timer?.Dispose();
        }

        public sealed class {|#2:LegacyTimerService|} : IHostedService
        {
            private readonly System.Timers.Timer timer = new(1000);
            public Task StartAsync(CancellationToken token) { timer.Start(); return Task.CompletedTask; }
            public Task StopAsync(CancellationToken token) => Task.CompletedTask;
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("ReportService", "Task.Delay in a loop"),
        Verify.Diagnostic().WithLocation(1).WithArguments("TimerService", "System.Threading.Timer"),
        Verify.Diagnostic().WithLocation(2).WithArguments("LegacyTimerService", "System.Timers.Timer"));

    [Fact]
    public Task Ignores_OneShotDelaysQueueConsumersAndNonHostedTypes() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading;
        using System.Threading.Channels;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;

        public sealed class WarmupService : BackgroundService
        {
            private readonly Channel<int> queue = Channel.CreateUnbounded<int>();

            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken))
                    Console.WriteLine(item);
            }
        }

        public sealed class Poller
        {
            public async Task RunAsync()
            {
                while (true)
                    await Task.Delay(1000);
            }
        }
        """);

    [Fact]
    public Task Ignores_TestProjects() => Verify.VerifyAnalyzerAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;

        namespace Xunit { public sealed class FactAttribute : System.Attribute { } }

        public sealed class FakeService : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                while (true) await Task.Delay(10, stoppingToken);
            }
        }
        """);

    [Fact]
    public Task Ignores_BrokenCode() => new Verify.Test
    {
        TestCode = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            public sealed class Broken : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (true) { await Missing.Delay(10); await Task.Delay(
                }
            }
            """,
        AllowCompilerErrors = true,
    }.RunAsync();
}
