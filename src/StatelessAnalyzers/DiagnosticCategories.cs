namespace StatelessAnalyzers;

/// <summary>The categories of RULES.md, used in descriptors and in <c>[SuppressMessage]</c>.</summary>
internal static class DiagnosticCategories
{
    public const string Memory = "Stateless.Memory";
    public const string Infrastructure = "Stateless.Infrastructure";
    public const string Storage = "Stateless.Storage";
    public const string Work = "Stateless.Work";
    public const string Configuration = "Stateless.Configuration";
}
