using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Tests.Verification.BadFieldAnalyzer>;

namespace StatelessAnalyzers.Tests.Verification;

/// <summary>Markup parsing, result immutability and config parsing, without compiling anything.</summary>
public sealed class MarkupTests
{
    [Fact]
    public void Parse_NestedSpans()
    {
        var markup = MarkupSource.Parse("a[|b{|#0:c|}d|]e{|SL1002:f|}", "Test0.cs");
        Assert.Equal("abcdef", markup.Text);
        Assert.Equal(3, markup.Spans.Count);
        Assert.Contains(new MarkupSpan(null, TextSpan.FromBounds(1, 4)), markup.Spans);
        Assert.Contains(new MarkupSpan("#0", TextSpan.FromBounds(2, 3)), markup.Spans);
        Assert.Contains(new MarkupSpan("SL1002", TextSpan.FromBounds(5, 6)), markup.Spans);
    }

    [Fact]
    public void Parse_EmptySpan()
    {
        var markup = MarkupSource.Parse("ab{|#3:|}c", "Test0.cs");
        Assert.Equal("abc", markup.Text);
        Assert.Equal(new MarkupSpan("#3", new TextSpan(2, 0)), Assert.Single(markup.Spans));
        Assert.Equal(3, markup.Spans[0].Key);
    }

    [Fact]
    public void Parse_BraceBarWithoutNameIsText()
    {
        var markup = MarkupSource.Parse("x {| y {|#: z a|b", "Test0.cs");
        Assert.Equal("x {| y {|#: z a|b", markup.Text);
        Assert.Empty(markup.Spans);
    }

    [Fact]
    public void Parse_MismatchedCloserThrows()
    {
        var ex = Assert.ThrowsAny<Exception>(() => MarkupSource.Parse("a[|b|}c", "Test0.cs"));
        Assert.Contains("closes", ex.Message);
    }

    [Fact]
    public void Parse_UnclosedThrowsWithLine()
    {
        var ex = Assert.ThrowsAny<Exception>(() => MarkupSource.Parse("a\nb{|#1:c", "Other.cs"));
        Assert.Contains("Other.cs line 2", ex.Message);
    }

    [Fact]
    public void State_DuplicateKeyAcrossFilesThrows()
    {
        var ex = Assert.ThrowsAny<Exception>(() => TestState.Create(
            new[] { ("A.cs", "{|#0:a|}"), ("B.cs", "{|#0:b|}") },
            new[] { Verify.Diagnostic().WithLocation(0) },
            () => "TST0001"));
        Assert.Contains("used twice", ex.Message);
    }

    [Fact]
    public void DiagnosticResult_WithMethodsReturnCopies()
    {
        var original = Verify.Diagnostic();
        var withArguments = original.WithArguments("x");
        var withLocations = withArguments.WithLocation(0).WithLocation(1);
        var withSeverity = withLocations.WithSeverity(DiagnosticSeverity.Error);
        var withMessage = withSeverity.WithMessage("m");

        Assert.Equal("TST0001", original.Id);
        Assert.Null(original.Arguments);
        Assert.Null(original.Severity);
        Assert.Empty(original.Locations);
        Assert.Equal(new object?[] { "x" }, withArguments.Arguments);
        Assert.Empty(withArguments.Locations);
        Assert.Equal(2, withLocations.Locations.Length);
        Assert.Null(withLocations.Severity);
        Assert.Equal(DiagnosticSeverity.Error, withSeverity.Severity);
        Assert.Null(withSeverity.Message);
        Assert.Equal("m", withMessage.Message);
    }

    [Fact]
    public void DiagnosticResult_LocationAndNoLocationExcludeEachOther()
    {
        Assert.ThrowsAny<Exception>(() => Verify.Diagnostic().WithLocation(0).WithNoLocation());
        Assert.ThrowsAny<Exception>(() => Verify.Diagnostic().WithNoLocation().WithLocation(0));
        Assert.True(Verify.Diagnostic().WithNoLocation().HasNoLocation);
    }

    [Fact]
    public void DiagnosticResult_CompilerResults()
    {
        var error = DiagnosticResult.CompilerError("CS0103");
        var warning = DiagnosticResult.CompilerWarning("CS0168");
        Assert.True(error.IsCompilerDiagnostic);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.False(Verify.Diagnostic().IsCompilerDiagnostic);
    }

    [Fact]
    public void Config_IgnoresHeadersCommentsAndIsGlobal()
    {
        var config = TestConfig.Create(
            "is_global = true\n# comment\n; comment\n[*.cs]\nstateless_analyzers.safe_types = A.B, C.D\n",
            "root = true\n[*]\nOther = x\n");
        Assert.Equal("A.B, C.D", config.Values["stateless_analyzers.safe_types"]);
        Assert.Equal("x", config.Values["OTHER"]);
        Assert.Contains("other", config.Values.Keys);
        Assert.False(config.Values.ContainsKey("is_global"));
        Assert.False(config.Values.ContainsKey("root"));
        Assert.Contains("is_global = true", config.ToGlobalConfigText());
        Assert.Contains("[*]", config.ToEditorConfigText());
    }

    [Fact]
    public void References_OnlySharedFrameworkAssemblies()
    {
        var netCore = ReferenceAssemblies.Get(ReferenceSet.NetCore);
        var aspNetCore = ReferenceAssemblies.Get(ReferenceSet.AspNetCore);
        Assert.True(aspNetCore.Length > netCore.Length);
        Assert.Same(netCore.First(), ReferenceAssemblies.Get(ReferenceSet.NetCore).First());
        foreach (var reference in aspNetCore)
        {
            var path = ((PortableExecutableReference)reference).FilePath!;
            Assert.True(
                path.Contains("Microsoft.NETCore.App", StringComparison.Ordinal) || path.Contains("Microsoft.AspNetCore.App", StringComparison.Ordinal),
                path);
            Assert.DoesNotContain("xunit", path, StringComparison.OrdinalIgnoreCase);
        }
    }
}
