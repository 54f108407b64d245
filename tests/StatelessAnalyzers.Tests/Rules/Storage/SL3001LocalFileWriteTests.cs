using StatelessAnalyzers.Tests.Stubs;
using StatelessAnalyzers.Tests.Verification;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Storage.SL3001LocalFileWriteAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Storage;

public sealed partial class SL3001LocalFileWriteTests
{
    [Fact]
    public Task Reports_TheUploadShape() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public sealed class UploadsController : ControllerBase
        {
            [HttpPost]
            public async Task<IActionResult> Upload(IFormFile file)
            {
                var path = Path.Combine("uploads", file.FileName);
                using var stream = new {|#0:FileStream|}(path, FileMode.Create);
                await file.CopyToAsync(stream);
                return Ok();
            }
        }
        """, Verify.Diagnostic().WithLocation(0).WithArguments("new FileStream"));

    [Fact]
    public Task Reports_EveryStaticFileApi() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;

        public static class Exports
        {
            public static async Task Write(string path, byte[] bytes, string[] lines)
            {
                File.{|#0:WriteAllText|}(path, "x");
                await File.[|WriteAllTextAsync|](path, "x");
                File.[|WriteAllBytes|](path, bytes);
                await File.[|WriteAllBytesAsync|](path, bytes);
                File.[|WriteAllLines|](path, lines);
                await File.[|WriteAllLinesAsync|](path, lines);
                File.[|AppendAllText|](path, "x");
                await File.[|AppendAllTextAsync|](path, "x");
                File.[|AppendAllLines|](path, lines);
                File.[|AppendText|](path).Dispose();
                File.[|Create|](path).Dispose();
                File.[|CreateText|](path).Dispose();
                File.[|OpenWrite|](path).Dispose();
                File.[|Open|](path, FileMode.Append).Dispose();
                File.[|Open|](path, FileMode.Open, FileAccess.Write).Dispose();
                File.[|Open|](path, mode: FileMode.OpenOrCreate, access: FileAccess.Read).Dispose();
                File.[|Copy|]("a.txt", path);
                File.[|Move|]("a.txt", path, overwrite: true);
                File.[|Replace|]("a.txt", path, null);
                Directory.[|CreateDirectory|](path);
                System.IO.File.[|WriteAllText|](path, "fully qualified");
            }
        }
        """, Verify.Diagnostic().WithLocation(0).WithArguments("File.WriteAllText"));

    [Fact]
    public Task Reports_InstanceFormsAliasesAndConstants() => new Verify.Test
    {
        TestCode = """
            using System.IO;
            using System.IO.Compression;
            using System.Xml;
            using System.Xml.Linq;
            using IOFile = System.IO.File;

            public static class Exports
            {
                private const FileMode Mode = FileMode.Truncate;

                public static void Write(string path, System.Drawing.Image image)
                {
                    var info = new FileInfo(path);
                    info.[|Create|]().Dispose();
                    info.[|CreateText|]().Dispose();
                    info.[|AppendText|]().Dispose();
                    info.[|OpenWrite|]().Dispose();
                    info.[|CopyTo|]("copy.txt");
                    info.[|MoveTo|]("moved.txt");
                    info.[|Open|](FileMode.CreateNew).Dispose();
                    IOFile.[|WriteAllText|](path, "alias");
                    new [|FileStream|](path, Mode).Dispose();
                    new [|FileStream|](path, FileMode.Open, FileAccess.ReadWrite).Dispose();
                    new [|StreamWriter|](path).Dispose();
                    new [|StreamWriter|](path, append: true).Dispose();
                    new XDocument().[|Save|](path);
                    new XmlDocument().[|Save|](path);
                    XmlWriter.[|Create|](path).Dispose();
                    ZipFile.[|CreateFromDirectory|]("dir", path);
                    ZipFile.[|ExtractToDirectory|](path, "dir");
                    image.[|Save|](path);
                }
            }
            """,
        AdditionalSources = { ("Drawing.cs", DrawingStubs.Image) },
    }.RunAsync();

    [Fact]
    public Task Reports_LiteralPathsWithConstantModes() => Verify.VerifyAnalyzerAsync("""
        using System.IO;

        public static class Exports
        {
            public static void Write()
            {
                new [|FileStream|]("exports/all.bin", FileMode.Append).Dispose();
                File.[|Open|]("exports/all.bin", FileMode.Create, FileAccess.Write).Dispose();
                new FileStream("exports/all.bin", FileMode.Open, FileAccess.Read).Dispose();
            }
        }
        """);

    [Fact]
    public Task Ignores_ReadsStreamsAndTempPaths() => new Verify.Test
    {
        TestCode = """
            using System.IO;
            using System.Xml.Linq;

            public static class Reader
            {
                public static string Read(string path, Stream output, System.Drawing.Image image)
                {
                    var text = File.ReadAllText(path);
                    using var read = new FileStream(path, FileMode.Open);
                    using var readOnly = File.Open(path, FileMode.Open, FileAccess.Read);
                    using var openRead = File.OpenRead(path);
                    using var reader = new StreamReader(path);
                    using var toStream = new StreamWriter(output);
                    new XDocument().Save(output);
                    image.Save(output, new object());
                    var exists = File.Exists(path) && Directory.Exists(path);
                    var temp = Path.Combine(Path.GetTempPath(), "scratch.txt");
                    File.WriteAllText(temp, "scratch");
                    File.WriteAllText(Path.GetTempFileName(), "scratch");
                    return text + exists;
                }
            }
            """,
        AdditionalSources = { ("Drawing.cs", DrawingStubs.Image) },
    }.RunAsync();

    [Fact]
    public Task Ignores_DevelopmentGuardsAndConsoleEntryPoints() => new Verify.Test
    {
        TestCode = """
            using System.IO;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var app = WebApplication.CreateBuilder(args).Build();
            if (app.Environment.IsDevelopment())
                File.WriteAllText("snapshot.txt", "dev only");
            #if DEBUG
            File.WriteAllText("debug.txt", "debug only");
            #endif
            app.MapPost("/export", () => File.[|WriteAllText|]("export.csv", "a,b"));
            app.Run();
            """,
        PreprocessorSymbols = { "DEBUG" },
    }.RunAsync();

    [Fact]
    public Task Ignores_NonWebProjectsAndTestProjects() => new Verify.Test
    {
        TestCode = """
            public static class Tool
            {
                public static void Main() => System.IO.File.WriteAllText("out.txt", "x");
            }
            """,
        References = ReferenceSet.NetCore,
    }.RunAsync();

    [Fact]
    public Task Ignores_TestProjects() => Verify.VerifyAnalyzerAsync("""
        namespace Xunit { public sealed class FactAttribute : System.Attribute { } }

        public static class Fixture
        {
            public static void Write() => System.IO.File.WriteAllText("fixture.txt", "x");
        }
        """);

    [Fact]
    public Task Ignores_BrokenCode() => new Verify.Test
    {
        TestCode = """
            using System.IO;

            public static class Broken
            {
                public static void Write(string path)
                {
                    File.WriteAllText(missing, );
                    Missing.WriteAllText(path, "x");
                    new FileStream(path, (FileMode)unknown);
                    File.[|WriteAllBytes|](path, new byte[0]);
                }
            """,
        AllowCompilerErrors = true,
    }.RunAsync();
}
