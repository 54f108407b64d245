using System.Globalization;

namespace StatelessAnalyzers.Tests.EndToEnd;

/// <summary>The end-to-end tests share one packed package and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "EndToEnd";
}

/// <summary>
/// Packs the repository's package once, under a version no NuGet cache can hold yet, into a feed in a
/// temporary folder outside the repository, and makes consumer projects that reference it.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Set to 1 to keep the temporary folder for a look after the run.</summary>
    private const string KeepVariable = "STATELESS_E2E_KEEP";

    public const string ControllerPath = "Controllers/OrdersController.cs";

    public const string ControllerSource = """
        using Microsoft.AspNetCore.Mvc;
        namespace Consumer.Controllers;
        [ApiController]
        [Route("orders")]
        public sealed class OrdersController : ControllerBase
        {
            private static int served;
            [HttpGet]
            public int Get() => ++served;
        }

        """;

    public const string ProgramSource = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        var app = builder.Build();
        app.MapControllers();
        app.Run();

        """;

    private int consumerCount;

    public PackageFixture()
    {
        var unique = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
            + "-" + Guid.NewGuid().ToString("N")[..8];
        // Numeric-then-hyphen keeps the prerelease label valid SemVer even if the hex part is all digits.
        PackageVersion = "0.0.0-e2e." + unique;
        WorkDirectory = Path.Combine(Path.GetTempPath(), "StatelessAnalyzers.e2e", unique);
    }

    /// <summary>The version packed for this run.</summary>
    public string PackageVersion { get; }

    /// <summary>Root of everything this run writes: feed, packages folder, consumers.</summary>
    public string WorkDirectory { get; }

    public string FeedDirectory => Path.Combine(WorkDirectory, "feed");

    /// <summary>The consumers' globalPackagesFolder, so restores never touch the user's cache.</summary>
    public string PackagesDirectory => Path.Combine(WorkDirectory, "packages");

    /// <summary>The template consumer that <see cref="CreateConsumer"/> copies.</summary>
    public string TemplateDirectory => Path.Combine(WorkDirectory, "consumer");

    /// <summary>Where this run's package is restored to.</summary>
    public string RestoredPackageDirectory =>
        Path.Combine(PackagesDirectory, "statelessanalyzers", PackageVersion.ToLowerInvariant());

    internal ProcessResult? PackResult { get; private set; }

    public async Task InitializeAsync()
    {
        var repositoryRoot = Toolchain.RepositoryRoot;
        if (IsUnder(WorkDirectory, repositoryRoot))
            throw new InvalidOperationException(
                $"The temporary folder {WorkDirectory} lies inside the repository; MSBuild would import the repository's Directory.Build.props.");

        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);
        // Nothing from the folders above the consumers may leak into their builds.
        File.WriteAllText(Path.Combine(WorkDirectory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(WorkDirectory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(WorkDirectory, "Directory.Packages.props"), "<Project />\n");

        // Restore first without the version: restoring under -p:Version would rewrite the repository's
        // obj/project.assets.json files (their spec holds the version) under any build running beside.
        var packageProject = Path.Combine(repositoryRoot, "src", "StatelessAnalyzers.Package");
        var restore = await Toolchain.RunDotnetAsync(
            repositoryRoot, PackTimeout, "restore", packageProject, "-nodeReuse:false", "-tl:off").ConfigureAwait(false);
        if (!restore.Succeeded)
            throw new InvalidOperationException($"Restoring the package project failed.\n{restore}");

        PackResult = await Toolchain.RunDotnetAsync(
            repositoryRoot, PackTimeout,
            "pack", packageProject, "--no-restore", "-c", "Release", "-o", FeedDirectory,
            "-p:Version=" + PackageVersion, "-nodeReuse:false", "-tl:off").ConfigureAwait(false);
        var packagePath = Path.Combine(FeedDirectory, $"StatelessAnalyzers.{PackageVersion}.nupkg");
        if (!PackResult.Succeeded || !File.Exists(packagePath))
            throw new InvalidOperationException($"Packing failed, no {packagePath}.\n{PackResult}");

        WriteTemplateConsumer();
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable(KeepVariable) != "1" && Directory.Exists(WorkDirectory))
        {
            try
            {
                Directory.Delete(WorkDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A straggling child process can still hold a file; the folder is in the temp area anyway.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A fresh copy of the template consumer in its own folder, with <paramref name="files"/> (paths
    /// relative to the project, '/' separated) added or replaced; a null content deletes the file.
    /// </summary>
    public ConsumerProject CreateConsumer(string name, IReadOnlyDictionary<string, string?>? files = null)
    {
        var number = Interlocked.Increment(ref consumerCount);
        var directory = Path.Combine(WorkDirectory, $"consumer-{number:00}-{name}");
        CopyDirectory(TemplateDirectory, directory);
        if (files is not null)
        {
            foreach (var (relativePath, content) in files)
            {
                var path = Path.Combine(directory, relativePath.Replace('/', Path.DirectorySeparatorChar));
                if (content is null)
                {
                    File.Delete(path);
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content);
            }
        }

        return new ConsumerProject(directory);
    }

    /// <summary>
    /// The consumer's project file, with <paramref name="extraElements"/> (MSBuild XML, for example a
    /// <c>PropertyGroup</c>) after the package reference, where a user would add them.
    /// </summary>
    public string ConsumerProjectFile(string extraElements = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="StatelessAnalyzers" Version="{PackageVersion}" PrivateAssets="all" />
          </ItemGroup>
        {extraElements}
        </Project>

        """;

    private void WriteTemplateConsumer()
    {
        Directory.CreateDirectory(Path.Combine(TemplateDirectory, "Controllers"));
        File.WriteAllText(Path.Combine(TemplateDirectory, ConsumerProject.ProjectFileName), ConsumerProjectFile());
        File.WriteAllText(Path.Combine(TemplateDirectory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="e2e-feed" value="{FeedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{PackagesDirectory}" />
              </config>
            </configuration>

            """);
        File.WriteAllText(Path.Combine(TemplateDirectory, "Program.cs"), ProgramSource);
        File.WriteAllText(Path.Combine(TemplateDirectory, ControllerPath), ControllerSource);
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
                continue;
            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static bool IsUnder(string path, string folder)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path));
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !Path.IsPathRooted(relative);
    }
}

/// <summary>A consumer project folder made by <see cref="PackageFixture.CreateConsumer"/>.</summary>
public sealed class ConsumerProject(string directory)
{
    public const string ProjectFileName = "Consumer.csproj";

    public string Directory { get; } = directory;

    public string ProjectPath => Path.Combine(Directory, ProjectFileName);

    public string GetPath(string relativePath) =>
        Path.Combine(Directory, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>A full build (restore included) that re-runs the analyzers, as a developer's first build would.</summary>
    internal Task<ProcessResult> BuildAsync(params string[] extraArguments) =>
        RunDotnetAsync(["build", ProjectPath, "--no-incremental", "-nodeReuse:false", "-tl:off", .. extraArguments]);

    /// <summary>Any dotnet command in the consumer's folder (later: <c>dotnet format analyzers</c>).</summary>
    internal Task<ProcessResult> RunDotnetAsync(params string[] arguments) =>
        Toolchain.RunDotnetAsync(Directory, PackageFixture.BuildTimeout, arguments);
}
