using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatelessAnalyzers.Tests.Verification;

/// <summary>
/// Analyzer verifier in Microsoft's shape:
/// <c>using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier&lt;MyAnalyzer&gt;;</c>
/// </summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>The analyzer's only diagnostic ID (descriptors sharing one ID are fine; several IDs throw).</summary>
    public static DiagnosticResult Diagnostic() => DiagnosticResult.ForId(AnalyzerInfo<TAnalyzer>.DefaultId);

    public static DiagnosticResult Diagnostic(string diagnosticId) => DiagnosticResult.ForId(diagnosticId);

    /// <summary>A result whose arguments are formatted with this descriptor's message format.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : AnalyzerTest<TAnalyzer>
    {
    }
}

/// <summary>
/// Code-fix verifier in Microsoft's shape:
/// <c>using Verify = StatelessAnalyzers.Tests.Verification.CSharpCodeFixVerifier&lt;MyAnalyzer, MyFix&gt;;</c>
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <inheritdoc cref="CSharpAnalyzerVerifier{TAnalyzer}.Diagnostic()"/>
    public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<TAnalyzer>.Diagnostic();

    public static DiagnosticResult Diagnostic(string diagnosticId) => CSharpAnalyzerVerifier<TAnalyzer>.Diagnostic(diagnosticId);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpAnalyzerVerifier<TAnalyzer>.Diagnostic(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        CSharpAnalyzerVerifier<TAnalyzer>.VerifyAnalyzerAsync(source, expected);

    /// <summary>Diagnostics come from the markup of <paramref name="source"/>; pass the source itself as <paramref name="fixedSource"/> for "no fix offered".</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource) =>
        VerifyCodeFixAsync(source, Array.Empty<DiagnosticResult>(), fixedSource);

    public static Task VerifyCodeFixAsync(string source, DiagnosticResult expected, string fixedSource) =>
        VerifyCodeFixAsync(source, new[] { expected }, fixedSource);

    public static Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CodeFixTest<TAnalyzer, TCodeFix>
    {
    }
}
