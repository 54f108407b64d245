using StatelessAnalyzers.CodeFixes.Rules.Storage;
using StatelessAnalyzers.Tests.Stubs;
using VerifyFix = StatelessAnalyzers.Tests.Verification.CSharpCodeFixVerifier<
    StatelessAnalyzers.Rules.Storage.SL3003LocalLogFileAnalyzer,
    StatelessAnalyzers.CodeFixes.Rules.Storage.SL3003UseConsoleSinkCodeFix>;

namespace StatelessAnalyzers.Tests.Rules.Storage;

public sealed partial class SL3003LocalLogFileTests
{
    private static Task VerifyFixAsync(string source, string fixedSource, bool withConsoleSink = true)
    {
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = SL3003UseConsoleSinkCodeFix.EquivalenceKey,
        };
        var expectsFix = source != fixedSource;
        test.AdditionalSources.Add(("Serilog.cs", LoggingStubs.Serilog));
        if (expectsFix)
            test.FixedAdditionalSources.Add(("Serilog.cs", LoggingStubs.Serilog));
        if (withConsoleSink)
        {
            test.AdditionalSources.Add(("SerilogConsole.cs", LoggingStubs.SerilogConsole));
            if (expectsFix)
                test.FixedAdditionalSources.Add(("SerilogConsole.cs", LoggingStubs.SerilogConsole));
        }
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_FileSinkBecomesConsole() => VerifyFixAsync("""
        using Serilog;

        public static class Logging
        {
            public static Serilog.Core.Logger Create() =>
                new LoggerConfiguration()
                    .WriteTo.[|File|]("logs/app-.log", rollingInterval: RollingInterval.Day)
                    .CreateLogger();
        }
        """, """
        using Serilog;

        public static class Logging
        {
            public static Serilog.Core.Logger Create() =>
                new LoggerConfiguration()
                    .WriteTo.Console()
                    .CreateLogger();
        }
        """);

    [Fact]
    public Task Fix_NestedAsyncSink() => VerifyFixAsync("""
        using Serilog;

        public static class Logging
        {
            public static LoggerConfiguration Create() => new LoggerConfiguration().WriteTo.Async(a => a.[|File|]("logs/app.log"));
        }
        """, """
        using Serilog;

        public static class Logging
        {
            public static LoggerConfiguration Create() => new LoggerConfiguration().WriteTo.Async(a => a.Console());
        }
        """);

    [Fact]
    public Task FixAll_EverySinkInTheDocument() => VerifyFixAsync("""
        using Serilog;

        public static class Logging
        {
            public static void Create()
            {
                var first = new LoggerConfiguration().WriteTo.[|File|]("a.log");
                var second = new LoggerConfiguration().WriteTo.[|File|]("b.log");
            }
        }
        """, """
        using Serilog;

        public static class Logging
        {
            public static void Create()
            {
                var first = new LoggerConfiguration().WriteTo.Console();
                var second = new LoggerConfiguration().WriteTo.Console();
            }
        }
        """);

    [Fact]
    public Task NoFix_WithoutTheConsoleSink()
    {
        const string source = """
            using Serilog;

            public static class Logging
            {
                public static LoggerConfiguration Create() => new LoggerConfiguration().WriteTo.[|File|]("logs/app.log");
            }
            """;
        return VerifyFixAsync(source, source, withConsoleSink: false);
    }

    [Fact]
    public Task NoFix_StaticCallForm()
    {
        const string source = """
            using Serilog;

            public static class Logging
            {
                public static LoggerConfiguration Create() =>
                    FileLoggerConfigurationExtensions.[|File|](new LoggerConfiguration().WriteTo, "logs/app.log");
            }
            """;
        return VerifyFixAsync(source, source);
    }
}
