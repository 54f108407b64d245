namespace StatelessAnalyzers.Tests.Stubs;

/// <summary>Minimal declarations of object-storage clients that are not available here, with their real namespaces and signatures.</summary>
internal static class BlobStubs
{
    /// <summary>Azure.Storage.Blobs (and the <c>System.BinaryData</c> of System.Memory.Data, not in the shared framework).</summary>
    public const string Azure = """
        namespace System
        {
            public class BinaryData
            {
                public BinaryData(byte[] data) { }
                public static BinaryData FromString(string data) => new(System.Text.Encoding.UTF8.GetBytes(data));
                public static BinaryData FromBytes(byte[] data) => new(data);
            }
        }

        namespace Azure
        {
            public abstract class Response<T>
            {
                public abstract T Value { get; }
            }
        }

        namespace Azure.Storage.Blobs.Models
        {
            public class BlobContentInfo
            {
            }
        }

        namespace Azure.Storage.Blobs
        {
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using Azure.Storage.Blobs.Models;

            public class BlobContainerClient
            {
                public virtual BlobClient GetBlobClient(string blobName) => new();
            }

            public class BlobClient
            {
                public virtual Task<Response<BlobContentInfo>> UploadAsync(Stream content, bool overwrite = false, CancellationToken cancellationToken = default) => null!;
                public virtual Task<Response<BlobContentInfo>> UploadAsync(System.BinaryData content, bool overwrite = false, CancellationToken cancellationToken = default) => null!;
                public virtual Task<Response<BlobContentInfo>> UploadAsync(string path, bool overwrite = false, CancellationToken cancellationToken = default) => null!;
            }
        }
        """;

    /// <summary>AWSSDK.S3: <c>IAmazonS3.PutObjectAsync</c>.</summary>
    public const string AmazonS3 = """
        namespace Amazon.S3.Model
        {
            public class PutObjectRequest
            {
                public string? BucketName { get; set; }
                public string? Key { get; set; }
                public string? ContentBody { get; set; }
                public System.IO.Stream? InputStream { get; set; }
                public string? FilePath { get; set; }
            }

            public class PutObjectResponse
            {
            }
        }

        namespace Amazon.S3
        {
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3.Model;

            public interface IAmazonS3 : System.IDisposable
            {
                Task<PutObjectResponse> PutObjectAsync(PutObjectRequest request, CancellationToken cancellationToken = default);
            }
        }
        """;

    /// <summary>FluentStorage: <c>IBlobStorage.WriteAsync</c> and the text and bytes extensions.</summary>
    public const string FluentStorage = """
        namespace FluentStorage.Blobs
        {
            using System.IO;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IBlobStorage : System.IDisposable
            {
                Task WriteAsync(string fullPath, Stream dataStream, bool append = false, CancellationToken cancellationToken = default);
                Task<Stream> OpenReadAsync(string fullPath, CancellationToken cancellationToken = default);
            }

            public static class BlobStorageExtensions
            {
                public static Task WriteTextAsync(this IBlobStorage provider, string fullPath, string text, Encoding? textEncoding = null, CancellationToken cancellationToken = default) => Task.CompletedTask;
                public static Task WriteAsync(this IBlobStorage provider, string fullPath, byte[] data, bool append = false, CancellationToken cancellationToken = default) => Task.CompletedTask;
            }
        }
        """;
}
