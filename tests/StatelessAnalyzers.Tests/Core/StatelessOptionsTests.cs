using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Tests.Core;

public sealed class StatelessOptionsTests
{
    [Fact]
    public void NoKeys_GiveTheDefaults()
    {
        var options = TestCompilation.Options();
        Assert.Same(StatelessOptions.Default, options);
        Assert.False(options.ReportInTests);
        Assert.True(options.DevelopmentGuards);
        Assert.Null(options.BlobAbstractionNamespace);
        Assert.Empty(options.HandlerBaseTypes);
        Assert.Empty(options.Errors);
    }

    [Fact]
    public void ValidValues_AreRead()
    {
        var options = TestCompilation.Options(
            ("stateless_analyzers.report_in_tests", "TRUE"),
            ("stateless_analyzers.development_guards", " false "),
            ("stateless_analyzers.handler_base_types", "FastEndpoints.Endpoint`2, ServiceStack.Service,,Outer+Inner"),
            ("stateless_analyzers.safe_types", "Shop.Price"),
            ("stateless_analyzers.singleton_registration_methods", "AddSingletonAs"),
            ("stateless_analyzers.blob_abstraction_namespace", "Contoso.Storage"));
        Assert.True(options.ReportInTests);
        Assert.False(options.DevelopmentGuards);
        Assert.Equal(new[] { "FastEndpoints.Endpoint`2", "ServiceStack.Service", "Outer+Inner" }, options.HandlerBaseTypes);
        Assert.Equal(new[] { "Shop.Price" }, options.SafeTypes);
        Assert.Equal(new[] { "AddSingletonAs" }, options.SingletonRegistrationMethods);
        Assert.Equal("Contoso.Storage", options.BlobAbstractionNamespace);
        Assert.Empty(options.Errors);
    }

    [Fact]
    public void KeysAreCaseInsensitive()
    {
        var options = TestCompilation.Options(("Stateless_Analyzers.Report_In_Tests", "true"));
        Assert.True(options.ReportInTests);
    }

    [Theory]
    [InlineData("stateless_analyzers.report_in_tests", "yes")]
    [InlineData("stateless_analyzers.development_guards", "0")]
    [InlineData("stateless_analyzers.handler_base_types", "Foo.Bar<T>")]
    [InlineData("stateless_analyzers.safe_types", "Foo.`2")]
    [InlineData("stateless_analyzers.singleton_registration_methods", "Add.Singleton")]
    [InlineData("stateless_analyzers.blob_abstraction_namespace", "My Namespace")]
    public void BadValues_KeepTheDefaultAndAreRecorded(string key, string value)
    {
        var options = TestCompilation.Options((key, value));
        var error = Assert.Single(options.Errors);
        Assert.Equal(key, error.Key);
        Assert.Equal(value, error.Value);
        Assert.False(options.ReportInTests);
        Assert.True(options.DevelopmentGuards);
        Assert.Empty(options.HandlerBaseTypes);
        Assert.Empty(options.SafeTypes);
        Assert.Empty(options.SingletonRegistrationMethods);
        Assert.Null(options.BlobAbstractionNamespace);
    }

    [Fact]
    public void EmptyValue_MeansTheDefaultWithoutError()
    {
        var options = TestCompilation.Options(("stateless_analyzers.report_in_tests", "  "));
        Assert.Same(StatelessOptions.Default, options);
    }

    [Fact]
    public void EqualValues_ShareOneInstance()
    {
        var first = TestCompilation.Options(("stateless_analyzers.safe_types", "A.B"));
        var second = TestCompilation.Options(("stateless_analyzers.safe_types", "A.B"));
        var other = TestCompilation.Options(("stateless_analyzers.safe_types", "A.C"));
        Assert.Same(first, second);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData("A", true)]
    [InlineData("A.B`1+C", true)]
    [InlineData("_x.y2", true)]
    [InlineData("A..B", false)]
    [InlineData("A.B`", false)]
    [InlineData("A.B`0", false)]
    [InlineData("2A", false)]
    [InlineData("A B", false)]
    public void MetadataNames(string value, bool expected) => Assert.Equal(expected, StatelessOptions.IsMetadataName(value));
}
