namespace StatelessAnalyzers.Cli.Tests;

/// <summary>A small solution made for these tests: a web project with one finding and a project that cannot load.</summary>
public sealed class SmallSolutionFixture : IDisposable
{
    public SmallSolutionFixture()
    {
        Folder = TestPaths.NewTempFolder("small-solution");
        Directory.CreateDirectory(Path.Combine(Folder, "Good", "Controllers"));
        Directory.CreateDirectory(Path.Combine(Folder, "Broken"));
        File.WriteAllText(Path.Combine(Folder, "Good", "Good.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Folder, "Good", "Program.cs"), """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapControllers();
            app.Run();
            """);
        File.WriteAllText(Path.Combine(Folder, "Good", "Controllers", "CounterController.cs"), """
            using Microsoft.AspNetCore.Mvc;
            namespace Good.Controllers;
            [ApiController]
            [Route("counter")]
            public sealed class CounterController : ControllerBase
            {
                private static int served;
                [HttpGet]
                public int Get() => ++served;
            }
            """);
        // The team made SL1001 an error: the default run fails, --all makes it a warning again.
        File.WriteAllText(Path.Combine(Folder, "Good", ".editorconfig"), """
            root = true
            [*.cs]
            dotnet_diagnostic.SL1001.severity = error
            """);
        File.WriteAllText(Path.Combine(Folder, "Broken", "Broken.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>");
        // Written by hand: 'dotnet sln add' refuses a project it cannot load.
        File.WriteAllText(Path.Combine(Folder, "Small.sln"), """

            Microsoft Visual Studio Solution File, Format Version 12.00
            # Visual Studio Version 17
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Good", "Good\Good.csproj", "{6A1F39C2-2E44-4F0B-9C39-0C2B7C1E5E01}"
            EndProject
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Broken", "Broken\Broken.csproj", "{6A1F39C2-2E44-4F0B-9C39-0C2B7C1E5E02}"
            EndProject
            Global
            	GlobalSection(SolutionConfigurationPlatforms) = preSolution
            		Debug|Any CPU = Debug|Any CPU
            	EndGlobalSection
            	GlobalSection(ProjectConfigurationPlatforms) = postSolution
            		{6A1F39C2-2E44-4F0B-9C39-0C2B7C1E5E01}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
            		{6A1F39C2-2E44-4F0B-9C39-0C2B7C1E5E01}.Debug|Any CPU.Build.0 = Debug|Any CPU
            		{6A1F39C2-2E44-4F0B-9C39-0C2B7C1E5E02}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
            		{6A1F39C2-2E44-4F0B-9C39-0C2B7C1E5E02}.Debug|Any CPU.Build.0 = Debug|Any CPU
            	EndGlobalSection
            EndGlobal
            """);
        // The same solution in the XML format, which MSBuildWorkspace cannot open itself.
        Directory.CreateDirectory(Path.Combine(Folder, "xml"));
        File.WriteAllText(Path.Combine(Folder, "xml", "Small.slnx"), """
            <Solution>
              <Folder Name="/web/">
                <Project Path="../Good/Good.csproj" />
              </Folder>
              <Project Path="..\Broken\Broken.csproj" />
            </Solution>
            """);
        var (exitCode, output) = TestPaths.RunProcess("dotnet", Folder, TimeSpan.FromMinutes(3), "restore", "Good/Good.csproj");
        Assert.True(exitCode == 0, output);
    }

    public string Folder { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-folder cleanup.
        }
    }
}

/// <summary>Exit codes and messages for good and bad inputs.</summary>
public sealed class InputTests(SmallSolutionFixture fixture) : IClassFixture<SmallSolutionFixture>
{
    [Fact]
    public void MissingPath_ExitsWithTwoAndNamesIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "App.sln");
        var result = CliRunner.Run(missing);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"'{missing}' does not exist", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void FolderWithoutProject_ExitsWithTwo()
    {
        var empty = Directory.CreateDirectory(Path.Combine(fixture.Folder, "empty")).FullName;
        File.WriteAllText(Path.Combine(empty, "notes.txt"), "no project here");
        var result = CliRunner.Run(empty);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("holds no .sln, .slnx or .csproj file", result.Error);
    }

    [Fact]
    public void FileOfAnotherKind_ExitsWithTwo()
    {
        var result = CliRunner.Run(Path.Combine(TestPaths.Sample, "Program.cs"));
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("is not a .sln, .slnx or .csproj file", result.Error);
    }

    [Theory]
    [InlineData("--format", "pdf")]
    [InlineData("--fail-on", "sometimes")]
    [InlineData("--apply")]
    [InlineData("--fix", "--rule", "SL0000")]
    [InlineData("--no-such-option")]
    public void UsageErrors_ExitWithTwo(params string[] args)
    {
        var result = CliRunner.Run([TestPaths.Sample, .. args]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("stateless-audit: ", result.Error);
        Assert.DoesNotContain("Loading", result.Error);
    }

    [Fact]
    public void Help_ExitsWithZero()
    {
        var result = CliRunner.Run("--help");
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var option in new[] { "--all", "--format", "--output", "--fail-on", "--fix", "--rule", "--apply", "--force" })
            Assert.Contains(option, result.Output);
    }

    [Fact]
    public void ProjectThatFailsToLoad_IsNamedAndTheRestIsAudited()
    {
        var result = CliRunner.Run(Path.Combine(fixture.Folder, "Small.sln"));
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Matches(@"stateless-audit: error: .*Broken\.csproj", result.Error);
        Assert.True(result.Output.Contains("1 project, 1 finding of 1 rule (1 error, 0 warning, 0 info)", StringComparison.Ordinal), result.ToString());
        Assert.Matches(@"Controllers/CounterController\.cs\(7,24\): error SL1001: 'served'", result.Output);
    }

    [Fact]
    public void UnrestoredProject_IsAuditedWithAWarning()
    {
        var folder = Directory.CreateDirectory(Path.Combine(fixture.Folder, "fresh")).FullName;
        File.Copy(Path.Combine(fixture.Folder, "Good", "Good.csproj"), Path.Combine(folder, "Fresh.csproj"));
        File.WriteAllText(Path.Combine(folder, "Program.cs"), "System.Console.WriteLine();\n");
        var result = CliRunner.Run(folder);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning: Fresh: the project is not restored (no obj/project.assets.json)", result.Output);
        Assert.Contains("1 project, 0 findings of 0 rules", result.Output);
    }

    [Fact]
    public void Slnx_IsAuditedLikeTheSln()
    {
        var result = CliRunner.Run(Path.Combine(fixture.Folder, "xml"));
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Matches(@"stateless-audit: error: .*Broken\.csproj", result.Error);
        Assert.True(result.Output.Contains("1 project, 1 finding of 1 rule (1 error, 0 warning, 0 info)", StringComparison.Ordinal), result.ToString());
        Assert.Contains("Loading Small.slnx", result.Error);
    }

    [Fact]
    public void ConfiguredSeverity_DecidesTheExitCode()
    {
        var result = CliRunner.Run(Path.Combine(fixture.Folder, "Good"));
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("1 finding of 1 rule (1 error, 0 warning, 0 info)", result.Output);
        Assert.Contains("grade F, blocked", result.Output);
    }

    [Fact]
    public void All_MakesEveryRuleAWarning()
    {
        var result = CliRunner.Run(Path.Combine(fixture.Folder, "Good", "Good.csproj"), "--all");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 finding of 1 rule (0 error, 1 warning, 0 info)", result.Output);
        Assert.Contains("Readiness: 89/100, grade B", result.Output);

        var strict = CliRunner.Run(Path.Combine(fixture.Folder, "Good", "Good.csproj"), "--all", "--fail-on", "warning");
        Assert.True(strict.ExitCode == 1, strict.ToString());
    }
}
