using System;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using StatelessAnalyzers.CodeFixes.Common;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.CodeFixes.Rules.Storage;

/// <summary>
/// The small <c>IBlobStorage</c> interface the SL3001 fix adds to a project that references no blob client: one file,
/// <see cref="FileName"/>, generated once and reused by every later fix.
/// </summary>
internal static class BlobStorageInterface
{
    /// <summary>The name of the generated interface.</summary>
    public const string TypeName = "IBlobStorage";

    /// <summary>The name of the generated document.</summary>
    public const string FileName = TypeName + ".cs";

    /// <summary>
    /// The namespace the interface goes to: the <c>stateless_analyzers.blob_abstraction_namespace</c> option of
    /// <paramref name="tree"/>, else the project's default namespace, else <paramref name="fallback"/> (the namespace of
    /// the fixed type; empty for the global namespace).
    /// </summary>
    public static string ChooseNamespace(Project project, SyntaxTree tree, string fallback, out bool configured)
    {
        var options = StatelessOptions.Parse(project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree));
        configured = options.BlobAbstractionNamespace is not null;
        if (options.BlobAbstractionNamespace is { } fromOption)
            return fromOption;
        return string.IsNullOrEmpty(project.DefaultNamespace) ? fallback : project.DefaultNamespace!;
    }

    /// <summary>
    /// The interface already in the project: the one in <paramref name="namespaceName"/>, or, unless the namespace was
    /// configured, any source interface named <see cref="TypeName"/> (an earlier fix put it in another type's namespace).
    /// </summary>
    public static INamedTypeSymbol? FindExisting(Compilation compilation, string namespaceName, bool configured, CancellationToken cancellationToken)
    {
        var metadataName = namespaceName.Length == 0 ? TypeName : namespaceName + "." + TypeName;
        if (WellKnownSymbols.Get(compilation).Get(metadataName) is { TypeKind: TypeKind.Interface } exact && IsInSource(exact))
            return exact;
        if (configured)
            return null;
        return compilation.GetSymbolsWithName(TypeName, SymbolFilter.Type, cancellationToken)
            .OfType<INamedTypeSymbol>()
            .FirstOrDefault(t => t.TypeKind == TypeKind.Interface && t.Arity == 0 && IsInSource(t) && !t.GetMembers("UploadAsync").IsEmpty);
    }

    /// <summary>
    /// True when adding a file would also edit the project file: <c>dotnet format</c> applies fixes through the
    /// MSBuild workspace, which writes an explicit <c>Compile</c> item for a new document and so duplicates the SDK's
    /// default item (NETSDK1022). There the interface is added to the fixed document instead.
    /// </summary>
    public static bool MustStayInDocument(Project project) =>
        string.Equals(project.Solution.Workspace.Kind, WorkspaceKind.MSBuild, StringComparison.Ordinal);

    /// <summary>
    /// Adds the interface to <paramref name="root"/>, after the declaration of <paramref name="typeName"/>, in the same
    /// namespace, with the usings it needs.
    /// </summary>
    public static CompilationUnitSyntax AppendTo(CompilationUnitSyntax root, string typeName, string endOfLine)
    {
        var generated = (CompilationUnitSyntax)SyntaxFactory.ParseCompilationUnit(CreateSource("", fileScoped: false, endOfLine));
        var declaration = generated.Members.OfType<InterfaceDeclarationSyntax>().Single()
            .WithLeadingTrivia(generated.Members[0].GetLeadingTrivia().Insert(0, SyntaxFactory.EndOfLine(endOfLine)))
            .WithAdditionalAnnotations(Formatter.Annotation);
        var host = root.DescendantNodes().OfType<TypeDeclarationSyntax>().FirstOrDefault(t => t.Identifier.ValueText == typeName);
        CompilationUnitSyntax updated;
        if (host?.Parent is BaseNamespaceDeclarationSyntax container)
            updated = root.ReplaceNode(container, container.WithMembers(container.Members.Insert(container.Members.IndexOf(host) + 1, declaration)));
        else if (host?.Parent is CompilationUnitSyntax)
            updated = root.WithMembers(root.Members.Insert(root.Members.IndexOf(host) + 1, declaration));
        else
            updated = root.WithMembers(root.Members.Add(declaration));
        return UsingDirectives.Add(updated, "System.IO", "System.Threading", "System.Threading.Tasks");
    }

    /// <summary>The text of <see cref="FileName"/>: a file-scoped namespace when <paramref name="fileScoped"/>, else a block.</summary>
    public static string CreateSource(string namespaceName, bool fileScoped, string endOfLine)
    {
        var members = new[]
        {
            "/// <summary>",
            "/// Stores the files the app writes in shared object storage instead of the local disk, so that every replica",
            "/// of the app sees them and none is lost when an instance stops.",
            "/// </summary>",
            "/// <remarks>",
            "/// The app registers an implementation backed by Azure Blob Storage, Amazon S3 or another object store, for",
            "/// example <c>builder.Services.AddSingleton&lt;IBlobStorage, MyBlobStorage&gt;()</c>.",
            "/// </remarks>",
            "public interface " + TypeName,
            "{",
            "    /// <summary>Uploads <paramref name=\"content\"/> as the blob <paramref name=\"name\"/>, replacing any blob of that name.</summary>",
            "    Task UploadAsync(string name, Stream content, CancellationToken cancellationToken = default);",
            "",
            "    /// <summary>Uploads the bytes <paramref name=\"content\"/> as the blob <paramref name=\"name\"/>, replacing any blob of that name.</summary>",
            "    Task UploadAsync(string name, byte[] content, CancellationToken cancellationToken = default);",
            "",
            "    /// <summary>Uploads the text <paramref name=\"content\"/>, encoded as UTF-8, as the blob <paramref name=\"name\"/>, replacing any blob of that name.</summary>",
            "    Task UploadAsync(string name, string content, CancellationToken cancellationToken = default);",
            "}",
        };

        var text = new StringBuilder();
        text.Append("using System.IO;").Append(endOfLine);
        text.Append("using System.Threading;").Append(endOfLine);
        text.Append("using System.Threading.Tasks;").Append(endOfLine);
        text.Append(endOfLine);
        var indent = "";
        if (namespaceName.Length > 0)
        {
            if (fileScoped)
            {
                text.Append("namespace ").Append(namespaceName).Append(';').Append(endOfLine).Append(endOfLine);
            }
            else
            {
                text.Append("namespace ").Append(namespaceName).Append(endOfLine).Append('{').Append(endOfLine);
                indent = "    ";
            }
        }
        foreach (var line in members)
        {
            if (line.Length > 0)
                text.Append(indent).Append(line);
            text.Append(endOfLine);
        }
        if (namespaceName.Length > 0 && !fileScoped)
            text.Append('}').Append(endOfLine);
        return text.ToString();
    }

    private static bool IsInSource(INamedTypeSymbol type) => type.Locations.Any(l => l.IsInSource);
}
