using StatelessAnalyzers.Tests.Verification;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Configuration.SL9001InvalidOptionAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Configuration;

public sealed class SL9001InvalidOptionTests
{
    private const string Code = "public sealed class Placeholder { }";

    [Fact]
    public Task Reports_BadBooleanOnceNamingKeyAndValue() => new Verify.Test
    {
        TestCode = Code,
        AdditionalSources = { ("Second.cs", "public sealed class Second { }") },
        GlobalConfig = """
            is_global = true
            stateless_analyzers.report_in_tests = yes please
            """,
        ExpectedDiagnostics =
        {
            Verify.Diagnostic().WithNoLocation().WithArguments("stateless_analyzers.report_in_tests", "yes please", "expected true or false"),
        },
    }.RunAsync();

    [Fact]
    public Task Reports_EveryBadOption() => new Verify.Test
    {
        TestCode = Code,
        GlobalConfig = """
            is_global = true
            stateless_analyzers.development_guards = maybe
            stateless_analyzers.handler_base_types = FastEndpoints.Endpoint`2, not a type
            stateless_analyzers.safe_types = Shop..Price
            stateless_analyzers.singleton_registration_methods = AddSingletonAs<T>
            stateless_analyzers.blob_abstraction_namespace = 1Storage
            """,
        ExpectedDiagnostics =
        {
            Verify.Diagnostic().WithNoLocation().WithArguments("stateless_analyzers.development_guards", "maybe", "expected true or false"),
            Verify.Diagnostic().WithNoLocation().WithArguments("stateless_analyzers.handler_base_types", "FastEndpoints.Endpoint`2, not a type", "expected a comma-separated list of type metadata names"),
            Verify.Diagnostic().WithNoLocation().WithArguments("stateless_analyzers.safe_types", "Shop..Price", "expected a comma-separated list of type metadata names"),
            Verify.Diagnostic().WithNoLocation().WithArguments("stateless_analyzers.singleton_registration_methods", "AddSingletonAs<T>", "expected a comma-separated list of method names"),
            Verify.Diagnostic().WithNoLocation().WithArguments("stateless_analyzers.blob_abstraction_namespace", "1Storage", "expected a namespace name such as Contoso.Storage"),
        },
    }.RunAsync();

    [Fact]
    public Task Reports_EditorConfigValue() => new Verify.Test
    {
        TestCode = Code,
        EditorConfig = """
            root = true

            [*.cs]
            stateless_analyzers.report_in_tests = 1
            """,
        ExpectedDiagnostics =
        {
            Verify.Diagnostic().WithNoLocation().WithArguments("stateless_analyzers.report_in_tests", "1", "expected true or false"),
        },
    }.RunAsync();

    [Fact]
    public Task Ignores_ValidValuesInAnyCase() => new Verify.Test
    {
        TestCode = Code,
        GlobalConfig = """
            is_global = true
            stateless_analyzers.report_in_tests = True
            stateless_analyzers.development_guards = FALSE
            stateless_analyzers.handler_base_types = FastEndpoints.Endpoint`2, ServiceStack.Service, Outer+Inner
            stateless_analyzers.safe_types = Shop.Price
            stateless_analyzers.singleton_registration_methods = AddSingletonAs, RegisterSingle
            stateless_analyzers.blob_abstraction_namespace = Contoso.Storage
            some_other_tool.option = whatever
            """,
    }.RunAsync();

    [Fact]
    public Task Ignores_NoOptions() => Verify.VerifyAnalyzerAsync(Code);
}
