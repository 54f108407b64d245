using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using StatelessAnalyzers.CodeFixes.Common;

namespace StatelessAnalyzers.CodeFixes.Rules.Storage;

/// <summary>
/// SL3001 fix "Upload to blob storage": a write of a string, a byte array or a stream to a local file becomes an upload
/// to the object storage the project references, through a client injected in the constructor.
/// </summary>
/// <remarks>
/// <para>Shapes: <c>File.WriteAllText(Async)</c> and <c>File.WriteAllBytes(Async)</c> as statements of their own, and
/// the upload shape <c>using var s = new FileStream(path, FileMode.Create); await source.CopyToAsync(s);</c> (also as a
/// <c>using (...)</c> statement around the copy) where the stream is used for nothing else and the source is an
/// <c>IFormFile</c> (whose <c>OpenReadStream()</c> is uploaded) or a stream. The write must sit in the body of an
/// async instance method, or of an action method that can become async.</para>
/// <para>Target, by what the compilation references: a client the type already holds, else
/// <c>Azure.Storage.Blobs.BlobContainerClient</c> (<c>GetBlobClient(name).UploadAsync(content, overwrite: true)</c>,
/// text and bytes as <c>BinaryData</c>), <c>Amazon.S3.IAmazonS3</c> (<c>PutObjectAsync(new PutObjectRequest { ... })</c>,
/// with a <c>BlobBucketName</c> constant added to the type), FluentStorage <c>IBlobStorage</c> (<c>WriteAsync</c>,
/// <c>WriteTextAsync</c>), else a small <c>IBlobStorage</c> interface added to the project once
/// (<see cref="BlobStorageInterface"/>). The blob name is the file name part of the path; the request's cancellation
/// token is passed when one is in scope.</para>
/// <para>Offered only when the rewritten document compiles as well as before. FixAll rewrites the writes one after
/// the other, so the injected client and the generated interface are shared.</para>
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SL3001UploadToBlobStorageCodeFix)), Shared]
public sealed class SL3001UploadToBlobStorageCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the code action.</summary>
    public const string EquivalenceKey = "SL3001.UploadToBlobStorage";

    private const string Title = "Upload to blob storage";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SL3001");

    private static readonly FixAllProvider FixAllInstance = new DefaultActionFixAll(FixAll.Instance, EquivalenceKey);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllInstance;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Location.IsInSource
                || diagnostic.Location.SourceTree != root.SyntaxTree
                || BlobUploadRewriter.FindWrite(root, diagnostic.Location.SourceSpan) is not { } write)
                continue;
            var fixedSolution = await BlobUploadRewriter.TryFixAsync(context.Document, write, context.CancellationToken).ConfigureAwait(false);
            if (fixedSolution is null)
                continue;
            context.RegisterCodeFix(CodeAction.Create(Title, _ => Task.FromResult(fixedSolution), EquivalenceKey), diagnostic);
        }
    }

    /// <summary>
    /// Fixes the writes one at a time, document after document: each fix sees the client injected and the interface
    /// added by the previous ones, so a project gets one <c>IBlobStorage.cs</c> however many writes are fixed.
    /// </summary>
    private sealed class FixAll : FixAllProvider
    {
        public static readonly FixAll Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            if (fixAllContext.CodeActionEquivalenceKey != EquivalenceKey)
                return null;
            var documents = fixAllContext.Scope switch
            {
                FixAllScope.Document when fixAllContext.Document is { } document => new[] { document },
                FixAllScope.Project => fixAllContext.Project.Documents.ToArray(),
                FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
                _ => System.Array.Empty<Document>(),
            };
            var work = new List<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)>();
            foreach (var document in documents)
            {
                var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                if (!diagnostics.IsEmpty)
                    work.Add((document.Id, diagnostics));
            }
            var solution = fixAllContext.Solution;
            return CodeAction.Create(Title, ct => FixAllAsync(solution, work, ct), EquivalenceKey);
        }

        private static async Task<Solution> FixAllAsync(
            Solution solution, List<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken)
        {
            foreach (var (documentId, diagnostics) in work)
            {
                // Mark the writes first: spans move as soon as the first one is rewritten.
                var document = solution.GetDocument(documentId);
                var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (document is null || root is null)
                    continue;
                var marks = new List<SyntaxAnnotation>();
                var writes = new Dictionary<SyntaxNode, SyntaxAnnotation>();
                foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
                {
                    if (BlobUploadRewriter.FindWrite(root, diagnostic.Location.SourceSpan) is { } write && !writes.ContainsKey(write))
                    {
                        var mark = new SyntaxAnnotation();
                        writes.Add(write, mark);
                        marks.Add(mark);
                    }
                }
                root = root.ReplaceNodes(writes.Keys, (original, current) => current.WithAdditionalAnnotations(writes[original]));
                solution = solution.WithDocumentSyntaxRoot(documentId, root);

                foreach (var mark in marks)
                {
                    document = solution.GetDocument(documentId)!;
                    root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                    if (root?.GetAnnotatedNodes(mark).FirstOrDefault() is not { } write)
                        continue;
                    if (await BlobUploadRewriter.TryFixAsync(document, write, cancellationToken).ConfigureAwait(false) is { } fixedSolution)
                        solution = fixedSolution;
                }
            }
            return solution;
        }
    }
}
