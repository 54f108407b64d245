using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using StatelessAnalyzers.Corpus;

namespace StatelessAnalyzers.Benchmarks;

/// <summary>A set of C# sources compiled as one web project: a generated corpus or the sample app.</summary>
internal sealed class Workload
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private Workload(string name, IReadOnlyList<(string Path, string Text)> sources)
    {
        Name = name;
        Sources = sources;
        foreach (var (_, text) in sources)
            Lines += text.Count(c => c == '\n') + 1;
    }

    /// <summary>The name shown in the tables: the file count of a corpus, or the sample's folder name.</summary>
    public string Name { get; }

    public IReadOnlyList<(string Path, string Text)> Sources { get; }

    public int Files => Sources.Count;

    public int Lines { get; }

    /// <summary>A generated ASP.NET Core code base of <paramref name="files"/> files (see <see cref="CorpusGenerator"/>).</summary>
    public static Workload FromCorpus(int files, int seed, double antiPatternRate)
    {
        var corpus = CorpusGenerator.Generate(new CorpusOptions { Seed = seed, FileCount = files, AntiPatternRate = antiPatternRate });
        return new Workload(files.ToString(System.Globalization.CultureInfo.InvariantCulture), corpus.Select(f => (f.Path, f.Text)).ToList());
    }

    /// <summary>
    /// The C# files of a project folder (bin/ and obj/ skipped) plus the web SDK's implicit usings, compiled as MSBuild
    /// would but without its package references: types of those packages do not bind, as for a consumer whose restore failed.
    /// </summary>
    public static Workload FromProject(string folder)
    {
        var sources = new List<(string Path, string Text)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal))
                continue;
            sources.Add((relative, File.ReadAllText(file)));
        }

        sources.Add(("GlobalUsings.g.cs", SupportFiles.GlobalUsings));
        return new Workload(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), sources);
    }

    /// <summary>Parses every source and creates the compilation (single-threaded, as every measured step is).</summary>
    public CSharpCompilation Compile()
    {
        var trees = new SyntaxTree[Sources.Count];
        for (var i = 0; i < trees.Length; i++)
            trees[i] = CSharpSyntaxTree.ParseText(SourceText.From(Sources[i].Text, System.Text.Encoding.UTF8), ParseOptions, Sources[i].Path);
        return CSharpCompilation.Create(
            "Workload",
            trees,
            SharedFrameworkReferences.AspNetCore,
            new CSharpCompilationOptions(
                OutputKind.ConsoleApplication,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: false));
    }
}

/// <summary>
/// Metadata references to the running shared frameworks (Microsoft.NETCore.App and Microsoft.AspNetCore.App), loaded
/// once. Nothing else of the process is referenced, so a compilation looks like a web project and nothing more.
/// </summary>
internal static class SharedFrameworkReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(Load);

    public static ImmutableArray<MetadataReference> AspNetCore => All.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("TRUSTED_PLATFORM_ASSEMBLIES is not available.");
        var paths = new List<string>();
        foreach (var path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            // Layout: <dotnet>/shared/<framework>/<version>/<assembly>.dll
            var framework = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path)));
            if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                && (string.Equals(framework, "Microsoft.NETCore.App", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(framework, "Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase)))
                paths.Add(path);
        }

        if (paths.Count == 0)
            throw new InvalidOperationException("No shared framework assembly found in TRUSTED_PLATFORM_ASSEMBLIES.");
        paths.Sort(StringComparer.Ordinal);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }
}
