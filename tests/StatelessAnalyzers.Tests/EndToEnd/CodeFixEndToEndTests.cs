using Xunit.Abstractions;

namespace StatelessAnalyzers.Tests.EndToEnd;

/// <summary>
/// The package's code fixes applied by <c>dotnet format analyzers</c> to a consumer project, the way a team would
/// apply them to a whole codebase: afterwards the project builds with no error and the findings are gone.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CodeFixEndToEndTests(PackageFixture fixture, ITestOutputHelper output)
{
    /// <summary>Raises the info rules to warnings so that the build output shows whether any finding is left.</summary>
    private const string EditorConfig = """
        root = true

        [*.cs]
        dotnet_diagnostic.SL2003.severity = warning
        dotnet_diagnostic.SL1005.severity = warning

        """;

    private const string PricesController = """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Memory;

        namespace Consumer.Controllers;

        [ApiController]
        [Route("prices")]
        public sealed class PricesController(IMemoryCache cache) : ControllerBase
        {
            [HttpGet("{sku}")]
            public async Task<ActionResult<decimal>> Get(string sku, CancellationToken cancellationToken)
            {
                var price = await cache.GetOrCreateAsync("price:" + sku, async entry =>
                {
                    entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
                    await Task.Delay(10, cancellationToken);
                    return 9.5m;
                });
                return price;
            }

            [HttpDelete("{sku}")]
            public async Task<IActionResult> Forget(string sku)
            {
                await Task.Yield();
                cache.Remove("price:" + sku);
                return NoContent();
            }
        }

        """;

    private const string CartController = """
        using Microsoft.AspNetCore.Mvc;

        namespace Consumer.Controllers;

        public sealed record Cart(string User, List<string> Items);

        [ApiController]
        [Route("carts")]
        public sealed class CartController : ControllerBase
        {
            private static readonly Dictionary<string, Cart> Carts = new();

            [HttpGet("{user}")]
            public ActionResult<Cart> Get(string user)
            {
                if (Carts.TryGetValue(user, out var cart))
                    return cart;
                return NotFound();
            }

            [HttpPut("{user}")]
            public IActionResult Put(string user, Cart cart)
            {
                Carts[user] = cart;
                return NoContent();
            }

            [HttpDelete("{user}")]
            public async Task<IActionResult> Abandon(string user, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken);
                Carts.Remove(user);
                return NoContent();
            }
        }

        """;

    private const string ProgramWithCaches = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddMemoryCache();
        builder.Services.AddStackExchangeRedisCacheStandIn();
        var app = builder.Build();
        app.MapControllers();
        app.Run();

        static class CacheRegistration
        {
            // Stands in for a shared cache registration, so the sample has an IDistributedCache to inject.
            public static IServiceCollection AddStackExchangeRedisCacheStandIn(this IServiceCollection services) =>
                services.AddSingleton<Microsoft.Extensions.Caching.Distributed.IDistributedCache,
                    Microsoft.Extensions.Caching.Distributed.MemoryDistributedCache>();
        }

        """;

    [Fact]
    public async Task FormatAnalyzers_AppliesTheDistributedCacheFixes()
    {
        var consumer = fixture.CreateConsumer("format-cache", new Dictionary<string, string?>
        {
            [PackageFixture.ControllerPath] = null,
            ["Controllers/PricesController.cs"] = PricesController,
            ["Controllers/CartController.cs"] = CartController,
            ["Program.cs"] = ProgramWithCaches,
            [".editorconfig"] = EditorConfig,
        });

        var before = await consumer.BuildAsync();
        Log(before);
        Assert.True(before.Succeeded, before.ToString());
        Assert.Contains(BuildDiagnostic.Parse(before.Output), d => d.Id == "SL2003");
        Assert.Contains(BuildDiagnostic.Parse(before.Output), d => d.Id == "SL1001");

        var format = await consumer.RunDotnetAsync(
            "format", "analyzers", consumer.ProjectPath, "--diagnostics", "SL1001", "SL2003", "--severity", "info", "--verbosity", "diagnostic");
        Log(format);
        Assert.True(format.Succeeded, format.ToString());

        var fixedSource = File.ReadAllText(consumer.GetPath("Controllers/PricesController.cs"));
        output.WriteLine(fixedSource);
        Assert.Contains("IDistributedCache cache", fixedSource, StringComparison.Ordinal);
        Assert.Contains("GetStringAsync", fixedSource, StringComparison.Ordinal);
        Assert.DoesNotContain("IMemoryCache", fixedSource, StringComparison.Ordinal);

        var fixedCart = File.ReadAllText(consumer.GetPath("Controllers/CartController.cs"));
        output.WriteLine(fixedCart);
        Assert.DoesNotContain("Dictionary<string, Cart>", fixedCart, StringComparison.Ordinal);
        Assert.Contains("IDistributedCache", fixedCart, StringComparison.Ordinal);
        Assert.Contains("public async Task<IActionResult> Put", fixedCart, StringComparison.Ordinal);

        var after = await consumer.BuildAsync();
        Log(after);
        Assert.True(after.Succeeded, after.ToString());
        var left = BuildDiagnostic.Parse(after.Output).Where(d => d.Id is "SL1001" or "SL2003" || d.Severity == "error").ToList();
        Assert.True(left.Count == 0, "Left after the fix:\n" + string.Join("\n", left));
    }

    private const string UploadsController = """
        using Microsoft.AspNetCore.Mvc;

        namespace Consumer.Controllers;

        [ApiController]
        [Route("uploads")]
        public sealed class UploadsController(ILogger<UploadsController> logger) : ControllerBase
        {
            [HttpPost]
            public async Task<IActionResult> Upload(IFormFile file, CancellationToken cancellationToken)
            {
                var path = Path.Combine("uploads", file.FileName);
                using var stream = new FileStream(path, FileMode.Create);
                await file.CopyToAsync(stream, cancellationToken);
                logger.LogInformation("Stored {Name}", file.FileName);
                return Ok();
            }

            [HttpPost("notes")]
            public IActionResult Note(string name, string text)
            {
                System.IO.File.WriteAllText(Path.Combine("notes", name), text);
                return NoContent();
            }
        }

        """;

    [Fact]
    public async Task FormatAnalyzers_AppliesTheBlobStorageFix()
    {
        // The project references the AWS SDK, so the fix uploads through IAmazonS3.
        var consumer = fixture.CreateConsumer("format-blob", new Dictionary<string, string?>
        {
            [ConsumerProject.ProjectFileName] = fixture.ConsumerProjectFile(
                "  <ItemGroup>\n    <PackageReference Include=\"AWSSDK.S3\" Version=\"3.7.511.8\" />\n  </ItemGroup>"),
            [PackageFixture.ControllerPath] = null,
            ["Controllers/UploadsController.cs"] = UploadsController,
        });

        var before = await consumer.BuildAsync();
        Log(before);
        Assert.True(before.Succeeded, before.ToString());
        Assert.Equal(2, BuildDiagnostic.Parse(before.Output).Where(d => d.Id == "SL3001").Select(d => (d.Line, d.Column)).Distinct().Count());

        var format = await consumer.RunDotnetAsync(
            "format", "analyzers", consumer.ProjectPath, "--diagnostics", "SL3001", "--severity", "warn", "--verbosity", "diagnostic");
        Log(format);
        Assert.True(format.Succeeded, format.ToString());

        var fixedSource = File.ReadAllText(consumer.GetPath("Controllers/UploadsController.cs"));
        output.WriteLine(fixedSource);
        Assert.DoesNotContain("FileStream", fixedSource, StringComparison.Ordinal);
        Assert.DoesNotContain("WriteAllText", fixedSource, StringComparison.Ordinal);
        Assert.Contains("IAmazonS3", fixedSource, StringComparison.Ordinal);
        Assert.Contains("PutObjectAsync", fixedSource, StringComparison.Ordinal);

        var after = await consumer.BuildAsync();
        Log(after);
        Assert.True(after.Succeeded, after.ToString());
        var left = BuildDiagnostic.Parse(after.Output).Where(d => d.Id is "SL3001" || d.Severity == "error").ToList();
        Assert.True(left.Count == 0, "Left after the fix:\n" + string.Join("\n", left));
    }

    [Fact]
    public async Task FormatAnalyzers_GeneratesTheBlobStorageInterfaceWithoutEditingTheProjectFile()
    {
        var consumer = fixture.CreateConsumer("format-blob-interface", new Dictionary<string, string?>
        {
            [PackageFixture.ControllerPath] = null,
            ["Controllers/UploadsController.cs"] = UploadsController,
        });
        var projectFile = File.ReadAllText(consumer.ProjectPath);

        var format = await consumer.RunDotnetAsync(
            "format", "analyzers", consumer.ProjectPath, "--diagnostics", "SL3001", "--severity", "warn", "--verbosity", "diagnostic");
        Log(format);
        Assert.True(format.Succeeded, format.ToString());

        var fixedSource = File.ReadAllText(consumer.GetPath("Controllers/UploadsController.cs"));
        output.WriteLine(fixedSource);
        Assert.Contains("public interface IBlobStorage", fixedSource, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(fixedSource, "interface IBlobStorage"));
        Assert.Contains("UploadAsync", fixedSource, StringComparison.Ordinal);
        Assert.Equal(projectFile, File.ReadAllText(consumer.ProjectPath));

        var after = await consumer.BuildAsync();
        Log(after);
        Assert.True(after.Succeeded, after.ToString());
        var left = BuildDiagnostic.Parse(after.Output).Where(d => d.Id is "SL3001" || d.Severity == "error").ToList();
        Assert.True(left.Count == 0, "Left after the fix:\n" + string.Join("\n", left));
    }

    private void Log(ProcessResult result) => output.WriteLine(result.ToString());
}
