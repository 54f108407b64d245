using VerifyFix = StatelessAnalyzers.Tests.Verification.CSharpCodeFixVerifier<
    StatelessAnalyzers.Tests.Verification.BadFieldAnalyzer,
    StatelessAnalyzers.Tests.Verification.RenameBadFieldFix>;

namespace StatelessAnalyzers.Tests.Verification;

/// <summary>The code-fix verifier checks the fix one at a time, as FixAll in three scopes, compiles and re-analyses.</summary>
public sealed class CodeFixVerifierTests
{
    private const string TwoBadFields = """
        class C
        {
            private int [|badX|];
            private string [|badY|] = "";
        }
        """;

    private const string TwoGoodFields = """
        class C
        {
            private int goodX;
            private string goodY = "";
        }
        """;

    [Fact]
    public Task Fix_ExactOutputOneByOneAndFixAll() => VerifyFix.VerifyCodeFixAsync(TwoBadFields, TwoGoodFields);

    [Fact]
    public Task Fix_WithExplicitExpectedDiagnostic() => VerifyFix.VerifyCodeFixAsync("""
        class C
        {
            private int {|#0:badX|};
        }
        """, VerifyFix.Diagnostic().WithLocation(0).WithArguments("badX"), """
        class C
        {
            private int goodX;
        }
        """);

    [Fact]
    public Task Fix_LineEndingsDoNotMatter() => VerifyFix.VerifyCodeFixAsync(
        "class C\r\n{\r\n    private int [|badX|];\r\n}\r\n",
        "class C\n{\n    private int goodX;\n}\n");

    [Fact]
    public Task FixAll_AcrossDocumentsInEveryScope() => new VerifyFix.Test
    {
        TestCode = TwoBadFields,
        AdditionalSources = { ("Other.cs", "class D\n{\n    private int [|badZ|];\n}\n") },
        FixedCode = TwoGoodFields,
        FixedAdditionalSources = { ("Other.cs", "class D\n{\n    private int goodZ;\n}\n") },
    }.RunAsync();

    [Fact]
    public async Task Fails_FixedCodeDiffersWithCaretAtFirstDifference()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => VerifyFix.VerifyCodeFixAsync(TwoBadFields, """
            class C
            {
                private int goodX;
                private string fineY = "";
            }
            """));
        Assert.Contains("Code fix (one diagnostic at a time)", ex.Message);
        Assert.Contains("line 4, column 20", ex.Message);
        Assert.Contains("  expected:     private string fineY = \"\";", ex.Message);
        Assert.Contains("  actual:       private string goodY = \"\";", ex.Message);
        Assert.Contains("            " + new string(' ', 19) + "^", ex.Message);
    }

    [Fact]
    public async Task Fails_FixAllThatMissesDiagnostics()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() =>
            CSharpCodeFixVerifier<BadFieldAnalyzer, BrokenFixAllFix>.VerifyCodeFixAsync(TwoBadFields, TwoGoodFields));
        Assert.Contains("FixAll in Document scope", ex.Message);
        Assert.Contains("private string badY", ex.Message);
    }

    [Fact]
    public Task Passes_FixAllSkipped() => new CSharpCodeFixVerifier<BadFieldAnalyzer, BrokenFixAllFix>.Test
    {
        TestCode = TwoBadFields,
        FixedCode = TwoGoodFields,
        SkipFixAll = true,
    }.RunAsync();

    [Fact]
    public Task EquivalenceKey_SelectsTheAction() => new CSharpCodeFixVerifier<BadFieldAnalyzer, TwoRenamesFix>.Test
    {
        TestCode = TwoBadFields,
        FixedCode = """
            class C
            {
                private int fineX;
                private string fineY = "";
            }
            """,
        CodeActionEquivalenceKey = TwoRenamesFix.FineKey,
    }.RunAsync();

    [Fact]
    public async Task Fails_SeveralActionsWithoutKey()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() =>
            CSharpCodeFixVerifier<BadFieldAnalyzer, TwoRenamesFix>.VerifyCodeFixAsync(TwoBadFields, TwoGoodFields));
        Assert.Contains("Several code actions", ex.Message);
        Assert.Contains(TwoRenamesFix.GoodKey, ex.Message);
        Assert.Contains(TwoRenamesFix.FineKey, ex.Message);
    }

    [Fact]
    public async Task Fails_KeyThatNoActionHas()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => new VerifyFix.Test
        {
            TestCode = TwoBadFields,
            FixedCode = TwoGoodFields,
            CodeActionEquivalenceKey = "No.Such.Key",
        }.RunAsync());
        Assert.Contains("no fix was applied", ex.Message);
        Assert.Contains(RenameBadFieldFix.Key, ex.Message);
    }

    [Fact]
    public Task NestedActions_AreFlattened() =>
        CSharpCodeFixVerifier<BadFieldAnalyzer, NestedRenameFix>.VerifyCodeFixAsync(TwoBadFields, TwoGoodFields);

    [Fact]
    public Task NoFix_PassesWhenNoActionRegistered() =>
        CSharpCodeFixVerifier<BadFieldAnalyzer, NoActionFix>.VerifyCodeFixAsync(TwoBadFields, TwoBadFields);

    [Fact]
    public Task NoFix_PassesWhenFixedCodeIsNullAndFixDeclines() => new VerifyFix.Test
    {
        TestCode = """
            class C
            {
                private int [|badKeep|];
            }
            """,
    }.RunAsync();

    [Fact]
    public async Task Fails_NoFixExpectedButOffered()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => VerifyFix.VerifyCodeFixAsync(TwoBadFields, TwoBadFields));
        Assert.Contains("No-fix test", ex.Message);
        Assert.Contains("'Rename to good'", ex.Message);
        Assert.Contains("private int badX;", ex.Message);
    }

    [Fact]
    public Task NoFix_WithKeyOnlyChecksThatKey() => new VerifyFix.Test
    {
        TestCode = TwoBadFields,
        FixedCode = TwoBadFields,
        CodeActionEquivalenceKey = "Some.Other.Fix",
    }.RunAsync();

    [Fact]
    public async Task EveryFixPass_IsCompiled()
    {
        var test = new VerifyFix.Test { TestCode = TwoBadFields, FixedCode = TwoGoodFields };
        var before = VerifyFix.Test.TotalFixedCompilationsChecked;

        await test.RunAsync();

        // One diagnostic at a time, then FixAll in Document, Project and Solution scope.
        Assert.Equal(4, test.FixedCompilationsChecked);
        Assert.True(VerifyFix.Test.TotalFixedCompilationsChecked >= before + 4);
    }

    [Fact]
    public async Task NoFixTest_CompilesNothing()
    {
        var test = new VerifyFix.Test
        {
            TestCode = """
                class C
                {
                    private int [|badKeep|];
                }
                """,
            FixedCode = null,
        };

        await test.RunAsync();

        Assert.Equal(0, test.FixedCompilationsChecked);
    }

    [Fact]
    public async Task Fails_FixThatBreaksTheBuild()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() =>
            CSharpCodeFixVerifier<BadFieldAnalyzer, BreakingFix>.VerifyCodeFixAsync("""
                class C
                {
                    private int [|badX|];
                }
                """, """
                class C
                {
                    private UndefinedType goodX;
                }
                """));
        Assert.Contains("new compiler errors", ex.Message);
        Assert.Contains("CS0246", ex.Message);
        Assert.Contains("private UndefinedType goodX;", ex.Message);
    }

    [Fact]
    public Task FixedCode_MarkupDescribesRemainingDiagnostics() => VerifyFix.VerifyCodeFixAsync("""
        class C
        {
            private int [|badX|];
            private int [|badKeep|];
        }
        """, """
        class C
        {
            private int goodX;
            private int [|badKeep|];
        }
        """);

    [Fact]
    public Task FixedExpectedDiagnostics_DescribeRemainingDiagnostics() => new VerifyFix.Test
    {
        TestCode = """
            class C
            {
                private int [|badX|];
                private int [|badKeep|];
            }
            """,
        FixedCode = """
            class C
            {
                private int goodX;
                private int {|#0:badKeep|};
            }
            """,
        FixedExpectedDiagnostics = { VerifyFix.Diagnostic().WithLocation(0).WithArguments("badKeep") },
    }.RunAsync();

    [Fact]
    public async Task Fails_UnexpectedDiagnosticRemainsAfterFix()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => VerifyFix.VerifyCodeFixAsync("""
            class C
            {
                private int [|badX|];
                private int [|badKeep|];
            }
            """, """
            class C
            {
                private int goodX;
                private int badKeep;
            }
            """));
        Assert.Contains("diagnostics remaining on the fixed code", ex.Message);
        Assert.Contains("[UNEXPECTED]", ex.Message);
    }

    [Fact]
    public async Task Fails_AnalyzerMismatchBeforeAnyFix()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => VerifyFix.VerifyCodeFixAsync("""
            class C
            {
                private int badX;
            }
            """, """
            class C
            {
                private int goodX;
            }
            """));
        Assert.Contains("Analyzer diagnostics on the test code", ex.Message);
    }

    [Fact]
    public Task VerifyAnalyzerAsync_IsAvailableOnTheCodeFixVerifier() => VerifyFix.VerifyAnalyzerAsync("""
        class C
        {
            private int {|#0:badX|};
        }
        """, VerifyFix.Diagnostic().WithLocation(0).WithArguments("badX"));

    [Fact]
    public Task Fix_WorksWithConfigDocumentsInTheWorkspace() => new VerifyFix.Test
    {
        TestCode = TwoBadFields,
        FixedCode = TwoGoodFields,
        GlobalConfig = "is_global = true\nsome_option = 1",
        EditorConfig = "root = true\n[*.cs]\nother_option = 2",
    }.RunAsync();

    [Fact]
    public Task Fix_ReadsGlobalConfigThroughTheWorkspace() => new CSharpCodeFixVerifier<BadFieldAnalyzer, ConfiguredRenameFix>.Test
    {
        TestCode = TwoBadFields,
        FixedCode = TwoBadFields.Replace("[|bad", "nice", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal),
        GlobalConfig = "is_global = true\ntest_fix_prefix = nice",
    }.RunAsync();

    [Fact]
    public Task Fix_ReadsEditorConfigThroughTheWorkspace() => new CSharpCodeFixVerifier<BadFieldAnalyzer, ConfiguredRenameFix>.Test
    {
        TestCode = TwoBadFields,
        FixedCode = TwoBadFields.Replace("[|bad", "fine", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal),
        EditorConfig = "root = true\n[*.cs]\ntest_fix_prefix = fine",
    }.RunAsync();
}
