namespace StatelessAnalyzers;

internal static class ProjectInfo
{
    public const string RepositoryUrl = "https://github.com/stateless-analyzers/StatelessAnalyzers";

    /// <summary>Each rule's <c>helpLinkUri</c> is this prefix followed by <c>SLxxxx.md</c>.</summary>
    public const string RulesDocsUrl = RepositoryUrl + "/blob/main/docs/rules/";
}
