using System.Text.RegularExpressions;

namespace StatelessAnalyzers.Cli.Tests;

/// <summary>A test that needs Debian's Chromium: skipped where it is missing, unless CI=true (then it fails).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.Required)
            Skip = "Chromium is not installed (apt-get install chromium; .ci/run installs it); set CI=true to make this a failure.";
    }
}

internal static class Chromium
{
    public static string? Path { get; } = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Loads a local file in headless Chromium and returns the DOM it built, serialised.</summary>
    public static string DumpDom(string file)
    {
        Assert.True(Path is not null, "CI=true and Chromium is not installed at /usr/bin/chromium: .ci/run installs Debian's chromium package.");
        var profile = TestPaths.NewTempFolder("chromium-profile");
        try
        {
            var (exitCode, output) = TestPaths.RunProcess(Path!, System.IO.Path.GetDirectoryName(file)!, TimeSpan.FromMinutes(2),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", new Uri(file).AbsoluteUri);
            Assert.True(exitCode == 0, $"chromium exited with {exitCode}:\n{output}");
            return output;
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold a lock file for a moment.
            }
        }
    }
}

/// <summary>The HTML report of the sample's audit, as headless Chromium sees it.</summary>
[Collection(SampleAuditCollection.Name)]
public sealed partial class HtmlReportTests(SampleAuditFixture fixture)
{
    [Fact]
    public void IsOneSelfContainedFile()
    {
        var html = File.ReadAllText(fixture.HtmlPath);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void Chromium_ShowsEverySection()
    {
        var dom = Dom(fixture.HtmlPath);
        Assert.Contains("<title>Scale-out readiness: StatefulShop.csproj</title>", dom);
        foreach (var id in new[] { "readiness", "summary", "family-memory", "family-infrastructure", "family-storage", "family-work" })
            Assert.Contains($"<section id=\"{id}\"", dom);
        Assert.Matches(@"<strong id=""score"">17/100</strong>", dom);
        Assert.Matches(@"<div class=""grade grade-E"" id=""grade"">E</div>", dom);
        Assert.Matches(@"<strong id=""blockers"">0</strong>", dom);
    }

    [ChromiumFact]
    public void Chromium_ShowsEachFamilysFindings()
    {
        var dom = Dom(fixture.HtmlPath);
        var expected = new Dictionary<string, int> { ["memory"] = 20, ["infrastructure"] = 8, ["storage"] = 9, ["work"] = 5 };
        foreach (var (family, count) in expected)
        {
            var section = Section(dom, "family-" + family);
            Assert.Contains($"data-count=\"{count}\"", section);
            Assert.Equal(count, Regex.Matches(section, "<article class=\"finding\"").Count);
        }
        Assert.Equal(42, Regex.Matches(dom, "<article class=\"finding\"").Count);
        var perRule = FindingRule().Matches(dom).GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(SampleAuditTests.ExpectedPerRule, new SortedDictionary<string, int>(perRule, StringComparer.Ordinal));
    }

    [ChromiumFact]
    public void Chromium_ShowsEscapedExcerptsAndDocLinks()
    {
        var dom = Dom(fixture.HtmlPath);
        // CartController's dictionary: the generic brackets are text, escaped, not markup.
        var cart = FindingArticles().Matches(dom).Select(m => m.Value).Single(a => a.Contains("CartController.cs:16:", StringComparison.Ordinal));
        Assert.Contains("<span class=\"line hit\"><span class=\"num\">16</span>", cart);
        Assert.Contains("Carts", cart);
        Assert.Contains("&lt;", cart);
        Assert.Contains("href=\"https://github.com/stateless-analyzers/StatelessAnalyzers/blob/main/docs/rules/SL1001.md\"", cart);
        Assert.Contains("fixable", cart);
        foreach (var id in SampleAuditTests.ExpectedPerRule.Keys)
            Assert.Contains($"href=\"https://github.com/stateless-analyzers/StatelessAnalyzers/blob/main/docs/rules/{id}.md\">{id}</a>", dom);
        Assert.True(File.Exists(Path.Combine(TestPaths.RepositoryRoot, "docs", "rules", "SL1001.md")));
    }

    // One Chromium run for the report, shared by the tests.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> Doms = new(StringComparer.Ordinal);

    private static string Dom(string file) => Doms.GetOrAdd(file, path => new Lazy<string>(() => Chromium.DumpDom(path))).Value;

    private static string Section(string dom, string id)
    {
        var start = dom.IndexOf($"<section id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        var end = dom.IndexOf("</section>", start, StringComparison.Ordinal);
        return dom[start..end];
    }

    [GeneratedRegex("<article class=\"finding\" data-rule=\"(SL\\d{4})\"")]
    private static partial Regex FindingRule();

    [GeneratedRegex("<article class=\"finding\".*?</article>", RegexOptions.Singleline)]
    private static partial Regex FindingArticles();
}
