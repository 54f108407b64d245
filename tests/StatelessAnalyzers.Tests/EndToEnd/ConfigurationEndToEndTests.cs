using Xunit.Abstractions;

namespace StatelessAnalyzers.Tests.EndToEnd;

/// <summary>
/// docs/configuration.md on a consumer of the packed package: <c>[SuppressMessage]</c> on a member and in
/// GlobalSuppressions.cs, option keys in any letter case, and SL9001 reported once for a bad value.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ConfigurationEndToEndTests(PackageFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task SuppressMessage_OnTheFieldAndInGlobalSuppressions_SuppressesSL1001()
    {
        var onField = PackageFixture.ControllerSource
            .Replace(
                "using Microsoft.AspNetCore.Mvc;",
                "using System.Diagnostics.CodeAnalysis;\nusing Microsoft.AspNetCore.Mvc;",
                StringComparison.Ordinal)
            .Replace(
                "    private static int served;",
                """
                    [SuppressMessage("Stateless.Memory", "SL1001", Justification = "Per-instance request count, for diagnostics only.")]
                    private static int served;
                """,
                StringComparison.Ordinal);
        Assert.Contains("[SuppressMessage(", onField, StringComparison.Ordinal);
        var consumer = fixture.CreateConsumer("suppress-message", new Dictionary<string, string?>
        {
            [PackageFixture.ControllerPath] = onField,
            [ConsumerSources.LegacyControllerPath] = ConsumerSources.LegacyController,
            ["GlobalSuppressions.cs"] = """
                using System.Diagnostics.CodeAnalysis;

                [assembly: SuppressMessage("Stateless.Memory", "SL1001", Justification = "Baseline: existing finding, tracked separately.", Scope = "member", Target = "~F:Consumer.Controllers.Legacy.LegacyController.visits")]

                """,
        });

        var build = await consumer.BuildAsync();
        Log(build);

        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain("SL1001", build.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The same bad value in <c>.globalconfig</c> and in an <c>.editorconfig</c> section is one SL9001, with no
    /// source location. The valid <c>development_guards</c> key is written in capitals and still read: with guards
    /// off, SL2001 reports a call inside <c>if (IsDevelopment())</c>.
    /// </summary>
    [Fact]
    public async Task InvalidOptionValue_ReportsSL9001Once()
    {
        var consumer = fixture.CreateConsumer("sl9001", new Dictionary<string, string?>
        {
            [".globalconfig"] = """
                is_global = true
                stateless_analyzers.report_in_tests = maybe
                STATELESS_ANALYZERS.DEVELOPMENT_GUARDS = FALSE

                """,
            [".editorconfig"] = """
                root = true

                [*.cs]
                stateless_analyzers.report_in_tests = maybe

                """,
            ["Program.cs"] = """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers();
                if (builder.Environment.IsDevelopment())
                    builder.Services.AddDistributedMemoryCache();
                var app = builder.Build();
                app.MapControllers();
                app.Run();

                """,
        });

        var build = await consumer.BuildAsync();
        Log(build);

        Assert.True(build.Succeeded, build.ToString());
        var all = string.Join("\n", ConsumerSources.AllFindings(build.Output));
        var sl9001 = ConsumerSources.Findings(build.Output, "SL9001");
        Assert.True(sl9001.Count == 1, $"Expected one SL9001, found {sl9001.Count}:\n{all}");
        Assert.Equal("warning", sl9001[0].Severity);
        Assert.Equal(0, sl9001[0].Line);
        Assert.Contains("stateless_analyzers.report_in_tests", sl9001[0].Message, StringComparison.Ordinal);
        Assert.Contains("'maybe'", sl9001[0].Message, StringComparison.Ordinal);
        // The SL1001 finding shows the rules still ran, with report_in_tests at its default.
        Assert.Single(ConsumerSources.Findings(build.Output, "SL1001"));
        Assert.True(ConsumerSources.Findings(build.Output, "SL2001").Count == 1, "development_guards = FALSE was not read:\n" + all);
    }

    private void Log(ProcessResult result) => output.WriteLine(result.ToString());
}
