using System.CommandLine;
using Microsoft.Build.Locator;

namespace StatelessAnalyzers.Cli;

/// <summary>The <c>stateless-audit</c> entry point: parses the command line and runs an audit or a fix.</summary>
public static class Program
{
    private static readonly Lock RegistrationLock = new();

    /// <summary>Runs the tool on the process's console.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error, interactive: IsInteractive());

    /// <summary>
    /// Runs the tool with its output sent to <paramref name="output"/> and its diagnostics to
    /// <paramref name="error"/>; returns the exit code (see <see cref="ExitCodes"/>).
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool interactive = false)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var command = CommandLine.Create();
        var parseResult = command.Root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
                error.WriteLine("stateless-audit: " + parseError.Message);
            error.WriteLine("Run 'stateless-audit --help' for usage.");
            return ExitCodes.UsageOrLoadError;
        }

        int? exitCode = null;
        command.Root.SetAction(result =>
        {
            var options = command.Bind(result, interactive);
            // MSBuild must be located before any type that touches it is loaded: the audit lives in
            // other classes, which the JIT compiles only once this method has registered MSBuild.
            lock (RegistrationLock)
            {
                if (!MSBuildLocator.IsRegistered)
                    MSBuildLocator.RegisterDefaults();
            }
            exitCode = AuditCommand.Run(options, output, error);
            return exitCode.Value;
        });
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        var invoked = parseResult.Invoke(invocation);
        // --help and --version run their own action and leave the audit's exit code unset.
        return exitCode ?? invoked;
    }

    private static bool IsInteractive() =>
        !Console.IsOutputRedirected && !Console.IsErrorRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
}

/// <summary>The exit codes of <c>stateless-audit</c>; a usage or load error wins over findings.</summary>
public static class ExitCodes
{
    /// <summary>No finding at or above the <c>--fail-on</c> severity, and everything loaded.</summary>
    public const int Clean = 0;

    /// <summary>At least one finding at or above the <c>--fail-on</c> severity.</summary>
    public const int Findings = 1;

    /// <summary>A usage error, a path that holds no project, or a project that could not be loaded.</summary>
    public const int UsageOrLoadError = 2;
}
