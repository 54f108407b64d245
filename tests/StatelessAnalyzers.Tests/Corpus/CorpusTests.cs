using Microsoft.CodeAnalysis;
using StatelessAnalyzers.Corpus;
using StatelessAnalyzers.Tests.Catalog;

namespace StatelessAnalyzers.Tests.Corpus;

/// <summary>The generated corpus is deterministic, compiles, is clean when asked to be, and triggers every rule when asked to.</summary>
public sealed class CorpusTests
{
    [Fact]
    public void Generate_SameSeedGivesSameFiles()
    {
        var options = new CorpusOptions { Seed = 7, FileCount = 150, AntiPatternRate = 0.3 };

        var first = CorpusGenerator.Generate(options);
        var second = CorpusGenerator.Generate(options);

        Assert.Equal(150, first.Count);
        Assert.Equal(first.Select(f => (f.Path, f.Text, string.Join(",", f.ExpectedRules))), second.Select(f => (f.Path, f.Text, string.Join(",", f.ExpectedRules))));
    }

    [Fact]
    public void Generate_OtherSeedGivesOtherFiles()
    {
        var first = CorpusGenerator.Generate(new CorpusOptions { Seed = 1, FileCount = 60 });
        var second = CorpusGenerator.Generate(new CorpusOptions { Seed = 2, FileCount = 60 });

        Assert.NotEqual(first.Select(f => f.Text), second.Select(f => f.Text));
    }

    [Fact]
    public void Generate_PathsAreUnique()
    {
        var files = CorpusGenerator.Generate(new CorpusOptions { Seed = 3, FileCount = 400, AntiPatternRate = 0.5 });

        Assert.Equal(files.Count, files.Select(f => f.Path).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Generate_RateIsTheFractionOfFeatureFilesWithAnAntiPattern()
    {
        var files = CorpusGenerator.Generate(new CorpusOptions { Seed = 11, FileCount = 1000, AntiPatternRate = 0.1 });

        var features = files.Where(f => f.Kind != "support").ToList();
        var fraction = features.Count(f => f.ExpectedRules.Count > 0) / (double)features.Count;
        Assert.InRange(fraction, 0.07, 0.13);
    }

    [Fact]
    public void Generate_RejectsRateOutsideZeroToOne()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CorpusGenerator.Generate(new CorpusOptions { AntiPatternRate = 1.5 }));
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(1.0)]
    public void Compiles_WithoutErrors(double rate)
    {
        var files = CorpusGenerator.Generate(new CorpusOptions { Seed = 5, FileCount = 100, AntiPatternRate = rate });

        var errors = Compile(files).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).ToList();

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
    }

    [Fact]
    public async Task CleanCorpus_HasNoFindings()
    {
        var files = CorpusGenerator.Generate(new CorpusOptions { Seed = 13, FileCount = 120, AntiPatternRate = 0 });

        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(Compile(files));

        Assert.Empty(exceptions);
        Assert.True(diagnostics.IsEmpty, string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString())));
    }

    [Fact]
    public async Task RateOne_TriggersEveryRuleOnlyWhereExpected()
    {
        var files = CorpusGenerator.Generate(new CorpusOptions { Seed = 17, FileCount = 80, AntiPatternRate = 1.0 });
        var expectedByPath = files.ToDictionary(f => f.Path, f => f.ExpectedRules, StringComparer.Ordinal);

        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(Compile(files));

        Assert.Empty(exceptions);
        var unexpected = diagnostics
            .Where(d => !expectedByPath.TryGetValue(d.Location.SourceTree?.FilePath ?? string.Empty, out var rules) || !rules.Contains(d.Id))
            .Select(d => d.ToString())
            .ToList();
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected));

        var rulesOfThePackage = RuleCatalog.Descriptors.Select(d => d.Id).Where(id => id != "SL9001").ToHashSet(StringComparer.Ordinal);
        Assert.Equal(rulesOfThePackage.Order(StringComparer.Ordinal), CorpusGenerator.AntiPatterns.SelectMany(a => a.Rules).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(rulesOfThePackage.Order(StringComparer.Ordinal), diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));

        // Every file that carries a rule has that rule's finding, except for rules reported once per compilation.
        var found = diagnostics.Select(d => (d.Location.SourceTree?.FilePath, d.Id)).ToHashSet();
        var missing = files.SelectMany(f => f.ExpectedRules.Where(id => !CorpusGenerator.OncePerCompilationRules.Contains(id) && !found.Contains((f.Path, id))).Select(id => f.Path + ": " + id)).ToList();
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    private static Compilation Compile(IReadOnlyList<CorpusFile> files) => AnalyzerRunner.Compile(files.Select(f => (f.Path, f.Text)));
}
