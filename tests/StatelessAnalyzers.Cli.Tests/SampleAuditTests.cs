using System.Text.Json;
using System.Text.RegularExpressions;

namespace StatelessAnalyzers.Cli.Tests;

/// <summary>The audit of the sample app: the findings it was written to show, in every output.</summary>
[Collection(SampleAuditCollection.Name)]
public sealed partial class SampleAuditTests(SampleAuditFixture fixture)
{
    /// <summary>Findings per rule on the sample (the sample's build prints the same 42 findings of 19 rules).</summary>
    internal static readonly IReadOnlyDictionary<string, int> ExpectedPerRule = new SortedDictionary<string, int>(StringComparer.Ordinal)
    {
        ["SL1001"] = 5, ["SL1002"] = 5, ["SL1003"] = 2, ["SL1004"] = 1, ["SL1005"] = 7,
        ["SL2001"] = 1, ["SL2002"] = 1, ["SL2003"] = 1, ["SL2004"] = 1, ["SL2005"] = 1, ["SL2006"] = 1, ["SL2007"] = 2,
        ["SL3001"] = 6, ["SL3002"] = 2, ["SL3003"] = 1,
        ["SL4001"] = 1, ["SL4002"] = 1, ["SL4003"] = 2, ["SL4004"] = 1,
    };

    /// <summary>Every finding as "ID file", sorted: the list of the analyzer tests' sample check, plus the two rules that need the sample's packages.</summary>
    private static readonly string[] ExpectedFindings =
    [
        "SL1001 Controllers/CartController.cs", "SL1001 Controllers/ProductsController.cs", "SL1001 Hubs/ChatHub.cs",
        "SL1001 Middleware/RequestCountingMiddleware.cs", "SL1001 Pages/Index.cshtml.cs",
        "SL1002 Controllers/OrdersController.cs", "SL1002 Controllers/OrdersController.cs", "SL1002 Controllers/OrdersController.cs",
        "SL1002 Controllers/ProductsController.cs", "SL1002 Program.cs",
        "SL1003 Services/ProductViewCounter.cs", "SL1003 Services/ProductViewCounter.cs",
        "SL1004 Program.cs",
        "SL1005 Data/InMemoryOrderRepository.cs", "SL1005 Data/InMemoryOrderRepository.cs", "SL1005 Data/InventoryStore.cs",
        "SL1005 Data/OrderStats.cs", "SL1005 Data/OrderStats.cs", "SL1005 Data/OrderStats.cs", "SL1005 Infrastructure/Metrics.cs",
        "SL2001 Program.cs", "SL2002 Program.cs", "SL2003 Controllers/ProductsController.cs", "SL2004 Program.cs",
        "SL2005 Program.cs", "SL2006 Program.cs", "SL2007 Program.cs", "SL2007 Program.cs",
        "SL3001 Background/SalesReportService.cs", "SL3001 Background/SalesReportService.cs",
        "SL3001 Controllers/OrdersController.cs", "SL3001 Controllers/OrdersController.cs",
        "SL3001 Controllers/UploadsController.cs", "SL3001 Controllers/UploadsController.cs",
        "SL3002 Controllers/UploadsController.cs", "SL3002 Services/InvoiceGenerator.cs",
        "SL3003 Program.cs",
        "SL4001 Program.cs", "SL4002 Services/EmailSender.cs",
        "SL4003 Controllers/OrdersController.cs", "SL4003 Controllers/OrdersController.cs",
        "SL4004 Background/SalesReportService.cs",
    ];

    private CliResult Result => fixture.Result;

    [Fact]
    public void ExpectationsAgree()
    {
        Assert.Equal(42, ExpectedFindings.Length);
        Assert.Equal(ExpectedPerRule, ExpectedFindings.GroupBy(f => f.Split(' ')[0]).ToDictionary(g => g.Key, g => g.Count()));
    }

    [Fact]
    public void FailOnWarning_ExitsWithOne()
    {
        Assert.True(Result.ExitCode == 1, Result.ToString());
        Assert.DoesNotContain("error", Result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Console_SummarisesFindings()
    {
        Assert.Contains("1 project, 42 findings of 19 rules (0 error, 42 warning, 0 info), 4 fixable with --fix", Result.Output);
        Assert.Contains("Readiness: 17/100, grade E", Result.Output);
    }

    [Fact]
    public void Console_CountsPerRule()
    {
        var rows = RuleRow().Matches(Result.Output).ToDictionary(m => m.Groups["id"].Value, m => int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ExpectedPerRule, new SortedDictionary<string, int>(rows, StringComparer.Ordinal));
        var fixable = RuleRow().Matches(Result.Output).Sum(m => int.Parse(m.Groups["fixable"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(4, fixable);
    }

    [Fact]
    public void Console_CountsPerProjectAndTopFiles()
    {
        Assert.Matches(@"\| StatefulShop\s*\|\s*42 \|\s*0 \|\s*42 \|\s*0 \|", Result.Output);
        // The analyzer projects that the sample runs as analyzers are not audited.
        Assert.DoesNotMatch(@"\| StatelessAnalyzers(\.CodeFixes)?\s*\|", Result.Output);
        Assert.Matches(@"Top 3 files", Result.Output);
        Assert.Matches(@"\| Program\.cs\s*\|\s*11 \|", Result.Output);
        Assert.Matches(@"\| Controllers/OrdersController\.cs\s*\|\s*7 \|", Result.Output);
    }

    [Fact]
    public void Console_ListsEveryFinding()
    {
        var found = FindingLine().Matches(Result.Output)
            .Select(m => $"{m.Groups["id"].Value} {m.Groups["path"].Value}")
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(ExpectedFindings.Order(StringComparer.Ordinal), found);
    }

    [Fact]
    public void Console_HasNoColourWhenRedirected()
    {
        Assert.DoesNotContain('\u001b', Result.Output);
        Assert.DoesNotContain('\u001b', Result.Error);
        Assert.DoesNotContain("[yellow]", Result.Output);
    }

    [Fact]
    public void Progress_GoesToTheErrorStream()
    {
        Assert.Contains("Loading StatefulShop.csproj", Result.Error);
        Assert.Contains("[1/1] StatefulShop: 42 findings", Result.Error);
    }

    [Fact]
    public void Json_AgreesWithTheConsole()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(fixture.JsonPath));
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(42, summary.GetProperty("findings").GetInt32());
        Assert.Equal(19, summary.GetProperty("rules").GetInt32());
        Assert.Equal(4, summary.GetProperty("fixable").GetInt32());
        var byRule = summary.GetProperty("byRule").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(ExpectedPerRule, new SortedDictionary<string, int>(byRule, StringComparer.Ordinal));
        Assert.Equal(17, json.RootElement.GetProperty("readiness").GetProperty("score").GetInt32());
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("path").GetString()}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(ExpectedFindings.Order(StringComparer.Ordinal), findings);
    }

    [GeneratedRegex(@"^\| (?<id>SL\d{4}) \|[^|]+\|[^|]+\|\s*(?<count>\d+) \|\s*(?<fixable>\d+) \|$", RegexOptions.Multiline)]
    private static partial Regex RuleRow();

    [GeneratedRegex(@"^(?<path>[^\s(]+)\(\d+,\d+\): (warning|error|info) (?<id>SL\d{4}): ", RegexOptions.Multiline)]
    private static partial Regex FindingLine();
}
