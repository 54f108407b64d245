namespace StatelessAnalyzers.Tests.Stubs;

/// <summary>Minimal declarations of logging libraries with their real namespaces and signatures.</summary>
internal static class LoggingStubs
{
    /// <summary>Serilog with the file sink (Serilog.Sinks.File) and the async wrapper (Serilog.Sinks.Async).</summary>
    public const string Serilog = """
        namespace Serilog
        {
            public enum RollingInterval { Infinite, Year, Month, Day, Hour, Minute }

            public class LoggerConfiguration
            {
                public Serilog.Configuration.LoggerSinkConfiguration WriteTo => new(this);
                public Serilog.Core.Logger CreateLogger() => new();
            }

            public static class FileLoggerConfigurationExtensions
            {
                public static LoggerConfiguration File(
                    this Serilog.Configuration.LoggerSinkConfiguration sinkConfiguration,
                    string path,
                    RollingInterval rollingInterval = RollingInterval.Infinite) => sinkConfiguration.Parent;
            }

            public static class LoggerConfigurationAsyncExtensions
            {
                public static LoggerConfiguration Async(
                    this Serilog.Configuration.LoggerSinkConfiguration loggerSinkConfiguration,
                    System.Action<Serilog.Configuration.LoggerSinkConfiguration> configure) => loggerSinkConfiguration.Parent;
            }
        }

        namespace Serilog.Core
        {
            public sealed class Logger { }
        }

        namespace Serilog.Configuration
        {
            public class LoggerSinkConfiguration
            {
                internal LoggerSinkConfiguration(Serilog.LoggerConfiguration parent) => Parent = parent;
                internal Serilog.LoggerConfiguration Parent { get; }
            }
        }
        """;

    /// <summary>Serilog's console sink (Serilog.Sinks.Console).</summary>
    public const string SerilogConsole = """
        namespace Serilog
        {
            public static class ConsoleLoggerConfigurationExtensions
            {
                public static LoggerConfiguration Console(this Serilog.Configuration.LoggerSinkConfiguration sinkConfiguration) => new();
            }
        }
        """;

    /// <summary>NLog's file target and log4net's file appenders.</summary>
    public const string NLogAndLog4Net = """
        namespace NLog.Targets
        {
            public class FileTarget { public FileTarget() { } public FileTarget(string name) { } public string? FileName { get; set; } }
        }

        namespace log4net.Appender
        {
            public class FileAppender { public string? File { get; set; } }
            public class RollingFileAppender : FileAppender { }
            public class ConsoleAppender { }
        }
        """;

    /// <summary>A third-party <c>AddFile</c> logging extension (as in NReco.Logging.File or Serilog.Extensions.Logging.File).</summary>
    public const string AddFile = """
        namespace Microsoft.Extensions.Logging
        {
            public static class FileLoggerExtensions
            {
                public static ILoggingBuilder AddFile(this ILoggingBuilder builder, string fileName) => builder;
            }
        }
        """;
}
