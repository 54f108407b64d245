using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Storage.SL3002TemporaryFileAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Storage;

public sealed class SL3002TemporaryFileTests
{
    [Fact]
    public Task Reports_TempFileNameAndWritesUnderTheTempFolder() => Verify.VerifyAnalyzerAsync("""
        using System.IO;

        public static class Invoices
        {
            public static void Render(byte[] pdf)
            {
                var scratch = Path.{|#0:GetTempFileName|}();
                File.WriteAllBytes(scratch, pdf);
                var folder = Path.Combine(Path.GetTempPath(), "invoices");
                Directory.{|#1:CreateDirectory|}(folder);
                File.[|WriteAllBytes|](Path.Combine(Path.GetTempPath(), "invoice.pdf"), pdf);
                using var stream = new [|FileStream|](Path.Combine(folder, "x.pdf"), FileMode.Create);
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Path.GetTempFileName"),
        Verify.Diagnostic().WithLocation(1).WithArguments("Directory.CreateDirectory"));

    [Fact]
    public Task Ignores_LocalPathsReadsAndGuards() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        public static class Reports
        {
            public static string Render(IWebHostEnvironment environment)
            {
                File.WriteAllText("report.txt", "local, SL3001's");
                var temp = Path.GetTempPath();
                if (environment.IsDevelopment())
                    File.WriteAllText(Path.GetTempFileName(), "dev");
                return File.ReadAllText(Path.Combine(temp, "cached.txt"));
            }
        }
        """);

    [Fact]
    public Task Ignores_TestProjects() => Verify.VerifyAnalyzerAsync("""
        namespace Xunit { public sealed class FactAttribute : System.Attribute { } }

        public static class Fixture
        {
            public static string Scratch() => System.IO.Path.GetTempFileName();
        }
        """);
}
