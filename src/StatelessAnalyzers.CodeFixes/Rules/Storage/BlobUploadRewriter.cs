using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using StatelessAnalyzers.CodeFixes.Common;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.CodeFixes.Rules.Storage;

/// <summary>
/// The analysis and rewrite behind <see cref="SL3001UploadToBlobStorageCodeFix"/>: recognises a write of a string, a
/// byte array or a stream to a local file, and turns it into an upload through the blob client the project references.
/// </summary>
internal static class BlobUploadRewriter
{
    private const string BucketConstantName = "BlobBucketName";

    private enum ContentKind
    {
        Text,
        Bytes,
        Stream,
    }

    private enum TargetKind
    {
        Azure,
        AmazonS3,
        FluentStorage,
        Generated,
    }

    /// <summary>The write (a call or <c>new FileStream</c>) reported at <paramref name="span"/>, or null.</summary>
    public static SyntaxNode? FindWrite(SyntaxNode root, TextSpan span)
    {
        if (!root.FullSpan.Contains(span))
            return null;
        foreach (var node in root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf())
        {
            switch (node)
            {
                case InvocationExpressionSyntax invocation when SyntaxLocations.InvokedName(invocation).SourceSpan == span:
                    return invocation;
                case ObjectCreationExpressionSyntax creation when creation.Type.Span == span:
                    return creation;
                case StatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }
        return null;
    }

    /// <summary>
    /// The solution with <paramref name="write"/> (a node of <paramref name="document"/>) turned into a blob upload, when
    /// its shape is supported and the result adds no compiler error; otherwise null.
    /// </summary>
    public static async Task<Solution?> TryFixAsync(Document document, SyntaxNode write, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) as CompilationUnitSyntax;
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || write.SyntaxTree != root.SyntaxTree)
            return null;
        var symbols = WellKnownSymbols.Get(model.Compilation);
        if (model.GetOperation(write, cancellationToken) is not { } operation
            || FileSystemWrites.TryGet(operation, symbols) is not { Path: { Syntax: ExpressionSyntax pathSyntax } pathOperation })
            return null;

        var shape = operation switch
        {
            IInvocationOperation invocation => MatchFileCall(invocation, symbols),
            IObjectCreationOperation creation => MatchUploadShape(creation, model, symbols, cancellationToken),
            _ => null,
        };
        if (shape is null)
            return null;

        // Only in a method body (not a lambda or local function) of an instance method that awaits or can become async.
        if (EnclosingFunction(write) is not MethodDeclarationSyntax methodDeclaration
            || EnclosingFunction(shape.Statement) != methodDeclaration
            || methodDeclaration.Parent is not ClassDeclarationSyntax typeDeclaration
            || model.GetDeclaredSymbol(methodDeclaration, cancellationToken) is not { IsStatic: false } method)
            return null;
        var convert = false;
        if (!AsyncConversion.IsAsync(method))
        {
            var handlers = symbols.GetContext(document.Project.AnalyzerOptions, root.SyntaxTree).Handlers;
            if (!AsyncConversion.CanMakeAsync(method, handlers)
                || await AsyncConversion.HasReferencesAsync(method, document.Project.Solution, cancellationToken).ConfigureAwait(false))
                return null;
            convert = true;
        }
        var type = method.ContainingType;

        var target = ChooseTarget(document.Project, root.SyntaxTree, model.Compilation, type, cancellationToken);
        if (target is null)
            return null;
        var plan = DependencyInjection.TryPlan(typeDeclaration, type, target.ClientType, target.TypeName, target.BaseName, target.AlternateName, removedMembers: null, cancellationToken);
        if (plan is null
            || (plan.Declaration is not null && plan.Declaration.SyntaxTree != root.SyntaxTree)
            || !await DependencyInjection.IsConstructorChangeSafeAsync(plan, type, document.Project.Solution, cancellationToken).ConfigureAwait(false))
            return null;

        var addBucket = false;
        if (target.Kind == TargetKind.AmazonS3)
        {
            var existing = type.GetMembers(BucketConstantName);
            if (existing.IsEmpty)
                addBucket = true;
            else if (existing.Length != 1 || existing[0] is not IFieldSymbol { IsConst: true, Type.SpecialType: SpecialType.System_String })
                return null;
        }

        var blobName = CreateBlobName(pathSyntax, pathOperation, symbols);
        var token = shape.CancellationToken?.WithoutTrivia().ToString()
            ?? CancellationTokens.FindInScope(model, shape.Statement, cancellationToken)?.ToString();
        var upload = CreateUpload(target.Kind, plan.CreateAccessExpression().ToString(), blobName.Text, shape, token)
            .WithTriviaFrom(shape.Statement)
            .WithAdditionalAnnotations(Formatter.Annotation);

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var endOfLine = UsingDirectives.DetectEndOfLine(root);
        ApplyShape(editor, shape, upload);
        if (convert)
            editor.ReplaceNode(methodDeclaration, (current, _) => AsyncConversion.MakeAsync((MethodDeclarationSyntax)current));
        if (addBucket || plan.Declaration == typeDeclaration)
        {
            editor.ReplaceNode(typeDeclaration, (current, _) =>
            {
                var updated = (TypeDeclarationSyntax)current;
                if (addBucket)
                    updated = MemberLayout.Insert(updated, 0, CreateBucketConstant(type, endOfLine), endOfLine);
                return plan.Declaration == typeDeclaration ? DependencyInjection.ApplyTo(plan, updated, endOfLine) : updated;
            });
        }
        if (plan.Declaration is { } otherPart && otherPart != typeDeclaration)
            editor.ReplaceNode(otherPart, (current, _) => DependencyInjection.ApplyTo(plan, (TypeDeclarationSyntax)current, endOfLine));

        var namespaces = new List<string>();
        if (convert)
            namespaces.Add(AsyncConversion.TasksNamespace);
        if (blobName.UsesPath || (target.Kind == TargetKind.AmazonS3 && shape.Content == ContentKind.Bytes))
            namespaces.Add("System.IO");
        if (target.Kind == TargetKind.Azure && shape.Content != ContentKind.Stream)
            namespaces.Add("System");
        if (target.Kind == TargetKind.AmazonS3)
            namespaces.Add("Amazon.S3.Model");
        if (target.Kind == TargetKind.FluentStorage && shape.Content != ContentKind.Stream)
            namespaces.Add(target.Namespace);
        if (plan.ChangesConstructors && !IsInScope(type.ContainingNamespace, target.Namespace))
            namespaces.Add(target.Namespace);
        var newRoot = UsingDirectives.Add((CompilationUnitSyntax)editor.GetChangedRoot(), namespaces.ToArray());

        var solution = document.WithSyntaxRoot(newRoot).Project.Solution;
        DocumentId? addedId = null;
        if (target.AddsInterface)
        {
            var fileScoped = root.Members.OfType<FileScopedNamespaceDeclarationSyntax>().Any()
                || (!root.Members.OfType<NamespaceDeclarationSyntax>().Any()
                    && ((CSharpParseOptions)root.SyntaxTree.Options).LanguageVersion >= LanguageVersion.CSharp10);
            var source = BlobStorageInterface.CreateSource(target.Namespace, fileScoped, endOfLine.ToFullString());
            if (BlobStorageInterface.MustStayInDocument(document.Project))
            {
                solution = document.WithSyntaxRoot(BlobStorageInterface.AppendTo(newRoot, type.Name, endOfLine.ToFullString())).Project.Solution;
            }
            else
            {
                addedId = DocumentId.CreateNewId(document.Project.Id, BlobStorageInterface.FileName);
                solution = solution.AddDocument(
                    addedId, BlobStorageInterface.FileName, SourceText.From(source, Encoding.UTF8), filePath: SiblingPath(document.Project.FilePath));
            }
        }

        return await AddsErrorsAsync(model, solution.GetDocument(document.Id)!, addedId is null ? null : solution.GetDocument(addedId), cancellationToken).ConfigureAwait(false)
            ? null
            : solution;
    }

    /// <summary><c>File.WriteAllText(Async)</c> / <c>File.WriteAllBytes(Async)</c> as a statement of its own (awaited when async).</summary>
    private static WriteShape? MatchFileCall(IInvocationOperation invocation, WellKnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (!method.ContainingType.Is(symbols.SystemIOFile))
            return null;
        var content = method.Name switch
        {
            "WriteAllText" or "WriteAllTextAsync" => ContentKind.Text,
            "WriteAllBytes" or "WriteAllBytesAsync" => ContentKind.Bytes,
            _ => (ContentKind?)null,
        };
        if (content is null)
            return null;

        // Overloads with an Encoding (or anything else) would need more than the text: not offered.
        ExpressionSyntax? contentSyntax = null;
        ExpressionSyntax? token = null;
        foreach (var argument in invocation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "path":
                    break;
                case "contents" or "bytes":
                    contentSyntax = argument.Value.Syntax as ExpressionSyntax;
                    break;
                case "cancellationToken":
                    if (argument.ArgumentKind == ArgumentKind.Explicit)
                        token = argument.Value.Syntax as ExpressionSyntax;
                    break;
                default:
                    return null;
            }
        }

        var syntax = invocation.Syntax;
        var isAsync = method.Name.EndsWith("Async", StringComparison.Ordinal);
        var statement = isAsync
            ? syntax.Parent is AwaitExpressionSyntax { Parent: ExpressionStatementSyntax awaited } ? awaited : null
            : syntax.Parent as ExpressionStatementSyntax;
        return contentSyntax is null || statement is null
            ? null
            : new WriteShape(content.Value, statement, contentSyntax, token);
    }

    /// <summary>
    /// <c>using var s = new FileStream(path, FileMode.Create); await source.CopyToAsync(s);</c> (or the <c>using (...)</c>
    /// statement around the copy), where the stream is used for nothing else and the source is an <c>IFormFile</c> or a stream.
    /// </summary>
    private static WriteShape? MatchUploadShape(IObjectCreationOperation creation, SemanticModel model, WellKnownSymbols symbols, CancellationToken cancellationToken)
    {
        if (!creation.Type.Is(symbols.FileStream))
            return null;
        var mode = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "mode");
        if (mode?.Value.ConstantValue is not { HasValue: true, Value: int modeValue } || modeValue is not (1 or 2))
            return null; // CreateNew or Create: the file's whole content is the copy

        if (creation.Syntax.Parent is not EqualsValueClauseSyntax
            {
                Parent: VariableDeclaratorSyntax declarator,
                Parent.Parent: VariableDeclarationSyntax { Variables.Count: 1 } declaration,
            }
            || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local
            || EnclosingFunction(declaration) is not { } function)
            return null;

        var references = function.DescendantNodes()
            .OfType<IdentifierNameSyntax>()
            .Where(n => n.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, local))
            .ToList();
        if (references.Count != 1
            || references[0].Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax copy } }
            || copy.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CopyToAsync" } access
            || copy.Parent is not AwaitExpressionSyntax { Parent: ExpressionStatementSyntax copyStatement }
            || model.GetOperation(copy, cancellationToken) is not IInvocationOperation { Instance.Type: { } sourceType } copyOperation)
            return null;

        var tokenType = symbols.Get("System.Threading.CancellationToken");
        ExpressionSyntax? token = null;
        foreach (var argument in copyOperation.Arguments)
        {
            if (argument.Parameter is not { } parameter)
                return null;
            if (parameter.Ordinal == 0 && argument.Value.Syntax == references[0])
                continue;
            if (parameter.Type.Is(tokenType))
            {
                if (argument.ArgumentKind == ArgumentKind.Explicit)
                    token = argument.Value.Syntax as ExpressionSyntax;
                continue;
            }
            return null; // a buffer size or anything else
        }
        if (!copyOperation.Arguments.Any(a => a.Value.Syntax == references[0]))
            return null;

        var formFile = symbols.Get("Microsoft.AspNetCore.Http.IFormFile");
        var stream = symbols.Get("System.IO.Stream");
        var fromFormFile = formFile is not null && (sourceType.Is(formFile) || sourceType.AllInterfaces.Any(i => i.Is(formFile)));
        if (!fromFormFile && !sourceType.IsOrDerivesFrom(stream))
            return null;

        var shape = new WriteShape(ContentKind.Stream, copyStatement, access.Expression, token)
        {
            LocalName = local.Name,
            FromFormFile = fromFormFile,
        };
        switch (declaration.Parent)
        {
            case LocalDeclarationStatementSyntax statement
                when !statement.UsingKeyword.IsKind(SyntaxKind.None)
                && statement.Parent is BlockSyntax block && copyStatement.Parent == block && copyStatement.SpanStart > statement.SpanStart:
                shape.Declaration = statement;
                return shape;
            case UsingStatementSyntax usingStatement
                when usingStatement.Statement == copyStatement
                || (usingStatement.Statement is BlockSyntax { Statements.Count: 1 } body && body.Statements[0] == copyStatement):
                shape.Using = usingStatement;
                return shape;
            default:
                return null;
        }
    }

    private static void ApplyShape(DocumentEditor editor, WriteShape shape, StatementSyntax upload)
    {
        if (shape.Content != ContentKind.Stream)
        {
            editor.ReplaceNode(shape.Statement, upload);
            return;
        }

        if (!shape.FromFormFile)
        {
            // The source stream is uploaded as it is: the file stream goes away.
            if (shape.Using is { } usingStatement)
            {
                editor.ReplaceNode(usingStatement, upload.WithTriviaFrom(usingStatement));
            }
            else
            {
                editor.RemoveNode(shape.Declaration!, SyntaxRemoveOptions.KeepNoTrivia);
                editor.ReplaceNode(shape.Statement, upload);
            }
            return;
        }

        // The local now holds the form file's read stream, disposed asynchronously.
        var openRead = SyntaxFactory.ParseExpression(shape.Source.WithoutTrivia().ToString() + ".OpenReadStream()");
        editor.ReplaceNode(shape.Statement, upload);
        if (shape.Using is { } statement)
        {
            editor.ReplaceNode(statement, (current, _) =>
            {
                var updated = (UsingStatementSyntax)current;
                var awaitKeyword = updated.AwaitKeyword.IsKind(SyntaxKind.None)
                    ? SyntaxFactory.Token(updated.UsingKeyword.LeadingTrivia, SyntaxKind.AwaitKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space))
                    : updated.AwaitKeyword;
                var usingKeyword = updated.AwaitKeyword.IsKind(SyntaxKind.None) ? updated.UsingKeyword.WithLeadingTrivia() : updated.UsingKeyword;
                return updated
                    .WithAwaitKeyword(awaitKeyword)
                    .WithUsingKeyword(usingKeyword)
                    .WithDeclaration(ReadStreamDeclaration(updated.Declaration!, openRead));
            });
        }
        else
        {
            editor.ReplaceNode(shape.Declaration!, (current, _) =>
            {
                var updated = (LocalDeclarationStatementSyntax)current;
                var awaitKeyword = updated.AwaitKeyword.IsKind(SyntaxKind.None)
                    ? SyntaxFactory.Token(updated.UsingKeyword.LeadingTrivia, SyntaxKind.AwaitKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space))
                    : updated.AwaitKeyword;
                var usingKeyword = updated.AwaitKeyword.IsKind(SyntaxKind.None) ? updated.UsingKeyword.WithLeadingTrivia() : updated.UsingKeyword;
                return updated
                    .WithAwaitKeyword(awaitKeyword)
                    .WithUsingKeyword(usingKeyword)
                    .WithDeclaration(ReadStreamDeclaration(updated.Declaration, openRead));
            });
        }
    }

    /// <summary><c>var s = file.OpenReadStream()</c>: the declared type becomes <c>var</c>, since it was the file stream's.</summary>
    private static VariableDeclarationSyntax ReadStreamDeclaration(VariableDeclarationSyntax declaration, ExpressionSyntax openRead)
    {
        var variable = declaration.Variables[0];
        return declaration
            .WithType(SyntaxFactory.IdentifierName("var").WithTriviaFrom(declaration.Type))
            .WithVariables(SyntaxFactory.SingletonSeparatedList(variable.WithInitializer(
                variable.Initializer!.WithValue(openRead.WithTriviaFrom(variable.Initializer.Value)))));
    }

    private static StatementSyntax CreateUpload(TargetKind target, string client, string name, WriteShape shape, string? token)
    {
        var content = shape.Content == ContentKind.Stream && shape.FromFormFile
            ? shape.LocalName!
            : shape.Source.WithoutTrivia().ToString();
        var tokenArgument = token is null ? "" : ", " + token;
        string call;
        switch (target)
        {
            case TargetKind.Azure:
                var data = shape.Content switch
                {
                    ContentKind.Text => $"BinaryData.FromString({content})",
                    ContentKind.Bytes => $"BinaryData.FromBytes({content})",
                    _ => content,
                };
                call = $"{client}.GetBlobClient({name}).UploadAsync({data}, overwrite: true{tokenArgument})";
                break;
            case TargetKind.AmazonS3:
                var body = shape.Content switch
                {
                    ContentKind.Text => $"ContentBody = {content}",
                    ContentKind.Bytes => $"InputStream = new MemoryStream({content})",
                    _ => $"InputStream = {content}",
                };
                call = $"{client}.PutObjectAsync(new PutObjectRequest {{ BucketName = {BucketConstantName}, Key = {name}, {body} }}{tokenArgument})";
                break;
            case TargetKind.FluentStorage when shape.Content == ContentKind.Text:
                call = $"{client}.WriteTextAsync({name}, {content}{(token is null ? "" : ", cancellationToken: " + token)})";
                break;
            case TargetKind.FluentStorage:
                call = $"{client}.WriteAsync({name}, {content}, append: false{tokenArgument})";
                break;
            default:
                call = $"{client}.UploadAsync({name}, {content}{tokenArgument})";
                break;
        }
        return SyntaxFactory.ParseStatement("await " + call + ";");
    }

    /// <summary>
    /// The blob name: the file name part of the path, as a literal when the path (or the last segment given to
    /// <c>Path.Combine</c>) is a constant, else <c>Path.GetFileName(path)</c>.
    /// </summary>
    private static (string Text, bool UsesPath) CreateBlobName(ExpressionSyntax path, IOperation pathOperation, WellKnownSymbols symbols)
    {
        var constant = pathOperation.ConstantValue;
        if (pathOperation is IInvocationOperation { TargetMethod.Name: "Combine" } combine
            && combine.TargetMethod.ContainingType.Is(symbols.SystemIOPath)
            && combine.Arguments.Length > 0
            && combine.Arguments[combine.Arguments.Length - 1].Value is { } last
            && last is not IArrayCreationOperation)
            constant = last.ConstantValue;
        if (constant is { HasValue: true, Value: string text } && FileNamePart(text) is { Length: > 0 } fileName)
            return (SymbolDisplay.FormatLiteral(fileName, quote: true), false);
        return ("Path.GetFileName(" + path.WithoutTrivia().ToString() + ")", true);
    }

    private static string FileNamePart(string path)
    {
        var separator = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return path.Substring(separator + 1);
    }

    private static FieldDeclarationSyntax CreateBucketConstant(INamedTypeSymbol type, SyntaxTrivia endOfLine)
    {
        var name = type.Name.EndsWith("Controller", StringComparison.Ordinal) && type.Name.Length > "Controller".Length
            ? type.Name.Substring(0, type.Name.Length - "Controller".Length)
            : type.Name;
        var bucket = new string(name.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9')).ToArray());
        if (bucket.Length < 3)
            bucket = "files";
        var field = (FieldDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
            $"private const string {BucketConstantName} = {SymbolDisplay.FormatLiteral(bucket, quote: true)};")!;
        return field.WithLeadingTrivia(SyntaxFactory.Comment("// Set to the bucket that holds these files."), endOfLine);
    }

    private static Target? ChooseTarget(Project project, SyntaxTree tree, Compilation compilation, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var symbols = WellKnownSymbols.Get(compilation);
        var candidates = new List<Target>();
        if (symbols.Get("Azure.Storage.Blobs.BlobContainerClient") is { } azure)
            candidates.Add(new Target(TargetKind.Azure, azure, "Azure.Storage.Blobs", "BlobContainerClient", "blobContainer", "blobContainerClient"));
        if (symbols.Get("Amazon.S3.IAmazonS3") is { } s3)
            candidates.Add(new Target(TargetKind.AmazonS3, s3, "Amazon.S3", "IAmazonS3", "s3", "amazonS3"));
        if (symbols.Get("FluentStorage.Blobs.IBlobStorage") is { } fluent)
            candidates.Add(new Target(TargetKind.FluentStorage, fluent, "FluentStorage.Blobs", "IBlobStorage", "blobStorage", "storage"));

        // A client the type already holds wins; otherwise the first the project references, in the order of RULES.md.
        var held = candidates.FirstOrDefault(c => DependencyInjection.HasDependency(type, c.ClientType!, cancellationToken));
        if (held is not null || candidates.Count > 0)
            return held ?? candidates[0];

        var fallback = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : "";
        var namespaceName = BlobStorageInterface.ChooseNamespace(project, tree, fallback, out var configured);
        if (BlobStorageInterface.MustStayInDocument(project))
        {
            // The interface goes into the fixed document, so it takes the namespace of the fixed type.
            namespaceName = fallback;
            configured = false;
        }
        if (BlobStorageInterface.FindExisting(compilation, namespaceName, configured, cancellationToken) is { } existing)
        {
            var existingNamespace = existing.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "";
            return new Target(TargetKind.Generated, existing, existingNamespace, BlobStorageInterface.TypeName, "blobStorage", "storage");
        }
        if (project.Documents.Any(d => string.Equals(d.Name, BlobStorageInterface.FileName, StringComparison.OrdinalIgnoreCase)))
            return null; // a file of that name that is not the interface: never a second one
        return new Target(TargetKind.Generated, null, namespaceName, BlobStorageInterface.TypeName, "blobStorage", "storage") { AddsInterface = true };
    }

    /// <summary>True when code in <paramref name="scope"/> sees the types of <paramref name="namespaceName"/> without a using.</summary>
    private static bool IsInScope(INamespaceSymbol? scope, string namespaceName)
    {
        if (namespaceName.Length == 0)
            return true;
        for (var current = scope; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            if (current.ToDisplayString() == namespaceName)
                return true;
        }
        return false;
    }

    /// <summary>The innermost method, local function, lambda or other member around <paramref name="node"/>.</summary>
    private static SyntaxNode? EnclosingFunction(SyntaxNode node) =>
        node.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax);

    private static string? SiblingPath(string? projectPath)
    {
        if (projectPath is null)
            return null;
        var separator = Math.Max(projectPath.LastIndexOf('/'), projectPath.LastIndexOf('\\'));
        return projectPath.Substring(0, separator + 1) + BlobStorageInterface.FileName;
    }

    /// <summary>True when the fixed document has an error the original did not have, or the added interface any error.</summary>
    private static async Task<bool> AddsErrorsAsync(SemanticModel before, Document after, Document? added, CancellationToken cancellationToken)
    {
        var model = await after.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
            return true;
        var old = before.GetDiagnostics(cancellationToken: cancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Id + d.GetMessage(CultureInfo.InvariantCulture))
            .ToList();
        foreach (var error in model.GetDiagnostics(cancellationToken: cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            if (!old.Remove(error.Id + error.GetMessage(CultureInfo.InvariantCulture)))
                return true;
        }
        if (added is not null
            && await added.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is { } addedModel
            && addedModel.GetDiagnostics(cancellationToken: cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error))
            return true;
        return false;
    }

    /// <summary>A recognised write: what it stores, the statement the upload replaces, and for streams the declaration.</summary>
    private sealed class WriteShape
    {
        public WriteShape(ContentKind content, StatementSyntax statement, ExpressionSyntax source, ExpressionSyntax? cancellationToken)
        {
            Content = content;
            Statement = statement;
            Source = source;
            CancellationToken = cancellationToken;
        }

        public ContentKind Content { get; }

        /// <summary>The write itself, or for a stream the <c>await x.CopyToAsync(stream);</c>.</summary>
        public StatementSyntax Statement { get; }

        /// <summary>The text or bytes written, or the form file or stream copied.</summary>
        public ExpressionSyntax Source { get; }

        /// <summary>The token the original call passed explicitly, if any.</summary>
        public ExpressionSyntax? CancellationToken { get; }

        public string? LocalName { get; set; }

        public bool FromFormFile { get; set; }

        public LocalDeclarationStatementSyntax? Declaration { get; set; }

        public UsingStatementSyntax? Using { get; set; }
    }

    private sealed class Target
    {
        public Target(TargetKind kind, INamedTypeSymbol? clientType, string namespaceName, string typeName, string baseName, string alternateName)
        {
            Kind = kind;
            ClientType = clientType;
            Namespace = namespaceName;
            TypeName = typeName;
            BaseName = baseName;
            AlternateName = alternateName;
        }

        public TargetKind Kind { get; }

        /// <summary>Null for an interface the fix is about to add.</summary>
        public INamedTypeSymbol? ClientType { get; }

        public string Namespace { get; }

        public string TypeName { get; }

        public string BaseName { get; }

        public string AlternateName { get; }

        public bool AddsInterface { get; set; }
    }
}
