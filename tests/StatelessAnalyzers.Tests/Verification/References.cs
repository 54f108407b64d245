using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StatelessAnalyzers.Tests.Verification;

/// <summary>Which shared frameworks a test compilation references.</summary>
public enum ReferenceSet
{
    /// <summary>Microsoft.NETCore.App plus Microsoft.AspNetCore.App: a web project.</summary>
    AspNetCore,

    /// <summary>Only Microsoft.NETCore.App: not a web project.</summary>
    NetCore,
}

/// <summary>
/// Metadata references taken from the running shared frameworks, built once. Only files under the
/// Microsoft.NETCore.App and Microsoft.AspNetCore.App folders are kept, so nothing of the test host
/// (xunit, the test SDK) leaks in and makes the compilation look like a test project.
/// </summary>
internal static class ReferenceAssemblies
{
    private const string NetCoreFolder = "Microsoft.NETCore.App";
    private const string AspNetCoreFolder = "Microsoft.AspNetCore.App";

    private static readonly Lazy<(ImmutableArray<MetadataReference> NetCore, ImmutableArray<MetadataReference> AspNetCore)> All =
        new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static ImmutableArray<MetadataReference> Get(ReferenceSet set) => set switch
    {
        ReferenceSet.NetCore => All.Value.NetCore,
        ReferenceSet.AspNetCore => All.Value.AspNetCore,
        _ => throw new ArgumentOutOfRangeException(nameof(set), set, "Unknown reference set."),
    };

    private static (ImmutableArray<MetadataReference>, ImmutableArray<MetadataReference>) Load()
    {
        var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("TRUSTED_PLATFORM_ASSEMBLIES is not available.");
        var netCore = new List<string>();
        var aspNetCore = new List<string>();
        foreach (var path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                continue;
            // Layout: <dotnet>/shared/<framework name>/<version>/<assembly>.dll
            var framework = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path)));
            if (string.Equals(framework, NetCoreFolder, StringComparison.OrdinalIgnoreCase))
                netCore.Add(path);
            else if (string.Equals(framework, AspNetCoreFolder, StringComparison.OrdinalIgnoreCase))
                aspNetCore.Add(path);
        }

        if (netCore.Count == 0 || aspNetCore.Count == 0)
        {
            throw new InvalidOperationException(
                $"The shared framework assemblies were not found in TRUSTED_PLATFORM_ASSEMBLIES ({netCore.Count} {NetCoreFolder}, {aspNetCore.Count} {AspNetCoreFolder}).");
        }

        netCore.Sort(StringComparer.Ordinal);
        aspNetCore.Sort(StringComparer.Ordinal);
        var netCoreReferences = netCore.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
        var aspNetCoreReferences = netCoreReferences.AddRange(aspNetCore.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)));
        return (netCoreReferences, aspNetCoreReferences);
    }
}

/// <summary>Compiles stub source (third-party APIs with their real namespaces) into an in-memory metadata reference.</summary>
public static class StubAssembly
{
    private static readonly ConcurrentDictionary<string, Lazy<MetadataReference>> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// Compiles <paramref name="source"/> against the ASP.NET Core reference set (plus <paramref name="extra"/>) into an
    /// assembly named <paramref name="assemblyName"/>; compile errors throw. Results are cached per name, source and extras.
    /// </summary>
    public static MetadataReference Create(string assemblyName, string source, params MetadataReference[] extra)
    {
        extra ??= Array.Empty<MetadataReference>();
        var key = new StringBuilder(assemblyName).Append('\0').Append(source);
        foreach (var reference in extra)
            key.Append('\0').Append(reference.Display ?? reference.GetHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Cache.GetOrAdd(key.ToString(), _ => new Lazy<MetadataReference>(() => Compile(assemblyName, source, extra))).Value;
    }

    private static MetadataReference Compile(string assemblyName, string source, MetadataReference[] extra)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: assemblyName + ".cs");
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { tree },
            ReferenceAssemblies.Get(ReferenceSet.AspNetCore).AddRange(extra),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => DiagnosticFormatter.FormatWithSource(d));
            throw new VerificationException(
                $"Stub assembly '{assemblyName}' does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        return MetadataReference.CreateFromImage(image.ToArray(), filePath: assemblyName + ".dll");
    }
}
