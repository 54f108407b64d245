using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace StatelessAnalyzers.Core;

/// <summary>
/// Recognises development guards: the <c>true</c> branch of <c>if (env.IsDevelopment())</c> (or
/// <c>IsEnvironment("Development")</c>; <c>IsStaging()</c> is not a guard) and code inside <c>#if DEBUG</c>.
/// </summary>
internal static class DevelopmentGuards
{
    private static readonly ConditionalWeakTable<SyntaxTree, DebugRegions> DebugRegionsByTree = new();

    /// <summary>True when the options honour guards and <paramref name="operation"/> sits inside one.</summary>
    public static bool IsGuarded(IOperation operation, StatelessOptions options) =>
        options.DevelopmentGuards
        && (IsInsideDevelopmentBranch(operation) || IsInsideDebugDirective(operation.Syntax));

    /// <summary>True inside the branch that runs only in the Development environment.</summary>
    public static bool IsInsideDevelopmentBranch(IOperation operation)
    {
        var child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            if (current is IConditionalOperation conditional)
            {
                if (ReferenceEquals(conditional.WhenTrue, child) && ImpliesDevelopment(conditional.Condition, negated: false))
                    return true;
                if (ReferenceEquals(conditional.WhenFalse, child) && ImpliesDevelopment(conditional.Condition, negated: true))
                    return true;
            }
        }
        return false;
    }

    /// <summary>True when <paramref name="node"/> is inside an active <c>#if DEBUG</c> region.</summary>
    public static bool IsInsideDebugDirective(SyntaxNode node)
    {
        var tree = node.SyntaxTree;
        if (!tree.GetRoot().ContainsDirectives)
            return false;
        var regions = DebugRegionsByTree.GetValue(tree, static t => new DebugRegions(t));
        return regions.Contains(node.SpanStart);
    }

    /// <summary>
    /// Whether the condition being true (or, when <paramref name="negated"/>, false) means the app runs in Development.
    /// </summary>
    private static bool ImpliesDevelopment(IOperation condition, bool negated)
    {
        switch (OperationTrees.WithoutConversions(condition))
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } negation:
                return ImpliesDevelopment(negation.Operand, !negated);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when !negated:
                return ImpliesDevelopment(both.LeftOperand, false) || ImpliesDevelopment(both.RightOperand, false);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either when negated:
                return ImpliesDevelopment(either.LeftOperand, true) || ImpliesDevelopment(either.RightOperand, true);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                // env.IsDevelopment() == true / != false
                if (comparison.RightOperand.ConstantValue is { HasValue: true, Value: bool right })
                {
                    var expectTrue = right == (comparison.OperatorKind == BinaryOperatorKind.Equals);
                    return ImpliesDevelopment(comparison.LeftOperand, negated ? expectTrue : !expectTrue);
                }
                return false;
            case IInvocationOperation invocation when !negated:
                return IsDevelopmentCheck(invocation);
        }
        return false;
    }

    private static bool IsDevelopmentCheck(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "IsDevelopment")
            return method.Parameters.Length == (method.IsExtensionMethod && method.ReducedFrom is null ? 1 : 0);
        if (method.Name != "IsEnvironment")
            return false;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value.ConstantValue is { HasValue: true, Value: string name }
                && string.Equals(name, "Development", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>The spans of one tree that are active only when <c>DEBUG</c> is defined.</summary>
    private sealed class DebugRegions
    {
        private readonly ImmutableArray<TextSpan> spans;

        public DebugRegions(SyntaxTree tree)
        {
            var builder = ImmutableArray.CreateBuilder<TextSpan>();
            // Each open #if keeps whether its current branch is a DEBUG branch and where that branch starts.
            var stack = new Stack<(bool IsDebug, int Start)>();
            for (var directive = tree.GetRoot().GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
            {
                switch (directive)
                {
                    case IfDirectiveTriviaSyntax ifDirective:
                        stack.Push((RequiresDebug(ifDirective.Condition), directive.FullSpan.End));
                        break;
                    case ElifDirectiveTriviaSyntax elif when stack.Count > 0:
                        Close(stack.Pop(), directive.FullSpan.Start, builder);
                        stack.Push((RequiresDebug(elif.Condition), directive.FullSpan.End));
                        break;
                    case ElseDirectiveTriviaSyntax when stack.Count > 0:
                        Close(stack.Pop(), directive.FullSpan.Start, builder);
                        stack.Push((false, directive.FullSpan.End));
                        break;
                    case EndIfDirectiveTriviaSyntax when stack.Count > 0:
                        Close(stack.Pop(), directive.FullSpan.Start, builder);
                        break;
                }
            }
            spans = builder.ToImmutable();
        }

        public bool Contains(int position)
        {
            foreach (var span in spans)
            {
                if (span.Contains(position))
                    return true;
            }
            return false;
        }

        private static void Close((bool IsDebug, int Start) branch, int end, ImmutableArray<TextSpan>.Builder builder)
        {
            if (branch.IsDebug && end > branch.Start)
                builder.Add(TextSpan.FromBounds(branch.Start, end));
        }

        private static bool RequiresDebug(ExpressionSyntax condition) => condition switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText == "DEBUG",
            ParenthesizedExpressionSyntax parenthesized => RequiresDebug(parenthesized.Expression),
            BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression) =>
                RequiresDebug(binary.Left) || RequiresDebug(binary.Right),
            _ => false,
        };
    }
}
