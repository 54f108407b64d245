using StatelessAnalyzers.Tests.Stubs;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Storage.SL3003LocalLogFileAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Storage;

public sealed partial class SL3003LocalLogFileTests
{
    [Fact]
    public Task Reports_SerilogFileSinksAlsoNested() => new Verify.Test
    {
        TestCode = """
            using Serilog;

            public static class Logging
            {
                public static void Configure()
                {
                    var direct = new LoggerConfiguration().WriteTo.{|#0:File|}("logs/app.log").CreateLogger();
                    var rolling = new LoggerConfiguration().WriteTo.[|File|]("logs/app-.log", rollingInterval: RollingInterval.Day);
                    var nested = new LoggerConfiguration().WriteTo.Async(a => a.[|File|]("logs/async.log"));
                    var statically = FileLoggerConfigurationExtensions.[|File|](new LoggerConfiguration().WriteTo, "logs/static.log");
                }
            }
            """,
        AdditionalSources = { ("Serilog.cs", LoggingStubs.Serilog) },
        ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("WriteTo.File") },
    }.RunAsync();

    [Fact]
    public Task Reports_AddFileNLogAndLog4Net() => new Verify.Test
    {
        TestCode = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Logging;

            var builder = WebApplication.CreateBuilder(args);
            builder.Logging.[|AddFile|]("logs/app.log");
            var target = [|new NLog.Targets.FileTarget("file")|];
            var appender = [|new log4net.Appender.RollingFileAppender()|];
            var plain = [|new log4net.Appender.FileAppender { File = "app.log" }|];
            var console = new log4net.Appender.ConsoleAppender();
            builder.Build().Run();
            """,
        AdditionalSources = { ("AddFile.cs", LoggingStubs.AddFile), ("Loggers.cs", LoggingStubs.NLogAndLog4Net) },
    }.RunAsync();

    [Fact]
    public Task Ignores_DevelopmentGuardsAndLookAlikes() => new Verify.Test
    {
        TestCode = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;
            using Serilog;

            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
                new LoggerConfiguration().WriteTo.File("logs/dev.log");
            System.IO.File.Exists("logs/app.log");
            builder.Build().Run();

            public static class Unrelated
            {
                public static void File(this string path) { }
                public static void Use() => "x".File();
            }
            """,
        AdditionalSources = { ("Serilog.cs", LoggingStubs.Serilog) },
    }.RunAsync();
}
