using Microsoft.CodeAnalysis;

namespace StatelessAnalyzers;

/// <summary>Family 3: the local file system (category <c>Stateless.Storage</c>).</summary>
internal static partial class Descriptors
{
    public static readonly DiagnosticDescriptor SL3001LocalFileWrite = Create(
        "SL3001",
        "Write to the local file system",
        "'{0}' writes to this instance's disk: the file is missing on every other replica and gone when the container is replaced; store it in blob storage (Azure Blob Storage, Amazon S3) or a database",
        DiagnosticCategories.Storage,
        DiagnosticSeverity.Warning,
        "A web app or worker that writes uploads, exports or data files to the local disk keeps them on one instance: other replicas cannot serve them, and replacing or scaling in the instance deletes them.");

    public static readonly DiagnosticDescriptor SL3002TemporaryFile = Create(
        "SL3002",
        "Temporary file on the instance's disk",
        "'{0}' puts a file in this instance's temporary folder: fine as scratch space within one request, but a later request served by another replica will not find it",
        DiagnosticCategories.Storage,
        DiagnosticSeverity.Info,
        "A temporary file lives on the instance that wrote it. Scratch data used and deleted within one request is fine; anything a later request reads back is per-instance state.");

    public static readonly DiagnosticDescriptor SL3003LocalLogFile = Create(
        "SL3003",
        "Logs written to a local file",
        "'{0}' writes logs to a file on this instance's disk: they are split across replicas and lost when the container is replaced; write to the console or a log service instead",
        DiagnosticCategories.Storage,
        DiagnosticSeverity.Warning,
        "Log files on the instance's disk are scattered over replicas and deleted with the container; in a scaled-out service logs go to standard output, collected by the platform, or straight to a log service.");
}
