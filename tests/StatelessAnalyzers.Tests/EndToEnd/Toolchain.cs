using System.Diagnostics;
using System.Text;

namespace StatelessAnalyzers.Tests.EndToEnd;

/// <summary>Runs the real <c>dotnet</c> toolchain for the end-to-end tests and finds the repository.</summary>
internal static class Toolchain
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder holding <c>StatelessAnalyzers.sln</c>, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The <c>dotnet</c> host that runs these tests, so child builds use the same SDK.</summary>
    public static string DotnetHost { get; } = FindDotnetHost();

    public static Task<ProcessResult> RunDotnetAsync(
        string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        RunAsync(DotnetHost, arguments, workingDirectory, timeout);

    /// <summary>
    /// Runs a process to completion with stdout and stderr captured together; on timeout the whole
    /// process tree is killed and a <see cref="TimeoutException"/> carries the output so far.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        PrepareEnvironment(startInfo.Environment);

        var commandLine = fileName + " " + string.Join(" ", arguments);
        var output = new StringBuilder();
        void Append(string? line)
        {
            if (line is null)
                return;
            lock (output)
                output.AppendLine(line);
        }

        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited between the timeout and the kill.
            }
            string partial;
            lock (output)
                partial = output.ToString();
            throw new TimeoutException(
                $"'{commandLine}' in {workingDirectory} did not finish within {timeout}. Output so far:\n{partial}");
        }

        // The parameterless overload also waits until both redirected streams are drained.
        process.WaitForExit();
        stopwatch.Stop();
        lock (output)
            return new ProcessResult(commandLine, process.ExitCode, output.ToString(), stopwatch.Elapsed);
    }

    private static void PrepareEnvironment(IDictionary<string, string?> environment)
    {
        // The outer `dotnet test` exports MSBuild's own locations and state to its children; a nested
        // build that inherits them can resolve SDKs or targets from the wrong place. NUGET_PACKAGES
        // would override the consumer's globalPackagesFolder and touch the user's cache.
        foreach (var name in environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("_MSBuild", StringComparison.OrdinalIgnoreCase)
                || name.Equals("NUGET_PACKAGES", StringComparison.OrdinalIgnoreCase))
                environment.Remove(name);
        }

        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        // MSBuild reads environment variables as properties: no compiler server, which would outlive
        // the build holding the redirected output open.
        environment["UseSharedCompilation"] = "false";
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "StatelessAnalyzers.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException(
            $"No StatelessAnalyzers.sln in {AppContext.BaseDirectory} or any folder above it.");
    }

    private static string FindDotnetHost()
    {
        // Set by the dotnet CLI for the processes it starts; the test host itself usually runs under dotnet.
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
            return hostPath;
        var processPath = Environment.ProcessPath;
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet")
            return processPath;
        return "dotnet";
    }
}

internal sealed record ProcessResult(string CommandLine, int ExitCode, string Output, TimeSpan Duration)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The command, its exit code and its output, for assertion messages.</summary>
    public override string ToString() =>
        $"$ {CommandLine}\nexit code {ExitCode} after {Duration.TotalSeconds:0.0} s\n{Output}";
}
