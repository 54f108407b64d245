namespace StatelessAnalyzers.Cli.Tests;

/// <summary>The test classes that read the sample's one audit.</summary>
[CollectionDefinition(Name)]
public sealed class SampleAuditCollection : ICollectionFixture<SampleAuditFixture>
{
    public const string Name = "Sample audit";
}

/// <summary>
/// Audits samples/StatefulShop once for the whole class: console summary, SARIF, JSON and HTML in one
/// run (loading the sample through MSBuild takes tens of seconds).
/// </summary>
public sealed class SampleAuditFixture : IDisposable
{
    public SampleAuditFixture()
    {
        Folder = TestPaths.NewTempFolder("sample-audit");
        // 'dotnet test' of the solution restores the sample; this project alone does not.
        if (!File.Exists(Path.Combine(TestPaths.Sample, "obj", "project.assets.json")))
        {
            var (exitCode, output) = TestPaths.RunProcess("dotnet", TestPaths.Sample, TimeSpan.FromMinutes(5), "restore");
            Assert.True(exitCode == 0, "dotnet restore samples/StatefulShop:\n" + output);
        }
        Result = CliRunner.Run(TestPaths.Sample, "--fail-on", "warning", "--top", "3",
            "--format", "sarif", "--format", "json", "--format", "html", "--output", Path.Combine(Folder, "audit.sarif"));
    }

    public string Folder { get; }

    public CliResult Result { get; }

    public string SarifPath => Path.Combine(Folder, "audit.sarif");

    public string JsonPath => Path.Combine(Folder, "audit.json");

    public string HtmlPath => Path.Combine(Folder, "audit.html");

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
