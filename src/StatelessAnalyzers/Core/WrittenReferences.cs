using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace StatelessAnalyzers.Core;

/// <summary>
/// The field, property and parameter references that a write site may write or mutate. A reference is changed only
/// by the operation that contains it: an assignment, compound or coalesce assignment, deconstruction, <c>++</c> or
/// <c>--</c> (its target, the target's receiver, the array of an element), a call (its <c>ref</c> and <c>out</c>
/// arguments, and for a mutating name such as <c>Add</c> its receiver or a static helper's first argument), an object
/// creation or a function-pointer call (their <c>ref</c> and <c>out</c> arguments). These sites are far fewer than the
/// references of a compilation, so the rules that look for writes act on the sites and take the references from them,
/// instead of looking at every field and property reference. <see cref="StateWrites.Classify"/> then says what the
/// site does to each reference; every reference it calls a write is among those collected here, once.
/// </summary>
internal static class WrittenReferences
{
    /// <summary>The kinds of operation that can write or mutate a reference.</summary>
    public static readonly ImmutableArray<OperationKind> SiteKinds = ImmutableArray.Create(
        OperationKind.SimpleAssignment, OperationKind.CompoundAssignment, OperationKind.CoalesceAssignment,
        OperationKind.DeconstructionAssignment, OperationKind.Increment, OperationKind.Decrement,
        OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.FunctionPointerInvocation);

    // One list per thread, reused by every site: a site has one or two references, and most have none.
    [ThreadStatic]
    private static List<IOperation>? buffer;

    /// <summary>
    /// Registers <paramref name="action"/> for each field, property or parameter reference that a write site of the
    /// compilation may write or mutate: it receives the site's context and the reference. Under the host, the
    /// references of a site are collected once for every rule that registered.
    /// </summary>
    public static void RegisterWrittenReferenceAction(
        this CompilationStartAnalysisContext start,
        Action<OperationAnalysisContext, IOperation> action)
    {
        if (start is INamedActionRegistrar registrar)
        {
            registrar.RegisterWrittenReferenceAction(action);
            return;
        }
        start.RegisterOperationAction(Dispatcher(new[] { action }), SiteKinds);
    }

    /// <summary>An operation action for <see cref="SiteKinds"/> that runs <paramref name="actions"/> on each reference the site may change.</summary>
    public static Action<OperationAnalysisContext> Dispatcher(Action<OperationAnalysisContext, IOperation>[] actions) =>
        context => Dispatch(context, context.Operation.Kind, actions);

    /// <summary>
    /// The same for the sites of one <paramref name="kind"/> only (an action registered for that kind alone): the
    /// operation's kind is not read again.
    /// </summary>
    public static Action<OperationAnalysisContext> Dispatcher(Action<OperationAnalysisContext, IOperation>[] actions, OperationKind kind) =>
        context => Dispatch(context, kind, actions);

    private static void Dispatch(OperationAnalysisContext context, OperationKind kind, Action<OperationAnalysisContext, IOperation>[] actions)
    {
        var references = buffer ??= new List<IOperation>(4);
        references.Clear();
        Collect(context.Operation, kind, references);
        for (var i = 0; i < references.Count; i++)
        {
            var reference = references[i];
            foreach (var action in actions)
                action(context, reference);
        }
        references.Clear();
    }

    /// <summary>Adds to <paramref name="references"/> the field, property and parameter references <paramref name="site"/> may change.</summary>
    public static void Collect(IOperation site, List<IOperation> references) => Collect(site, site.Kind, references);

    private static void Collect(IOperation site, OperationKind kind, List<IOperation> references)
    {
        // By kind, not by interface: every site of the compilation comes here, and each interface test is a search.
        switch (kind)
        {
            case OperationKind.Invocation:
                var invocation = (IInvocationOperation)site;
                AddMutatedThroughCall(invocation, references);
                AddRefOrOutArguments(invocation.Arguments, references);
                break;
            case OperationKind.SimpleAssignment or OperationKind.CompoundAssignment or OperationKind.CoalesceAssignment:
                AddWriteTarget(((IAssignmentOperation)site).Target, references);
                break;
            case OperationKind.DeconstructionAssignment:
                AddDeconstructionTargets(((IDeconstructionAssignmentOperation)site).Target, references);
                break;
            case OperationKind.Increment or OperationKind.Decrement:
                AddWriteTarget(((IIncrementOrDecrementOperation)site).Target, references);
                break;
            case OperationKind.ObjectCreation:
                AddRefOrOutArguments(((IObjectCreationOperation)site).Arguments, references);
                break;
            case OperationKind.FunctionPointerInvocation:
                AddRefOrOutArguments(((IFunctionPointerInvocationOperation)site).Arguments, references);
                break;
        }
    }

    private static void AddDeconstructionTargets(IOperation target, List<IOperation> references)
    {
        if (target is ITupleOperation tuple)
        {
            foreach (var element in tuple.Elements)
                AddDeconstructionTargets(element, references);
        }
        else
        {
            AddWriteTarget(target, references);
        }
    }

    /// <summary>A written operand: it is written, and so is, as a mutation, its receiver (<c>x[k] = v</c>, <c>s.X = 1</c>) or array.</summary>
    private static void AddWriteTarget(IOperation target, List<IOperation> references)
    {
        Add(target, references);
        switch (target.Kind)
        {
            case OperationKind.FieldReference or OperationKind.PropertyReference or OperationKind.EventReference or OperationKind.MethodReference:
                Add(((IMemberReferenceOperation)target).Instance, references);
                break;
            case OperationKind.ArrayElementReference:
                Add(((IArrayElementReferenceOperation)target).ArrayReference, references);
                break;
        }
    }

    /// <summary>
    /// A call of a mutating name (Add, Clear, Array.Copy...): its receiver, or for a static helper its first argument
    /// (or <c>destinationArray</c>).
    /// </summary>
    private static void AddMutatedThroughCall(IInvocationOperation invocation, List<IOperation> references)
    {
        var method = invocation.TargetMethod;
        if (!StateWrites.MayMutateThroughCall(method.Name))
            return;
        if (invocation.Instance is { } instance)
        {
            if (instance is IConditionalAccessInstanceOperation)
            {
                // x?.Add(v): the receiver is the conditional access's operand.
                if (invocation.Parent is IConditionalAccessOperation conditional && ReferenceEquals(conditional.WhenNotNull, invocation))
                    Add(conditional.Operation, references);
            }
            else
            {
                Add(OperationTrees.WithoutImplicitConversions(instance), references);
            }
        }
        if (!method.IsStatic)
            return;
        var arguments = invocation.Arguments;
        for (var i = 0; i < arguments.Length; i++)
        {
            // ref and out arguments are writes whatever the name (AddRefOrOutArguments).
            var argument = arguments[i];
            if (argument.Parameter is { RefKind: not (RefKind.Ref or RefKind.Out) } parameter
                && (i == 0 || parameter.Name == "destinationArray"))
                Add(OperationTrees.WithoutImplicitConversions(argument.Value), references);
        }
    }

    private static void AddRefOrOutArguments(ImmutableArray<IArgumentOperation> arguments, List<IOperation> references)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            // The value first: it was just built, where the parameter symbol was last read when the call was bound, and
            // most arguments (literals, locals, calls) cannot give a reference whatever their parameter.
            var argument = arguments[i];
            if (MayGiveWriteTarget(argument.Value.Kind) && argument.Parameter is { RefKind: RefKind.Ref or RefKind.Out })
                AddWriteTarget(argument.Value, references);
        }
    }

    /// <summary>The kinds of operand from which <see cref="AddWriteTarget"/> can add a reference (itself, its receiver or its array).</summary>
    private static bool MayGiveWriteTarget(OperationKind kind) =>
        kind is OperationKind.FieldReference or OperationKind.PropertyReference or OperationKind.ParameterReference
            or OperationKind.EventReference or OperationKind.MethodReference or OperationKind.ArrayElementReference;

    private static void Add(IOperation? operation, List<IOperation> references)
    {
        if (operation is null
            || operation.Kind is not (OperationKind.FieldReference or OperationKind.PropertyReference or OperationKind.ParameterReference))
            return;
        // A static helper's ref first argument is reached twice; each reference is given once.
        for (var i = 0; i < references.Count; i++)
        {
            if (ReferenceEquals(references[i], operation))
                return;
        }
        references.Add(operation);
    }
}
