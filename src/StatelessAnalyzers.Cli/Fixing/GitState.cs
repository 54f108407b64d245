using System.Diagnostics;

namespace StatelessAnalyzers.Cli;

/// <summary>Whether a folder is under git and what its working tree holds that is not committed.</summary>
internal static class GitState
{
    /// <summary>
    /// Runs <c>git status --porcelain</c> for <paramref name="folder"/>; <c>IsRepository</c> is false
    /// when the folder is not in a git working tree or git is not installed.
    /// </summary>
    public static (bool IsRepository, IReadOnlyList<string> Changes) Check(string folder)
    {
        var (inside, _) = Git(folder, "rev-parse", "--is-inside-work-tree");
        if (inside is null || inside.Trim() != "true")
            return (false, []);
        var (status, _) = Git(folder, "status", "--porcelain", "--untracked-files=all", "--", ".");
        if (status is null)
            return (false, []);
        return (true, status.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static (string? Output, int ExitCode) Git(string folder, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(startInfo);
            if (process is null)
                return (null, -1);
            var errorTask = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            _ = errorTask.GetAwaiter().GetResult();
            return process.ExitCode == 0 ? (output, 0) : (null, process.ExitCode);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (null, -1);
        }
    }
}
