using StatelessAnalyzers.Tests.Verification;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Work.SL4002StaticWorkQueueAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Work;

public sealed class SL4002StaticWorkQueueTests
{
    [Fact]
    public Task Reports_EveryQueueType() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Threading.Channels;

        public static class Work
        {
            public static readonly Channel<Func<int>> {|#0:Jobs|} = Channel.CreateUnbounded<Func<int>>();
            private static readonly ChannelReader<int>? [|Reader|] = null;
            private static readonly ChannelWriter<int>? [|Writer|] = null;
            private static readonly ConcurrentQueue<string> [|Outbox|] = new();
            private static BlockingCollection<string> [|Pending|] = new();
            private static readonly Queue<int> [|Local|] = new();
            private static readonly ConcurrentBag<int> [|Bag|] = new();
            public static Channel<string> [|Events|] { get; } = Channel.CreateBounded<string>(10);
        }

        public sealed class JobsController : Microsoft.AspNetCore.Mvc.ControllerBase
        {
            private static readonly ConcurrentQueue<int> [|Queued|] = new();
        }
        """, Verify.Diagnostic().WithLocation(0).WithArguments("Jobs", "Work"));

    [Fact]
    public Task Ignores_InstanceAndLocalQueuesAndOtherCollections() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Threading.Channels;

        public sealed class BackgroundTaskQueue
        {
            private readonly Channel<int> queue = Channel.CreateUnbounded<int>();
            private static readonly ConcurrentStack<int> Stack = new();
            private static readonly List<int> Items = new();

            public void Run()
            {
                var local = Channel.CreateUnbounded<int>();
                local.Writer.TryWrite(1);
                queue.Writer.TryWrite(1);
            }
        }
        """);

    [Fact]
    public Task Ignores_NonWebProjectsAndTestProjects() => new Verify.Test
    {
        TestCode = """
            public static class Work
            {
                public static readonly System.Collections.Concurrent.ConcurrentQueue<int> Jobs = new();
            }
            """,
        References = ReferenceSet.NetCore,
    }.RunAsync();

    [Fact]
    public Task Ignores_TestProjects() => Verify.VerifyAnalyzerAsync("""
        namespace Xunit { public sealed class FactAttribute : System.Attribute { } }

        public static class Work
        {
            public static readonly System.Collections.Concurrent.ConcurrentQueue<int> Jobs = new();
        }
        """);

    [Fact]
    public Task Ignores_BrokenCode() => new Verify.Test
    {
        TestCode = """
            public static class Work
            {
                public static readonly Missing<int> Jobs = new();
                public static readonly System.Collections.Concurrent.ConcurrentQueue<int> [|Real|] = new(
            }
            """,
        AllowCompilerErrors = true,
    }.RunAsync();

    [Fact]
    public Task Reports_NestedAndPartialTypesOnce_NotInGeneratedCode() => new Verify.Test
    {
        // Each member once, in a nested type and in every part of a partial type alike; the members of its generated
        // part or marked [GeneratedCode] stay unreported.
        TestCode = """
            using System.Collections.Concurrent;

            public static partial class Work
            {
                private static readonly ConcurrentQueue<int> [|Jobs|] = new();

                [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                private static readonly ConcurrentQueue<int> Marked = new();

                public static class Inner
                {
                    public static readonly ConcurrentQueue<string> [|Outbox|] = new();
                }
            }
            """,
        AdditionalSources =
        {
            ("Work.Part.cs", """
                public static partial class Work
                {
                    private static readonly System.Collections.Concurrent.ConcurrentBag<int> [|Bag|] = new();
                }
                """),
            ("Work.g.cs", """
                public static partial class Work
                {
                    private static readonly System.Collections.Concurrent.ConcurrentQueue<int> Generated = new();
                }
                """),
        },
    }.RunAsync();
}
