using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StatelessAnalyzers.Tests.Catalog;

namespace StatelessAnalyzers.Tests.Robustness;

public sealed class DamageGeneratorTests
{
    private const string Source = """
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop;

        public sealed class Basket
        {
            public List<string> Items { get; } = new();
        }

        public sealed class BasketController : ControllerBase
        {
            private static readonly Dictionary<string, Basket> Baskets = new();

            [HttpPost]
            public IActionResult Add(string user, string item)
            {
                if (!Baskets.TryGetValue(user, out var basket))
                {
                    basket = new Basket();
                    Baskets[user] = basket;
                }

                basket.Items.Add(item);
                return Ok(basket.Items.Count);
            }
        }
        """;

    [Fact]
    public void All_IsDeterministicForASeed()
    {
        var first = Damage.All(Source, seed: 42);
        var second = Damage.All(Source, seed: 42);
        var other = Damage.All(Source, seed: 43);

        Assert.Equal(first.ToList(), second.ToList());
        Assert.NotEqual(first.Select(v => v.Text), other.Select(v => v.Text));
    }

    [Fact]
    public void All_GivesDistinctVariantsThatDifferFromTheSource()
    {
        var variants = Damage.All(Source, seed: 7);

        Assert.InRange(variants.Length, 11, 13);
        Assert.DoesNotContain(variants, v => v.Text == Source);
        Assert.Equal(variants.Length, variants.Select(v => v.Text).Distinct(StringComparer.Ordinal).Count());
        // Every family has something to damage in this source.
        Assert.Equal(Enum.GetValues<DamageKind>().Order(), variants.Select(v => v.Kind).Distinct().Order());
    }

    [Fact]
    public void SeedFor_IsStableAcrossRuns()
    {
        Assert.Equal(Damage.SeedFor("Rules/Memory/SL1001StaticMutableStateTests.cs:12"), Damage.SeedFor("Rules/Memory/SL1001StaticMutableStateTests.cs:12"));
        Assert.NotEqual(Damage.SeedFor("a.cs:1"), Damage.SeedFor("a.cs:2"));
        // FNV-1a of "a": a fixed value, not a per-process string hash.
        Assert.Equal(unchecked((int)0xE40C292C) & int.MaxValue, Damage.SeedFor("a"));
    }

    [Fact]
    public void Truncations_AreEvenlySpacedProperPrefixes()
    {
        var cuts = Damage.Truncations(Source).ToList();

        Assert.Equal(Damage.EvenCuts, cuts.Count);
        Assert.All(cuts, c => Assert.StartsWith(c.Text, Source, StringComparison.Ordinal));
        Assert.All(cuts, c => Assert.InRange(c.Text.Length, 1, Source.Length - 1));
        var lengths = cuts.Select(c => c.Text.Length).ToList();
        Assert.Equal(lengths.Order(), lengths);
        Assert.Equal(Source.Length * 2 / (Damage.EvenCuts + 1), lengths[1]);
    }

    [Fact]
    public void TokenTruncations_EndRightAfterAToken()
    {
        var tokens = Damage.Tokens(Source);
        var cuts = Damage.TokenTruncations(Source, tokens, new Random(3), 20).ToList();

        Assert.Equal(20, cuts.Count);
        Assert.All(cuts, c =>
        {
            Assert.StartsWith(c.Text, Source, StringComparison.Ordinal);
            Assert.Contains(tokens, t => t.Span.End == c.Text.Length);
        });
    }

    [Fact]
    public void TokenDeletion_RemovesOneTokenAndKeepsTheRest()
    {
        var tokens = Damage.Tokens(Source);
        foreach (var variant in Damage.TokenDeletion(Source, tokens, new Random(5), 10))
        {
            var removed = Source.Length - variant.Text.Length;
            Assert.Contains(tokens, t => t.Span.Length == removed && Source.Remove(t.SpanStart, t.Span.Length) == variant.Text);
            Assert.True(Damage.Tokens(variant.Text).Count < tokens.Count, variant.ToString());
        }
    }

    [Fact]
    public void BraceDamage_Unbalances()
    {
        var tokens = Damage.Tokens(Source);
        var dropped = Damage.DropCloseBrace(Source, tokens, new Random(1));
        var added = Damage.AddOpenBrace(Source, tokens, new Random(1));
        var paren = Damage.DropCloseParen(Source, tokens, new Random(1));

        Assert.Equal(Count(Source, '{'), Count(Source, '}'));
        Assert.NotNull(dropped);
        Assert.Equal(Count(dropped.Text, '{') - 1, Count(dropped.Text, '}'));
        Assert.NotNull(added);
        Assert.Equal(Count(added.Text, '{') - 1, Count(added.Text, '}'));
        Assert.NotNull(paren);
        Assert.Equal(Count(paren.Text, '(') - 1, Count(paren.Text, ')'));
        Assert.Contains(CSharpSyntaxTree.ParseText(dropped.Text).GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(CSharpSyntaxTree.ParseText(added.Text).GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void BraceDamage_NothingToDamage_GivesNoVariant()
    {
        const string noBraces = "System.Console.WriteLine;";
        var tokens = Damage.Tokens(noBraces);

        Assert.Null(Damage.DropCloseBrace(noBraces, tokens, new Random(1)));
        Assert.Null(Damage.DropCloseParen(noBraces, tokens, new Random(1)));
        Assert.Null(Damage.RenameDeclaredTypes(noBraces));
    }

    [Fact]
    public void RenameDeclaredTypes_MakesEveryUseFailToBind()
    {
        Assert.Empty(Errors(Source));

        var renamed = Damage.RenameDeclaredTypes(Source);

        Assert.NotNull(renamed);
        Assert.Contains("class Basket" + Damage.RenameSuffix, renamed.Text, StringComparison.Ordinal);
        Assert.Contains("class BasketController" + Damage.RenameSuffix, renamed.Text, StringComparison.Ordinal);
        var errors = Errors(renamed.Text);
        // 'Basket' is used twice and no longer binds; renaming at the declaration keeps the syntax intact.
        Assert.Equal(2, errors.Count(e => e.Id == "CS0246" && e.GetMessage().Contains("'Basket'", StringComparison.Ordinal)));
        Assert.Empty(CSharpSyntaxTree.ParseText(renamed.Text).GetDiagnostics());
    }

    [Fact]
    public void RenameTypeReference_MakesOneReferenceFailToBind()
    {
        Assert.Empty(Errors(Source));

        var seeds = Enumerable.Range(0, 20).Select(seed => Damage.RenameTypeReference(Source, new Random(seed))!).ToList();

        Assert.All(seeds, variant =>
        {
            // The misspelled name fails to bind (and what depends on it may fail too, such as Ok() of a lost base type).
            Assert.Contains(Errors(variant.Text), e => e.Id == "CS0246" && e.GetMessage().Contains(Damage.RenameSuffix, StringComparison.Ordinal));
            Assert.Equal(Source.Length + Damage.RenameSuffix.Length, variant.Text.Length);
        });
        // The renamed reference varies with the seed.
        Assert.True(seeds.Select(v => v.Text).Distinct().Count() > 3);
    }

    [Fact]
    public void StripMarkup_RemovesEveryMarkupForm()
    {
        const string marked = "class {|#0:A|} { int [|b|]; static int {|SL1001:c|}; {|SL1002:{|#1:d|}|}; }";

        Assert.Equal("class A { int b; static int c; d; }", SuiteSources.StripMarkup(marked));
        Assert.Equal("no markup; here", SuiteSources.StripMarkup("no markup; here"));
        Assert.Null(SuiteSources.StripMarkup("class A { [|int b; }"));
    }

    [Fact]
    public void Snippets_TakesCodeLiteralsAndSkipsOtherStrings()
    {
        const string testFile = """"
            public sealed class SomeTests
            {
                private const string Message = "'{0}' lives in this process only: other replicas never see its value";
                private const string Config = "is_global = true\nstateless_analyzers.report_in_tests = true";
                private const string Verbatim = @"public class A { }";

                [Fact]
                public Task Reports() => Verify.VerifyAnalyzerAsync("""
                    public sealed class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
                    {
                        private static int {|#0:served|};
                    }
                    """, Verify.Diagnostic().WithLocation(0).WithArguments($"served{1}"));
            }
            """";

        var snippets = SuiteSources.Snippets(testFile).ToList();

        Assert.Equal(2, snippets.Count);
        Assert.Equal((5, "public class A { }"), snippets[0]);
        Assert.Equal(8, snippets[1].Line);
        Assert.Contains("private static int served;", snippets[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void All_CollectsTestSnippetsAndEverySampleFile()
    {
        var sources = SuiteSources.All;
        var sampleFiles = AnalyzerRunner.ProjectSources(SuiteSources.SampleFolder).Count();

        Assert.Equal(sampleFiles, sources.Count(s => s.Kind == SuiteSourceKind.SampleFile));
        Assert.Contains(sources, s => s.Name.StartsWith("Rules/Memory/SL1001StaticMutableStateTests.cs:", StringComparison.Ordinal));
        Assert.Contains(sources, s => s.Name.StartsWith("CodeFixes/", StringComparison.Ordinal));
        Assert.Equal(sources.Length, sources.Select(s => s.Text).Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(sources, s => s.Text.Contains("{|", StringComparison.Ordinal) || s.Text.Contains("[|", StringComparison.Ordinal));
        Assert.All(sources.Where(s => s.Kind == SuiteSourceKind.SampleFile), s => Assert.Single(s.Companions));
        Assert.Equal(sampleFiles, SuiteSources.SampleProject.Companions.Length);
        Assert.Contains("WebApplication.CreateBuilder", SuiteSources.SampleProject.Text, StringComparison.Ordinal);
    }

    private static int Count(string text, char c) => text.Count(x => x == c);

    private static List<Diagnostic> Errors(string source) =>
        AnalyzerRunner.Compile(new[] { ("Test0.cs", source) }, OutputKind.DynamicallyLinkedLibrary)
            .GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
}
