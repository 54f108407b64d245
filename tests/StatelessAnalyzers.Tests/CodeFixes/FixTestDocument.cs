using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using StatelessAnalyzers.Tests.Verification;

namespace StatelessAnalyzers.Tests.CodeFixes;

/// <summary>Small documents in an <see cref="AdhocWorkspace"/> for the unit tests of the shared fix infrastructure.</summary>
internal static class FixTestDocument
{
    public static Document Create(string source, params (string Name, string Source)[] others)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(Microsoft.CodeAnalysis.ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "TestProject",
            "TestProject",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: ReferenceAssemblies.Get(ReferenceSet.AspNetCore)));
        var document = workspace.AddDocument(project.Id, "Test.cs", SourceText.From(source));
        foreach (var (name, text) in others)
            document = document.Project.AddDocument(name, SourceText.From(text));
        return document.Project.GetDocument(document.Id)!;
    }

    public static async Task<(Document Document, CompilationUnitSyntax Root, SemanticModel Model)> OpenAsync(string source, params (string Name, string Source)[] others)
    {
        var document = Create(source, others);
        var root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync())!;
        var model = (await document.GetSemanticModelAsync())!;
        var errors = model.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "Test source does not compile:\n" + string.Join("\n", errors));
        return (document, root, model);
    }

    /// <summary>What an IDE shows after a fix: annotated nodes simplified and formatted, line endings normalised.</summary>
    public static async Task<string> CleanTextAsync(Document document)
    {
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation);
        document = await Formatter.FormatAsync(document, Formatter.Annotation);
        return (await document.GetTextAsync()).ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
