using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Options = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Tests.Verification.OptionAnalyzer>;
using Probe = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Tests.Verification.ReferenceProbeAnalyzer>;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Tests.Verification.BadFieldAnalyzer>;

namespace StatelessAnalyzers.Tests.Verification;

/// <summary>Configuration, references, output kind, language version and stub assemblies reach the compilation.</summary>
public sealed class EnvironmentTests
{
    private const string ClassC = """
        class {|#0:C|}
        {
        }
        """;

    [Fact]
    public Task GlobalConfig_ReachesTreeAndGlobalOptions() => new Options.Test
    {
        TestCode = ClassC,
        GlobalConfig = """
            is_global = true
            # a comment
            test_option = true
            """,
        ExpectedDiagnostics =
        {
            Options.Diagnostic("TST0002").WithLocation(0).WithArguments("C", "true"),
            Options.Diagnostic("TST0003").WithNoLocation().WithArguments("true"),
        },
    }.RunAsync();

    [Fact]
    public Task EditorConfig_ReachesTreeOptions() => new Options.Test
    {
        TestCode = ClassC,
        EditorConfig = """
            root = true

            [*.cs]
            test_option = from_editorconfig
            """,
        ExpectedDiagnostics =
        {
            Options.Diagnostic("TST0002").WithLocation(0).WithArguments("C", "from_editorconfig"),
            Options.Diagnostic("TST0003").WithNoLocation().WithArguments("from_editorconfig"),
        },
    }.RunAsync();

    [Fact]
    public Task EditorConfig_WinsOverGlobalConfig() => new Options.Test
    {
        TestCode = ClassC,
        GlobalConfig = "is_global = true\ntest_option = global",
        EditorConfig = "[*]\ntest_option = editor",
        ExpectedDiagnostics =
        {
            Options.Diagnostic("TST0002").WithLocation(0).WithArguments("C", "editor"),
            Options.Diagnostic("TST0003").WithNoLocation().WithArguments("editor"),
        },
    }.RunAsync();

    [Fact]
    public Task NoConfig_OptionAnalyzerReportsNothing() => Options.VerifyAnalyzerAsync("""
        class C
        {
        }
        """);

    [Fact]
    public async Task Fails_NoLocationDiagnosticExpectedAtLocation()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => new Options.Test
        {
            TestCode = ClassC,
            GlobalConfig = "is_global = true\ntest_option = true",
            ExpectedDiagnostics =
            {
                Options.Diagnostic("TST0002").WithLocation(0).WithArguments("C", "true"),
                Options.Diagnostic("TST0003").WithLocation(0).WithArguments("true"),
            },
        }.RunAsync());
        Assert.Contains("TST0003", ex.Message);
        Assert.Contains("(no location)", ex.Message);
        Assert.Contains("Verify.Diagnostic(\"TST0003\").WithNoLocation().WithArguments(\"true\")", ex.Message);
    }

    [Fact]
    public Task References_AspNetCoreByDefault_NoTestFramework() => Probe.VerifyAnalyzerAsync(
        "class C { }",
        Probe.Diagnostic().WithNoLocation().WithArguments("aspnetcore+DynamicallyLinkedLibrary"));

    [Fact]
    public Task References_NetCoreExcludesAspNetCore() => new Probe.Test
    {
        TestCode = "class C { }",
        References = ReferenceSet.NetCore,
        ExpectedDiagnostics = { Probe.Diagnostic().WithNoLocation().WithArguments("DynamicallyLinkedLibrary") },
    }.RunAsync();

    [Fact]
    public Task References_HttpContextResolvesInWebProject() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            private Microsoft.AspNetCore.Http.HttpContext? [|badContext|];
        }
        """);

    [Fact]
    public async Task References_HttpContextDoesNotResolveWithNetCore()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => new Verify.Test
        {
            TestCode = """
                class C
                {
                    private Microsoft.AspNetCore.Http.HttpContext? goodContext;
                }
                """,
            References = ReferenceSet.NetCore,
        }.RunAsync());
        Assert.Contains("does not compile", ex.Message);
        Assert.Contains("CS0234", ex.Message);
    }

    [Fact]
    public Task OutputKind_TopLevelStatementsMakeAConsoleApplication() => Probe.VerifyAnalyzerAsync(
        """
        System.Console.WriteLine("hello");
        """,
        Probe.Diagnostic().WithNoLocation().WithArguments("aspnetcore+ConsoleApplication"));

    [Fact]
    public Task OutputKind_TopLevelStatementsInAdditionalSource() => new Probe.Test
    {
        TestCode = "class C { }",
        AdditionalSources = { ("Program.cs", "System.Console.WriteLine(new C());") },
        ExpectedDiagnostics = { Probe.Diagnostic().WithNoLocation().WithArguments("aspnetcore+ConsoleApplication") },
    }.RunAsync();

    [Fact]
    public async Task OutputKind_ExplicitLibraryRejectsTopLevelStatements()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => new Verify.Test
        {
            TestCode = """System.Console.WriteLine("hello");""",
            OutputKind = OutputKind.DynamicallyLinkedLibrary,
        }.RunAsync());
        Assert.Contains("CS8805", ex.Message);
    }

    [Fact]
    public async Task LanguageVersion_IsApplied()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => new Verify.Test
        {
            TestCode = """
                namespace N;

                class C
                {
                }
                """,
            LanguageVersion = LanguageVersion.CSharp9,
        }.RunAsync());
        Assert.Contains("does not compile", ex.Message);
    }

    [Fact]
    public Task LanguageVersion_PreviewIsAllowed() => new Verify.Test
    {
        TestCode = """
            class C
            {
                private int [|badX|];
            }
            """,
        LanguageVersion = LanguageVersion.Preview,
    }.RunAsync();

    [Fact]
    public Task PreprocessorSymbols_AreDefined() => new Verify.Test
    {
        TestCode = """
            class C
            {
            #if DEBUG
                private int [|badX|];
            #endif
            }
            """,
        PreprocessorSymbols = { "DEBUG" },
    }.RunAsync();

    [Fact]
    public Task StubAssembly_ProvidesMetadataReference() => new Verify.Test
    {
        TestCode = """
            using Acme.Storage;

            class C
            {
                private BlobStore [|badStore|] = new("orders");

                public void Save() => badStore.Save("x");
            }
            """,
        AdditionalReferences = { StubAssembly.Create("Acme.Storage", AcmeStub) },
    }.RunAsync();

    [Fact]
    public async Task StubAssembly_MissingReferenceDoesNotCompile()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Verify.VerifyAnalyzerAsync("""
            class C
            {
                private Acme.Storage.BlobStore? goodStore;
            }
            """));
        Assert.Contains("does not compile", ex.Message);
    }

    [Fact]
    public void StubAssembly_IsMetadataAndCached()
    {
        var first = StubAssembly.Create("Acme.Storage", AcmeStub);
        var second = StubAssembly.Create("Acme.Storage", AcmeStub);
        Assert.IsAssignableFrom<PortableExecutableReference>(first);
        Assert.Same(first, second);
    }

    [Fact]
    public void StubAssembly_CompileErrorThrows()
    {
        var ex = Assert.ThrowsAny<Exception>(() => StubAssembly.Create("Broken.Stub", "namespace Broken; public class X : Undefined { }"));
        Assert.Contains("does not compile", ex.Message);
        Assert.Contains("CS0246", ex.Message);
    }

    [Fact]
    public void StubAssembly_CanReferenceAnotherStub()
    {
        var acme = StubAssembly.Create("Acme.Storage", AcmeStub);
        var reference = StubAssembly.Create("Acme.Extensions", "namespace Acme.Extensions; public static class E { public static void Go(this Acme.Storage.BlobStore s) { } }", acme);
        Assert.NotNull(reference);
    }

    private const string AcmeStub = """
        namespace Acme.Storage;

        public sealed class BlobStore
        {
            public BlobStore(string container) { }

            public void Save(string name) { }
        }
        """;
}
