using StatelessAnalyzers.CodeFixes.Rules.Storage;
using StatelessAnalyzers.Tests.Stubs;
using VerifyFix = StatelessAnalyzers.Tests.Verification.CSharpCodeFixVerifier<StatelessAnalyzers.Rules.Storage.SL3001LocalFileWriteAnalyzer, StatelessAnalyzers.CodeFixes.Rules.Storage.SL3001UploadToBlobStorageCodeFix>;

namespace StatelessAnalyzers.Tests.Rules.Storage;

public sealed partial class SL3001LocalFileWriteTests
{
    /// <summary>The interface the fix adds when no blob client is referenced, in a file-scoped namespace.</summary>
    private static string GeneratedInterface(string namespaceName) => $$"""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        namespace {{namespaceName}};

        /// <summary>
        /// Stores the files the app writes in shared object storage instead of the local disk, so that every replica
        /// of the app sees them and none is lost when an instance stops.
        /// </summary>
        /// <remarks>
        /// The app registers an implementation backed by Azure Blob Storage, Amazon S3 or another object store, for
        /// example <c>builder.Services.AddSingleton&lt;IBlobStorage, MyBlobStorage&gt;()</c>.
        /// </remarks>
        public interface IBlobStorage
        {
            /// <summary>Uploads <paramref name="content"/> as the blob <paramref name="name"/>, replacing any blob of that name.</summary>
            Task UploadAsync(string name, Stream content, CancellationToken cancellationToken = default);

            /// <summary>Uploads the bytes <paramref name="content"/> as the blob <paramref name="name"/>, replacing any blob of that name.</summary>
            Task UploadAsync(string name, byte[] content, CancellationToken cancellationToken = default);

            /// <summary>Uploads the text <paramref name="content"/>, encoded as UTF-8, as the blob <paramref name="name"/>, replacing any blob of that name.</summary>
            Task UploadAsync(string name, string content, CancellationToken cancellationToken = default);
        }

        """;

    /// <summary>Runs the fix with one client stub (listed unchanged after the fix).</summary>
    private static Task VerifyBlobFixAsync(string source, string fixedSource, string stub)
    {
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = SL3001UploadToBlobStorageCodeFix.EquivalenceKey,
            AdditionalSources = { ("Stub.cs", stub) },
        };
        return test.RunAsync();
    }

    /// <summary>Runs the fix with no client referenced: the fix adds <c>IBlobStorage.cs</c> in <paramref name="namespaceName"/>.</summary>
    private static Task VerifyGeneratedFixAsync(string source, string fixedSource, string namespaceName)
    {
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = SL3001UploadToBlobStorageCodeFix.EquivalenceKey,
            FixedAdditionalSources = { ("IBlobStorage.cs", GeneratedInterface(namespaceName)) },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_UploadShapeWithAzureBlobs() => VerifyBlobFixAsync("""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop;

        [ApiController]
        public sealed class UploadsController : ControllerBase
        {
            [HttpPost]
            public async Task<IActionResult> Upload(IFormFile file, CancellationToken cancellationToken)
            {
                var path = Path.Combine("uploads", file.FileName);
                using var stream = new [|FileStream|](path, FileMode.Create);
                await file.CopyToAsync(stream, cancellationToken);
                return Ok();
            }
        }
        """, """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Azure.Storage.Blobs;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop;

        [ApiController]
        public sealed class UploadsController : ControllerBase
        {
            private readonly BlobContainerClient _blobContainer;

            public UploadsController(BlobContainerClient blobContainer)
            {
                _blobContainer = blobContainer;
            }

            [HttpPost]
            public async Task<IActionResult> Upload(IFormFile file, CancellationToken cancellationToken)
            {
                var path = Path.Combine("uploads", file.FileName);
                await using var stream = file.OpenReadStream();
                await _blobContainer.GetBlobClient(Path.GetFileName(path)).UploadAsync(stream, overwrite: true, cancellationToken);
                return Ok();
            }
        }
        """, BlobStubs.Azure);

    [Fact]
    public Task Fix_UploadShapeUsingStatementWithAmazonS3() => VerifyBlobFixAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop;

        [ApiController]
        public sealed class AvatarsController : ControllerBase
        {
            [HttpPost]
            public async Task<IActionResult> Upload(IFormFile avatar)
            {
                using (var stream = new [|FileStream|]("avatars/" + avatar.FileName, FileMode.Create))
                {
                    await avatar.CopyToAsync(stream);
                }
                return Ok();
            }
        }
        """, """
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.S3;
        using Amazon.S3.Model;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop;

        [ApiController]
        public sealed class AvatarsController : ControllerBase
        {
            // Set to the bucket that holds these files.
            private const string BlobBucketName = "avatars";
            private readonly IAmazonS3 _s3;

            public AvatarsController(IAmazonS3 s3)
            {
                _s3 = s3;
            }

            [HttpPost]
            public async Task<IActionResult> Upload(IFormFile avatar)
            {
                await using (var stream = avatar.OpenReadStream())
                {
                    await _s3.PutObjectAsync(new PutObjectRequest { BucketName = BlobBucketName, Key = Path.GetFileName("avatars/" + avatar.FileName), InputStream = stream });
                }
                return Ok();
            }
        }
        """, BlobStubs.AmazonS3);

    [Fact]
    public Task Fix_UploadShapeWithFluentStoragePrimaryConstructor() => VerifyBlobFixAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        namespace Shop;

        [ApiController]
        public sealed class DocumentsController(ILogger<DocumentsController> logger) : ControllerBase
        {
            [HttpPost]
            public async Task<IActionResult> Upload(IFormFile document)
            {
                logger.LogInformation("Upload");
                var path = Path.Combine("documents", document.FileName);
                using var stream = new [|FileStream|](path, FileMode.Create, FileAccess.Write);
                await document.CopyToAsync(stream, HttpContext.RequestAborted);
                return Ok();
            }
        }
        """, """
        using System.IO;
        using System.Threading.Tasks;
        using FluentStorage.Blobs;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        namespace Shop;

        [ApiController]
        public sealed class DocumentsController(ILogger<DocumentsController> logger, IBlobStorage blobStorage) : ControllerBase
        {
            [HttpPost]
            public async Task<IActionResult> Upload(IFormFile document)
            {
                logger.LogInformation("Upload");
                var path = Path.Combine("documents", document.FileName);
                await using var stream = document.OpenReadStream();
                await blobStorage.WriteAsync(Path.GetFileName(path), stream, append: false, HttpContext.RequestAborted);
                return Ok();
            }
        }
        """, BlobStubs.FluentStorage);

    [Fact]
    public Task Fix_UploadShapeWithGeneratedInterface() => VerifyGeneratedFixAsync("""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop.Api;

        [ApiController]
        public sealed class UploadsController : ControllerBase
        {
            [HttpPost]
            public async Task<IActionResult> Upload(IFormFile file, CancellationToken cancellationToken)
            {
                var path = Path.Combine("uploads", file.FileName);
                using var stream = new [|FileStream|](path, FileMode.Create);
                await file.CopyToAsync(stream, cancellationToken);
                return Ok();
            }
        }
        """, """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop.Api;

        [ApiController]
        public sealed class UploadsController : ControllerBase
        {
            private readonly IBlobStorage _blobStorage;

            public UploadsController(IBlobStorage blobStorage)
            {
                _blobStorage = blobStorage;
            }

            [HttpPost]
            public async Task<IActionResult> Upload(IFormFile file, CancellationToken cancellationToken)
            {
                var path = Path.Combine("uploads", file.FileName);
                await using var stream = file.OpenReadStream();
                await _blobStorage.UploadAsync(Path.GetFileName(path), stream, cancellationToken);
                return Ok();
            }
        }
        """, "Shop.Api");

    [Fact]
    public Task Fix_RequestBodyCopiedToAFileIsUploadedDirectly() => VerifyBlobFixAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop;

        [ApiController]
        public sealed class ImportsController : ControllerBase
        {
            [HttpPut("{name}")]
            public async Task<IActionResult> Put(string name)
            {
                using var target = new [|FileStream|](Path.Combine("imports", name), FileMode.CreateNew);
                await Request.Body.CopyToAsync(target);
                return NoContent();
            }
        }
        """, """
        using System.IO;
        using System.Threading.Tasks;
        using Azure.Storage.Blobs;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop;

        [ApiController]
        public sealed class ImportsController : ControllerBase
        {
            private readonly BlobContainerClient _blobContainer;

            public ImportsController(BlobContainerClient blobContainer)
            {
                _blobContainer = blobContainer;
            }

            [HttpPut("{name}")]
            public async Task<IActionResult> Put(string name)
            {
                await _blobContainer.GetBlobClient(Path.GetFileName(Path.Combine("imports", name))).UploadAsync(Request.Body, overwrite: true);
                return NoContent();
            }
        }
        """, BlobStubs.Azure);

    [Fact]
    public Task Fix_WriteAllTextAsyncWithAzureExistingConstructor() => VerifyBlobFixAsync("""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        namespace Shop;

        [ApiController]
        public sealed class ReportsController : ControllerBase
        {
            private readonly ILogger<ReportsController> _logger;

            public ReportsController(ILogger<ReportsController> logger)
            {
                _logger = logger;
            }

            [HttpPost]
            public async Task<IActionResult> Save(string report, CancellationToken cancellationToken)
            {
                _logger.LogInformation("Saving");
                await System.IO.File.[|WriteAllTextAsync|]("reports/latest.json", report, cancellationToken);
                return Ok();
            }
        }
        """, """
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Azure.Storage.Blobs;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        namespace Shop;

        [ApiController]
        public sealed class ReportsController : ControllerBase
        {
            private readonly ILogger<ReportsController> _logger;
            private readonly BlobContainerClient _blobContainer;

            public ReportsController(ILogger<ReportsController> logger, BlobContainerClient blobContainer)
            {
                _logger = logger;
                _blobContainer = blobContainer;
            }

            [HttpPost]
            public async Task<IActionResult> Save(string report, CancellationToken cancellationToken)
            {
                _logger.LogInformation("Saving");
                await _blobContainer.GetBlobClient("latest.json").UploadAsync(BinaryData.FromString(report), overwrite: true, cancellationToken);
                return Ok();
            }
        }
        """, BlobStubs.Azure);

    [Fact]
    public Task Fix_WriteAllBytesInActionThatBecomesAsync() => VerifyBlobFixAsync("""
        using System.Threading;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop;

        [ApiController]
        public sealed class InvoicesController : ControllerBase
        {
            [HttpPost("{id}")]
            public IActionResult Store(int id, byte[] pdf, CancellationToken cancellationToken)
            {
                System.IO.File.[|WriteAllBytes|]($"invoices/{id}.pdf", pdf);
                return Ok();
            }
        }
        """, """
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Azure.Storage.Blobs;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop;

        [ApiController]
        public sealed class InvoicesController : ControllerBase
        {
            private readonly BlobContainerClient _blobContainer;

            public InvoicesController(BlobContainerClient blobContainer)
            {
                _blobContainer = blobContainer;
            }

            [HttpPost("{id}")]
            public async Task<IActionResult> Store(int id, byte[] pdf, CancellationToken cancellationToken)
            {
                await _blobContainer.GetBlobClient(Path.GetFileName($"invoices/{id}.pdf")).UploadAsync(BinaryData.FromBytes(pdf), overwrite: true, cancellationToken);
                return Ok();
            }
        }
        """, BlobStubs.Azure);

    [Fact]
    public Task Fix_WriteAllTextWithAmazonS3ReusesTheInjectedClient() => VerifyBlobFixAsync("""
        using System.IO;
        using Amazon.S3;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop;

        [ApiController]
        public sealed class NotesController(IAmazonS3 storage) : ControllerBase
        {
            [HttpGet]
            public IAmazonS3 Client() => storage;

            [HttpPost]
            public void Save(string note)
            {
                System.IO.File.[|WriteAllText|]("notes.txt", note);
            }
        }
        """, """
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.S3;
        using Amazon.S3.Model;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop;

        [ApiController]
        public sealed class NotesController(IAmazonS3 storage) : ControllerBase
        {
            // Set to the bucket that holds these files.
            private const string BlobBucketName = "notes";

            [HttpGet]
            public IAmazonS3 Client() => storage;

            [HttpPost]
            public async Task Save(string note)
            {
                await storage.PutObjectAsync(new PutObjectRequest { BucketName = BlobBucketName, Key = "notes.txt", ContentBody = note });
            }
        }
        """, BlobStubs.AmazonS3);

    [Fact]
    public Task Fix_WriteAllTextAsyncWithFluentStorage() => VerifyBlobFixAsync("""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop;

        [ApiController]
        public sealed class ExportsController : ControllerBase
        {
            [HttpPost]
            public async Task Export(string csv, CancellationToken cancellationToken)
            {
                await System.IO.File.[|WriteAllTextAsync|](Path.Combine("exports", "orders.csv"), csv, cancellationToken);
            }
        }
        """, """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using FluentStorage.Blobs;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop;

        [ApiController]
        public sealed class ExportsController : ControllerBase
        {
            private readonly IBlobStorage _blobStorage;

            public ExportsController(IBlobStorage blobStorage)
            {
                _blobStorage = blobStorage;
            }

            [HttpPost]
            public async Task Export(string csv, CancellationToken cancellationToken)
            {
                await _blobStorage.WriteTextAsync("orders.csv", csv, cancellationToken: cancellationToken);
            }
        }
        """, BlobStubs.FluentStorage);

    [Fact]
    public Task Fix_WriteAllBytesWithGeneratedInterfaceInPrimaryConstructor() => VerifyGeneratedFixAsync("""
        using System.IO;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        namespace Shop;

        [ApiController]
        public sealed class ThumbnailsController(ILogger<ThumbnailsController> logger) : ControllerBase
        {
            [HttpPost]
            public IActionResult Save(string name, byte[] image)
            {
                logger.LogInformation("Saving {Name}", name);
                System.IO.File.[|WriteAllBytes|](name, image);
                return NoContent();
            }
        }
        """, """
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        namespace Shop;

        [ApiController]
        public sealed class ThumbnailsController(ILogger<ThumbnailsController> logger, IBlobStorage blobStorage) : ControllerBase
        {
            [HttpPost]
            public async Task<IActionResult> Save(string name, byte[] image)
            {
                logger.LogInformation("Saving {Name}", name);
                await blobStorage.UploadAsync(Path.GetFileName(name), image);
                return NoContent();
            }
        }
        """, "Shop");

    [Fact]
    public Task Options_BlobAbstractionNamespaceNamesTheInterfaceNamespace() => new VerifyFix.Test
    {
        TestCode = """
            using System.IO;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            namespace Shop.Api;

            [ApiController]
            public sealed class NotesController : ControllerBase
            {
                [HttpPost]
                public async Task Save(string note)
                {
                    await System.IO.File.[|WriteAllTextAsync|]("notes.txt", note);
                }
            }
            """,
        FixedCode = """
            using System.IO;
            using System.Threading.Tasks;
            using Contoso.Storage;
            using Microsoft.AspNetCore.Mvc;

            namespace Shop.Api;

            [ApiController]
            public sealed class NotesController : ControllerBase
            {
                private readonly IBlobStorage _blobStorage;

                public NotesController(IBlobStorage blobStorage)
                {
                    _blobStorage = blobStorage;
                }

                [HttpPost]
                public async Task Save(string note)
                {
                    await _blobStorage.UploadAsync("notes.txt", note);
                }
            }
            """,
        GlobalConfig = """
            is_global = true
            stateless_analyzers.blob_abstraction_namespace = Contoso.Storage
            """,
        CodeActionEquivalenceKey = SL3001UploadToBlobStorageCodeFix.EquivalenceKey,
        FixedAdditionalSources = { ("IBlobStorage.cs", GeneratedInterface("Contoso.Storage")) },
    }.RunAsync();

    [Fact]
    public Task FixAll_TwoControllersInTwoFilesShareOneGeneratedInterface() => new VerifyFix.Test
    {
        TestCode = """
            using System.IO;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            [ApiController]
            public sealed class UploadsController : ControllerBase
            {
                [HttpPost]
                public async Task<IActionResult> Upload(IFormFile file)
                {
                    using var stream = new [|FileStream|](Path.Combine("uploads", file.FileName), FileMode.Create);
                    await file.CopyToAsync(stream);
                    return Ok();
                }
            }
            """,
        AdditionalSources =
        {
            ("ReportsController.cs", """
                using System.IO;
                using Microsoft.AspNetCore.Mvc;

                namespace Shop;

                [ApiController]
                public sealed class ReportsController : ControllerBase
                {
                    [HttpPost]
                    public IActionResult Save(string report, byte[] chart)
                    {
                        System.IO.File.[|WriteAllText|]("report.txt", report);
                        System.IO.File.[|WriteAllBytes|]("chart.png", chart);
                        return Ok();
                    }
                }
                """),
        },
        FixedCode = """
            using System.IO;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            [ApiController]
            public sealed class UploadsController : ControllerBase
            {
                private readonly IBlobStorage _blobStorage;

                public UploadsController(IBlobStorage blobStorage)
                {
                    _blobStorage = blobStorage;
                }

                [HttpPost]
                public async Task<IActionResult> Upload(IFormFile file)
                {
                    await using var stream = file.OpenReadStream();
                    await _blobStorage.UploadAsync(Path.GetFileName(Path.Combine("uploads", file.FileName)), stream);
                    return Ok();
                }
            }
            """,
        FixedAdditionalSources =
        {
            ("ReportsController.cs", """
                using System.IO;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;

                namespace Shop;

                [ApiController]
                public sealed class ReportsController : ControllerBase
                {
                    private readonly IBlobStorage _blobStorage;

                    public ReportsController(IBlobStorage blobStorage)
                    {
                        _blobStorage = blobStorage;
                    }

                    [HttpPost]
                    public async Task<IActionResult> Save(string report, byte[] chart)
                    {
                        await _blobStorage.UploadAsync("report.txt", report);
                        await _blobStorage.UploadAsync("chart.png", chart);
                        return Ok();
                    }
                }
                """),
            ("IBlobStorage.cs", GeneratedInterface("Shop")),
        },
        CodeActionEquivalenceKey = SL3001UploadToBlobStorageCodeFix.EquivalenceKey,
    }.RunAsync();

    [Fact]
    public Task NoFix_StreamUsedForSomethingElse() => VerifyBlobFixAsync(NoFixStreamUsedElsewhere, NoFixStreamUsedElsewhere, BlobStubs.Azure);

    private const string NoFixStreamUsedElsewhere = """
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        public sealed class UploadsController : ControllerBase
        {
            [HttpPost]
            public async Task<IActionResult> Upload(IFormFile file)
            {
                using var stream = new [|FileStream|](file.FileName, FileMode.Create);
                await file.CopyToAsync(stream);
                return Ok(stream.Length);
            }
        }
        """;

    [Fact]
    public Task NoFix_SyncHelperMethod() => VerifyBlobFixAsync(NoFixSyncHelper, NoFixSyncHelper, BlobStubs.Azure);

    private const string NoFixSyncHelper = """
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        public sealed class NotesController : ControllerBase
        {
            [HttpPost]
            public IActionResult Save(string note)
            {
                Write(note);
                return Ok();
            }

            private static void Write(string note) => System.IO.File.[|WriteAllText|]("notes.txt", note);

            private void WriteAgain(string note)
            {
                System.IO.File.[|WriteAllText|]("notes.txt", note);
            }
        }
        """;

    [Fact]
    public Task NoFix_UnsupportedApis() => VerifyBlobFixAsync(NoFixUnsupportedApis, NoFixUnsupportedApis, BlobStubs.Azure);

    private const string NoFixUnsupportedApis = """
        using System.IO;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        public sealed class ExportsController : ControllerBase
        {
            [HttpPost]
            public async Task Export(string[] lines, string text)
            {
                Directory.[|CreateDirectory|]("exports");
                await System.IO.File.[|WriteAllLinesAsync|]("exports/lines.txt", lines);
                await System.IO.File.[|AppendAllTextAsync|]("exports/log.txt", text);
                System.IO.File.[|Copy|]("a.txt", "exports/a.txt");
                System.IO.File.[|WriteAllText|]("exports/latin1.txt", text, Encoding.Latin1);
                using var append = new [|FileStream|](Path.Combine("exports", "all.bin"), FileMode.Append);
                await Request.Body.CopyToAsync(append);
                _ = System.IO.File.[|WriteAllTextAsync|]("exports/fire.txt", text);
            }
        }
        """;

    [Fact]
    public Task NoFix_SeveralConstructors() => VerifyBlobFixAsync(NoFixSeveralConstructors, NoFixSeveralConstructors, BlobStubs.Azure);

    private const string NoFixSeveralConstructors = """
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        public sealed class NotesController : ControllerBase
        {
            private readonly string _folder;

            public NotesController() : this("notes") { }

            public NotesController(string folder) => _folder = folder;

            [HttpPost]
            public async Task Save(string note)
            {
                await System.IO.File.[|WriteAllTextAsync|](Path.Combine(_folder, "note.txt"), note);
            }
        }
        """;

    [Fact]
    public Task NoFix_WriteInALambda() => VerifyBlobFixAsync(NoFixLambda, NoFixLambda, BlobStubs.Azure);

    private const string NoFixLambda = """
        using System.IO;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        public sealed class NotesController : ControllerBase
        {
            [HttpPost]
            public async Task Save(string note)
            {
                await Task.Run(async () => await System.IO.File.[|WriteAllTextAsync|]("note.txt", note));
                await Task.Run(() => System.IO.File.[|WriteAllText|]("note.txt", note));
            }
        }
        """;

    [Fact]
    public Task NoFix_ActionCalledFromCode() => VerifyBlobFixAsync(NoFixActionCalledFromCode, NoFixActionCalledFromCode, BlobStubs.Azure);

    private const string NoFixActionCalledFromCode = """
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        public sealed class NotesController : ControllerBase
        {
            [HttpPost]
            public IActionResult Save(string note)
            {
                System.IO.File.[|WriteAllText|]("note.txt", note);
                return Ok();
            }

            [HttpPut]
            public IActionResult Replace(string note) => Save(note);
        }
        """;
}
