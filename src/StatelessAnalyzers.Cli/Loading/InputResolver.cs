namespace StatelessAnalyzers.Cli;

/// <summary>What the path argument names: a solution, a project, or a folder holding one of them.</summary>
internal static class InputResolver
{
    private static readonly string[] SolutionExtensions = [".sln", ".slnx"];

    /// <summary>Returns the full path of the solution or project to open, or an error message.</summary>
    public static (string? Path, string? Error) Resolve(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
        {
            var extension = System.IO.Path.GetExtension(full);
            return IsSolution(full) || IsProject(full)
                ? (full, null)
                : (null, $"'{path}' is not a .sln, .slnx or .csproj file (it is a '{extension}' file).");
        }

        if (!Directory.Exists(full))
            return (null, $"'{path}' does not exist.");

        var solutions = Directory.EnumerateFiles(full).Where(IsSolution).Order(StringComparer.Ordinal).ToList();
        if (solutions.Count == 1)
            return (solutions[0], null);
        if (solutions.Count > 1)
            return (null, $"'{path}' holds several solutions ({string.Join(", ", solutions.Select(System.IO.Path.GetFileName))}): name the one to audit.");

        var projects = Directory.EnumerateFiles(full).Where(IsProject).Order(StringComparer.Ordinal).ToList();
        if (projects.Count == 1)
            return (projects[0], null);
        if (projects.Count > 1)
            return (null, $"'{path}' holds several projects ({string.Join(", ", projects.Select(System.IO.Path.GetFileName))}): name the one to audit.");
        return (null, $"'{path}' holds no .sln, .slnx or .csproj file.");
    }

    public static bool IsSolution(string path) =>
        SolutionExtensions.Contains(System.IO.Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    public static bool IsSlnx(string path) =>
        string.Equals(System.IO.Path.GetExtension(path), ".slnx", StringComparison.OrdinalIgnoreCase);

    public static bool IsProject(string path) =>
        string.Equals(System.IO.Path.GetExtension(path), ".csproj", StringComparison.OrdinalIgnoreCase);
}
