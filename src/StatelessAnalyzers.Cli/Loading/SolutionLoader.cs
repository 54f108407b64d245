using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace StatelessAnalyzers.Cli;

/// <summary>A loaded solution and what could not be loaded.</summary>
internal sealed record LoadResult(MSBuildWorkspace Workspace, Solution Solution, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);

/// <summary>
/// Opens a solution (.sln, .slnx) or a project with MSBuildWorkspace; a project that fails to load is
/// named in <see cref="LoadResult.Errors"/> and the others are loaded anyway.
/// </summary>
internal static class SolutionLoader
{
    public static async Task<LoadResult> LoadAsync(string path, IProgressSink progress, CancellationToken cancellationToken)
    {
        var workspace = MSBuildWorkspace.Create(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            // A design-time evaluation is enough: nothing is built and no analyzer of the project runs.
            ["RunAnalyzers"] = "false",
        });
        workspace.SkipUnrecognizedProjects = true;
        workspace.LoadMetadataForReferencedProjects = false;

        var errors = new List<string>();
        var warnings = new List<string>();
        workspace.WorkspaceFailed += (_, e) =>
        {
            lock (errors)
            {
                if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
                    errors.Add(e.Diagnostic.Message);
                else
                    warnings.Add(e.Diagnostic.Message);
            }
        };

        var loadProgress = new Progress(progress);
        if (InputResolver.IsSlnx(path))
        {
            foreach (var project in ReadSlnx(path, errors))
            {
                if (workspace.CurrentSolution.Projects.Any(p => PathEquals(p.FilePath, project)))
                    continue;
                if (!File.Exists(project))
                {
                    errors.Add($"{Relative(path, project)}: the project file does not exist.");
                    continue;
                }
                try
                {
                    await workspace.OpenProjectAsync(project, loadProgress, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is InvalidOperationException or IOException or XmlException or ArgumentException)
                {
                    errors.Add($"{Relative(path, project)}: {ex.Message}");
                }
            }
        }
        else if (InputResolver.IsSolution(path))
        {
            await workspace.OpenSolutionAsync(path, loadProgress, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await workspace.OpenProjectAsync(path, loadProgress, cancellationToken).ConfigureAwait(false);
        }

        // MSBuildWorkspace drops a solution's project that MSBuild cannot evaluate without always
        // saying so: every project the solution lists must be loaded, or named as an error.
        var listed = InputResolver.IsSlnx(path) ? ReadSlnx(path, [])
            : InputResolver.IsSolution(path) ? ReadSln(path)
            : [path];
        foreach (var project in listed)
        {
            if (workspace.CurrentSolution.Projects.Any(p => PathEquals(p.FilePath, project)))
                continue;
            var name = Relative(path, project);
            if (errors.Any(e => e.Contains(Path.GetFileName(project), StringComparison.OrdinalIgnoreCase)))
                continue;
            errors.Add($"{name}: the project could not be loaded: {Reason(project)}");
        }

        return new LoadResult(workspace, workspace.CurrentSolution, errors.Distinct().ToList(), warnings.Distinct().ToList());
    }

    /// <summary>The project paths of an .slnx file: <c>Project</c> elements anywhere, under <c>Folder</c>s too.</summary>
    internal static IReadOnlyList<string> ReadSlnx(string path, List<string> errors)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path);
        }
        catch (XmlException ex)
        {
            errors.Add($"{System.IO.Path.GetFileName(path)}: not a valid .slnx file: {ex.Message}");
            return [];
        }

        var directory = System.IO.Path.GetDirectoryName(path)!;
        return document.Descendants()
            .Where(e => e.Name.LocalName == "Project")
            .Select(e => (string?)e.Attribute("Path"))
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, p!.Replace('\\', System.IO.Path.DirectorySeparatorChar))))
            .Where(InputResolver.IsProject)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The C# project paths that a .sln file lists.</summary>
    internal static IReadOnlyList<string> ReadSln(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(path)!;
        var projects = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            // Project("{type}") = "Name", "relative\path.csproj", "{guid}"
            if (!line.StartsWith("Project(", StringComparison.Ordinal))
                continue;
            var parts = line.Split('"');
            if (parts.Length > 5 && InputResolver.IsProject(parts[5]))
                projects.Add(System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, parts[5].Replace('\\', System.IO.Path.DirectorySeparatorChar))));
        }
        return projects;
    }

    private static string Reason(string project)
    {
        if (!File.Exists(project))
            return "the file does not exist.";
        try
        {
            XDocument.Load(project);
        }
        catch (XmlException ex)
        {
            return "it is not valid XML: " + ex.Message;
        }
        return "MSBuild could not evaluate it (is its SDK installed, and does 'dotnet build' work on it?).";
    }

    private static bool PathEquals(string? a, string b) =>
        a is not null && string.Equals(System.IO.Path.GetFullPath(a), b, StringComparison.Ordinal);

    private static string Relative(string solution, string project) =>
        System.IO.Path.GetRelativePath(System.IO.Path.GetDirectoryName(solution)!, project);

    private sealed class Progress(IProgressSink sink) : IProgress<ProjectLoadProgress>
    {
        public void Report(ProjectLoadProgress value)
        {
            if (value.Operation == ProjectLoadOperation.Resolve)
            {
                var name = System.IO.Path.GetFileNameWithoutExtension(value.FilePath);
                sink.Loaded(value.TargetFramework is null ? name : $"{name} ({value.TargetFramework})", value.ElapsedTime);
            }
        }
    }
}
