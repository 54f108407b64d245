using Microsoft.CodeAnalysis;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Tests.Verification.BadFieldAnalyzer>;

namespace StatelessAnalyzers.Tests.Verification;

/// <summary>The analyzer verifier accepts what matches and reports every kind of mismatch readably.</summary>
public sealed class AnalyzerVerifierTests
{
    [Fact]
    public Task Passes_SquareBracketMarkupExpectsDefaultDiagnostic() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            private int [|badX|];
        }
        """);

    [Fact]
    public Task Passes_NumberedMarkupWithArguments() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            private int {|#0:badX|};
            private int {|#1:badY|};
        }
        """,
        Verify.Diagnostic().WithLocation(1).WithArguments("badY"),
        Verify.Diagnostic().WithLocation(0).WithArguments("badX"));

    [Fact]
    public Task Passes_IdMarkup() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            private int {|TST0001:badX|};
        }
        """);

    [Fact]
    public Task Passes_NoDiagnosticsExpectedOrReported() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            private int goodX;
        }
        """);

    [Fact]
    public Task Passes_MarkupInAdditionalSourcesWithGlobalKeys() => new Verify.Test
    {
        TestCode = """
            class C
            {
                private int {|#0:badX|};
            }
            """,
        AdditionalSources =
        {
            ("Other.cs", """
                class D
                {
                    private int {|#1:badY|};
                    private int [|badZ|];
                }
                """),
        },
        ExpectedDiagnostics =
        {
            Verify.Diagnostic().WithLocation(0).WithArguments("badX"),
            Verify.Diagnostic().WithLocation(1).WithArguments("badY"),
        },
    }.RunAsync();

    [Fact]
    public Task Passes_DiagnosticFromDescriptorUsesItsFormat() =>
        CSharpAnalyzerVerifier<SharedIdAnalyzer>.VerifyAnalyzerAsync("""
            class C
            {
                private int {|#0:badX|};
                private int {|#1:worseX|};
            }
            """,
            CSharpAnalyzerVerifier<SharedIdAnalyzer>.Diagnostic().WithLocation(0).WithArguments("badX"),
            CSharpAnalyzerVerifier<SharedIdAnalyzer>.Diagnostic(TestDescriptors.BadFieldAgain).WithLocation(1).WithArguments("worseX"));

    [Fact]
    public async Task Fails_DescriptorWithOtherFormat()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => CSharpAnalyzerVerifier<SharedIdAnalyzer>.VerifyAnalyzerAsync("""
            class C
            {
                private int {|#0:worseX|};
            }
            """,
            CSharpAnalyzerVerifier<SharedIdAnalyzer>.Diagnostic(TestDescriptors.BadField).WithLocation(0).WithArguments("worseX")));
        Assert.Contains("Field 'worseX' is bad", ex.Message);
        Assert.Contains("Field 'worseX' is really bad", ex.Message);
    }

    [Fact]
    public async Task Fails_ArgumentMismatchShowsExpectedActualAndSourceLine()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Verify.VerifyAnalyzerAsync("""
            class C
            {
                private int {|#0:badX|};
            }
            """, Verify.Diagnostic().WithLocation(0).WithArguments("badY")));
        Assert.Contains("Field 'badY' is bad", ex.Message);
        Assert.Contains("Field 'badX' is bad", ex.Message);
        Assert.Contains("    private int badX;", ex.Message);
        Assert.Contains("                ^^^^", ex.Message);
        Assert.Contains("arguments: expected message", ex.Message);
        Assert.Contains("Test0.cs(3,17)", ex.Message);
    }

    [Fact]
    public async Task Fails_UnexpectedDiagnosticWithPasteReadyMarkup()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Verify.VerifyAnalyzerAsync("""
            class C
            {
                private int badX;
            }
            """));
        Assert.Contains("[UNEXPECTED]", ex.Message);
        Assert.Contains("expected 0 diagnostic(s), found 1", ex.Message);
        Assert.Contains("    private int {|#0:badX|};", ex.Message);
        Assert.Contains("Verify.Diagnostic().WithLocation(0).WithArguments(\"badX\"),", ex.Message);
    }

    [Fact]
    public async Task Fails_ExpectedDiagnosticNotReported()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Verify.VerifyAnalyzerAsync("""
            class C
            {
                private int {|#0:goodX|};
            }
            """, Verify.Diagnostic().WithLocation(0)));
        Assert.Contains("[NOT FOUND]", ex.Message);
        Assert.Contains("private int goodX;", ex.Message);
    }

    [Fact]
    public async Task Fails_LocationMismatch()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Verify.VerifyAnalyzerAsync("""
            class C
            {
                private int {|#0:bad|}X;
            }
            """, Verify.Diagnostic().WithLocation(0).WithArguments("badX")));
        Assert.Contains("location: expected", ex.Message);
        Assert.Contains("[NOT FOUND]", ex.Message);
        Assert.Contains("[UNEXPECTED]", ex.Message);
    }

    [Fact]
    public async Task Fails_SecondOfTwoDiagnosticsMissingFromExpectations()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Verify.VerifyAnalyzerAsync("""
            class C
            {
                private int [|badX|];
                private int badY;
            }
            """));
        Assert.Contains("[ok]", ex.Message);
        Assert.Contains("private int {|#1:badY|};", ex.Message);
    }

    [Fact]
    public Task Passes_Severity() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            private int {|#0:badX|};
        }
        """, Verify.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Warning));

    [Fact]
    public async Task Fails_SeverityMismatch()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Verify.VerifyAnalyzerAsync("""
            class C
            {
                private int {|#0:badX|};
            }
            """, Verify.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error)));
        Assert.Contains("severity: expected Error, actual Warning", ex.Message);
    }

    [Fact]
    public Task Passes_SeverityFromGlobalConfig() => new Verify.Test
    {
        TestCode = """
            class C
            {
                private int {|#0:badX|};
            }
            """,
        GlobalConfig = """
            is_global = true
            dotnet_diagnostic.TST0001.severity = error
            """,
        ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithSeverity(DiagnosticSeverity.Error) },
    }.RunAsync();

    [Fact]
    public Task Passes_SuppressedBySeverityNone() => new Verify.Test
    {
        TestCode = """
            class C
            {
                private int badX;
            }
            """,
        GlobalConfig = """
            is_global = true
            dotnet_diagnostic.TST0001.severity = none
            """,
    }.RunAsync();

    [Fact]
    public Task Passes_Message() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            private int {|#0:badX|};
        }
        """, Verify.Diagnostic().WithLocation(0).WithMessage("Field 'badX' is bad"));

    [Fact]
    public async Task Fails_MessageMismatch()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Verify.VerifyAnalyzerAsync("""
            class C
            {
                private int {|#0:badX|};
            }
            """, Verify.Diagnostic().WithLocation(0).WithMessage("Field 'badX' is fine")));
        Assert.Contains("message: expected message \"Field 'badX' is fine\", actual \"Field 'badX' is bad\"", ex.Message);
    }

    [Fact]
    public Task Passes_AdditionalLocations() => CSharpAnalyzerVerifier<PairAnalyzer>.VerifyAnalyzerAsync("""
        class {|#1:P|}
        {
            private int {|#0:pairA|};
        }
        """, CSharpAnalyzerVerifier<PairAnalyzer>.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("pairA"));

    [Fact]
    public async Task Fails_AdditionalLocationMismatch()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => CSharpAnalyzerVerifier<PairAnalyzer>.VerifyAnalyzerAsync("""
            class P
            {
                private int {|#0:pairA|};
                private int {|#1:other|};
            }
            """, CSharpAnalyzerVerifier<PairAnalyzer>.Diagnostic().WithLocation(0).WithLocation(1)));
        Assert.Contains("additional location 1: expected", ex.Message);
    }

    [Fact]
    public async Task Fails_ExpectedDiagnosticWithoutLocation()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Verify.VerifyAnalyzerAsync("""
            class C
            {
                private int badX;
            }
            """, Verify.Diagnostic().WithArguments("badX")));
        Assert.Contains("has no location", ex.Message);
    }

    [Fact]
    public async Task Fails_UnknownMarkupKey()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Verify.VerifyAnalyzerAsync("""
            class C
            {
                private int {|#0:badX|};
            }
            """, Verify.Diagnostic().WithLocation(3)));
        Assert.Contains("{|#3:", ex.Message);
    }

    [Fact]
    public async Task Fails_UnusedMarkupKey()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Verify.VerifyAnalyzerAsync("""
            class C
            {
                private int {|#0:badX|};
            }
            """));
        Assert.Contains("is not used by any expected diagnostic", ex.Message);
    }

    [Fact]
    public void Diagnostic_ThrowsWhenAnalyzerHasSeveralIds()
    {
        var ex = Assert.ThrowsAny<Exception>(() => CSharpAnalyzerVerifier<OptionAnalyzer>.Diagnostic());
        Assert.Contains("several diagnostic IDs (TST0002, TST0003)", ex.Message);
    }

    [Fact]
    public async Task Fails_CompilerErrorInTestCode()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Verify.VerifyAnalyzerAsync("""
            class C
            {
                private Undefined goodX;
            }
            """));
        Assert.Contains("does not compile", ex.Message);
        Assert.Contains("CS0246", ex.Message);
        Assert.Contains("    private Undefined goodX;", ex.Message);
    }

    [Fact]
    public Task Passes_CompilerErrorAllowed() => new Verify.Test
    {
        TestCode = """
            class C
            {
                private Undefined [|badX|];
            }
            """,
        AllowCompilerErrors = true,
    }.RunAsync();

    [Fact]
    public Task Passes_CompilerErrorExpected() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            private {|#0:Undefined|} [|badX|];
            private {|CS0246:Missing|} goodX;
        }
        """, DiagnosticResult.CompilerError("CS0246").WithLocation(0));

    [Fact]
    public async Task Fails_CompilerErrorExpectedButAnotherPresent()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Verify.VerifyAnalyzerAsync("""
            class C
            {
                private {|#0:Undefined|} goodX;
                private Missing goodY;
            }
            """, DiagnosticResult.CompilerError("CS0246").WithLocation(0)));
        Assert.Contains("[UNEXPECTED] CS0246", ex.Message);
        Assert.Contains("Missing", ex.Message);
    }

    [Fact]
    public Task Passes_CompilerWarningExpected() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            private int {|#0:badX|};
        }
        """,
        Verify.Diagnostic().WithLocation(0),
        DiagnosticResult.CompilerWarning("CS0169").WithLocation(0).WithMessage("The field 'C.badX' is never used"));

    [Fact]
    public async Task Fails_AnalyzerException()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => CSharpAnalyzerVerifier<ThrowingAnalyzer>.VerifyAnalyzerAsync("""
            class C
            {
                private int goodX;
            }
            """));
        Assert.Contains("threw", ex.Message);
        Assert.Contains("boom from the test analyzer", ex.Message);
    }

    [Fact]
    public async Task Fails_AnalyzerReportingInGeneratedCode()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => CSharpAnalyzerVerifier<BadFieldInGeneratedCodeAnalyzer>.VerifyAnalyzerAsync("""
            class C
            {
                private int [|badX|];
            }
            """));
        Assert.Contains("Generated-code check", ex.Message);
        Assert.Contains("private int badX;", ex.Message);
    }

    [Fact]
    public Task Passes_GeneratedCodeCheckSkipped() => new CSharpAnalyzerVerifier<BadFieldInGeneratedCodeAnalyzer>.Test
    {
        TestCode = """
            class C
            {
                private int [|badX|];
            }
            """,
        SkipGeneratedCodeCheck = true,
    }.RunAsync();

    [Fact]
    public async Task Fails_MarkupNeverClosed()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Verify.VerifyAnalyzerAsync("""
            class C
            {
                private int [|badX;
            }
            """));
        Assert.Contains("never closed", ex.Message);
    }
}
