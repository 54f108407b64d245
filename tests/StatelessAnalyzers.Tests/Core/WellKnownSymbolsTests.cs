using Microsoft.CodeAnalysis;
using StatelessAnalyzers.Core;
using StatelessAnalyzers.Tests.Verification;

namespace StatelessAnalyzers.Tests.Core;

public sealed class WellKnownSymbolsTests
{
    [Fact]
    public void WebProject_WhenAspNetCoreIsReferenced()
    {
        var symbols = WellKnownSymbols.Get(TestCompilation.Create("class C { }"));
        Assert.True(symbols.IsWebProject);
        Assert.True(symbols.IsWorkerService);
        Assert.False(symbols.IsTestProject);
        Assert.Equal(ProjectKind.Web | ProjectKind.Worker, symbols.ProjectKind);
        Assert.NotNull(symbols.ControllerBase);
        Assert.NotNull(symbols.Hub);
        Assert.NotNull(symbols.PageModel);
    }

    [Fact]
    public void NotWebProject_WithTheCoreFrameworkOnly()
    {
        var symbols = WellKnownSymbols.Get(TestCompilation.Create("class C { }", ReferenceSet.NetCore));
        Assert.False(symbols.IsWebProject);
        Assert.False(symbols.IsWorkerService);
        Assert.Equal(ProjectKind.None, symbols.ProjectKind);
        Assert.Null(symbols.ControllerBase);
    }

    [Theory]
    [InlineData("namespace Xunit { public sealed class FactAttribute : System.Attribute { } }")]
    [InlineData("namespace NUnit.Framework { public sealed class TestAttribute : System.Attribute { } }")]
    [InlineData("namespace Microsoft.VisualStudio.TestTools.UnitTesting { public sealed class TestMethodAttribute : System.Attribute { } }")]
    [InlineData("namespace Microsoft.AspNetCore.Mvc.Testing { public class WebApplicationFactory<T> where T : class { } }")]
    public void TestProject_WhenATestFrameworkResolves(string stub)
    {
        var symbols = WellKnownSymbols.Get(TestCompilation.Create(stub));
        Assert.True(symbols.IsTestProject);
        Assert.True(symbols.IsWebProject);
    }

    [Fact]
    public void ResolvedOncePerCompilation()
    {
        var compilation = TestCompilation.Create("class C { }");
        Assert.Same(WellKnownSymbols.Get(compilation), WellKnownSymbols.Get(compilation));
        Assert.NotSame(WellKnownSymbols.Get(compilation), WellKnownSymbols.Get(compilation.WithAssemblyName("Other")));
    }

    [Fact]
    public void FrameworkAssemblies_AreRecognisedByTheirSigningKey()
    {
        var compilation = TestCompilation.Create("public static class Store { public static int Count; }");
        var symbols = WellKnownSymbols.Get(compilation);
        Assert.True(symbols.IsFrameworkAssembly(symbols.HttpContext!.ContainingAssembly));
        Assert.True(symbols.IsFrameworkAssembly(compilation.GetSpecialType(Microsoft.CodeAnalysis.SpecialType.System_String).ContainingAssembly));
        Assert.False(symbols.IsFrameworkAssembly(compilation.Assembly));
        Assert.False(symbols.IsFrameworkAssembly(null));
    }

    [Fact]
    public void OptionsAreParsedOncePerTreeAndInterned()
    {
        var compilation = TestCompilation.Create("class C { }");
        var symbols = WellKnownSymbols.Get(compilation);
        var options = TestCompilation.Options(("stateless_analyzers.report_in_tests", "true"));
        Assert.Same(options, TestCompilation.Options(("stateless_analyzers.report_in_tests", "true")));
        Assert.Same(symbols.GetContext(options), symbols.GetContext(options));
        Assert.True(symbols.GetContext(options).Options.ReportInTests);
    }

    [Fact]
    public void FilesThatShareAnOptionsObjectAreParsedOnce()
    {
        var trees = new[]
        {
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class A { }", path: "A.cs"),
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class B { }", path: "B.cs"),
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { }", path: "C.cs"),
        };
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Shared", trees);
        var symbols = WellKnownSymbols.Get(compilation);
        var shared = new CountingOptions("stateless_analyzers.report_in_tests", "true");
        var own = new CountingOptions("stateless_analyzers.report_in_tests", "false");
        var options = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(
            System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty, new TestPerTreeOptionsProvider(tree => tree == trees[2] ? own : shared));

        var first = symbols.GetContext(options, trees[0]);
        var readsForOneFile = shared.Reads;
        Assert.True(readsForOneFile > 0);
        Assert.Same(first, symbols.GetContext(options, trees[1]));
        Assert.Same(first, symbols.GetContext(options, trees[0]));
        Assert.Equal(readsForOneFile, shared.Reads);
        Assert.True(first.Options.ReportInTests);

        var third = symbols.GetContext(options, trees[2]);
        Assert.NotSame(first, third);
        Assert.False(third.Options.ReportInTests);
        Assert.Equal(readsForOneFile, own.Reads);
    }

    private sealed class CountingOptions(string key, string value) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
    {
        private int reads;

        public int Reads => reads;

        public override bool TryGetValue(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? found)
        {
            System.Threading.Interlocked.Increment(ref reads);
            found = name == key ? value : null;
            return found is not null;
        }
    }

    [Theory]
    [InlineData("Shop.Orders.Order", true)] // a source type
    [InlineData("Shop.Orders.Order+Line", true)] // a nested type
    [InlineData("TopLevel", true)] // the global namespace
    [InlineData("System.Collections.Generic.List`1", true)] // a referenced type
    [InlineData("Shop.Orders.Missing", false)] // the namespace exists, the type does not
    [InlineData("Shop.Billing.Order", false)] // a namespace that exists nowhere
    [InlineData("Hangfire.MemoryStorage.MemoryStorage", false)] // a library the project does not reference
    [InlineData("Shop.Orders.Order+Missing", false)]
    [InlineData("", false)]
    [InlineData("Shop..Order", false)]
    public void Get_ResolvesOrAnswersNull(string metadataName, bool resolves)
    {
        var compilation = TestCompilation.Create("""
            public class TopLevel { }
            namespace Shop.Orders { public class Order { public class Line { } } }
            """);
        var symbols = WellKnownSymbols.Get(compilation);
        var type = symbols.Get(metadataName);
        Assert.Equal(resolves, type is not null);
        // The same answer as the compiler's own lookup, which searches every reference.
        Assert.True(SymbolEqualityComparer.Default.Equals(compilation.GetTypeByMetadataName(metadataName), type));
    }
}
