using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.StaticFiles;
using StatefulShop.Background;
using StatefulShop.Services;

namespace StatefulShop.Controllers;

[ApiController]
[Route("api/uploads")]
public sealed class UploadsController : ControllerBase
{
    private const long MaxImageSize = 5 * 1024 * 1024;

    // Not state: a static readonly array that is only read (a look-alike SL1001 must leave alone).
    private static readonly string[] AllowedExtensions = { ".png", ".jpg" };

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly string _imageDirectory;
    private readonly IBackgroundTaskQueue _taskQueue;
    private readonly CatalogImporter _importer;

    public UploadsController(IWebHostEnvironment environment, IBackgroundTaskQueue taskQueue, CatalogImporter importer)
    {
        _imageDirectory = Path.Combine(environment.ContentRootPath, "App_Data", "product-images");
        _taskQueue = taskQueue;
        _importer = importer;
    }

    [HttpPost("product-images/{sku}")]
    [RequestSizeLimit(MaxImageSize)]
    public async Task<IActionResult> UploadProductImage(string sku, IFormFile formFile, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(formFile.FileName).ToLowerInvariant();
        if (!AllowedExtensions.Contains(extension))
            return BadRequest($"Only {string.Join(", ", AllowedExtensions)} images are accepted.");

        // SL3001 (both statements): the image is stored on this instance's disk only.
        Directory.CreateDirectory(_imageDirectory);
        var fileName = $"{sku}-{Guid.NewGuid():N}{extension}";
        var path = Path.Combine(_imageDirectory, fileName);
        using var stream = new FileStream(path, FileMode.Create);
        await formFile.CopyToAsync(stream, cancellationToken);

        return CreatedAtAction(nameof(GetProductImage), new { fileName }, new { fileName });
    }

    [HttpGet("product-images/{fileName}")]
    public IActionResult GetProductImage(string fileName)
    {
        var path = Path.Combine(_imageDirectory, Path.GetFileName(fileName));
        if (!System.IO.File.Exists(path))
            return NotFound();

        return PhysicalFile(path, ContentTypes.TryGetContentType(path, out var contentType) ? contentType : "application/octet-stream");
    }

    [HttpPost("stock-import")]
    public async Task<IActionResult> ImportStock(IFormFile file, CancellationToken cancellationToken)
    {
        // SL3002: the upload waits in this instance's temp folder for a background job of this process.
        var tempPath = Path.GetTempFileName();
        await using (var temp = System.IO.File.OpenWrite(tempPath))
        {
            await file.CopyToAsync(temp, cancellationToken);
        }

        await _taskQueue.QueueBackgroundWorkItemAsync(async token =>
        {
            await _importer.ImportStockAsync(tempPath, token);
            System.IO.File.Delete(tempPath);
        });

        return Accepted();
    }
}
