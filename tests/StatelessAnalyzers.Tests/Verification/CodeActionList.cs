using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace StatelessAnalyzers.Tests.Verification;

/// <summary>Helpers over the code actions a provider registers.</summary>
internal static class CodeActionList
{
    /// <summary>The actions <paramref name="provider"/> offers for <paramref name="diagnostic"/>, flattened.</summary>
    public static async Task<ImmutableArray<CodeAction>> RegisterAsync(
        CodeFixProvider provider, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(
            document,
            diagnostic,
            (action, _) =>
            {
                lock (actions)
                    actions.Add(action);
            },
            cancellationToken);
        await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        return Flatten(actions);
    }

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
