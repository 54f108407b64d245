using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CodeActions;

namespace StatelessAnalyzers.Tests.Verification;

/// <summary>Helpers over the code actions a provider registers.</summary>
internal static class CodeActionList
{
    /// <summary>The actions a user can pick: nested actions replace the group that holds them.</summary>
    public static ImmutableArray<CodeAction> Flatten(IEnumerable<CodeAction> actions)
    {
        var flat = ImmutableArray.CreateBuilder<CodeAction>();
        foreach (var action in actions)
            Add(action, flat);
        return flat.ToImmutable();
    }

    private static void Add(CodeAction action, ImmutableArray<CodeAction>.Builder into)
    {
        if (action.NestedActions.IsDefaultOrEmpty)
        {
            into.Add(action);
            return;
        }

        foreach (var nested in action.NestedActions)
            Add(nested, into);
    }
}
