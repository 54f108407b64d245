using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StatelessAnalyzers.Core;

/// <summary>How an operation changes the field or property it references.</summary>
internal enum WriteKind
{
    /// <summary>A read.</summary>
    None,

    /// <summary><c>x = v</c>, <c>x ??= v</c>, a deconstruction target.</summary>
    Assignment,

    /// <summary><c>x += v</c>.</summary>
    CompoundAssignment,

    /// <summary><c>x++</c>, <c>--x</c>.</summary>
    Increment,

    /// <summary>Passed as <c>ref</c> or <c>out</c> (<c>Interlocked.Increment(ref x)</c>).</summary>
    RefArgument,

    /// <summary>A mutating call or member write on a collection it holds (<c>x.Add(v)</c>, <c>x[k] = v</c>).</summary>
    Mutation,
}

/// <summary>Finds writes to, and mutations of, the value a field or property reference denotes.</summary>
internal static class StateWrites
{
    /// <summary>Instance methods that change the collection they are called on.</summary>
    // Read-only after type initialisation, and read on every call of a compilation: a HashSet is the fastest lookup.
    private static readonly HashSet<string> MutatingMethods = new(StringComparer.Ordinal)
    {
        "Add", "AddFirst", "AddLast", "AddOrUpdate", "AddRange", "Append", "AppendFormat", "AppendJoin", "AppendLine",
        "Clear", "Dequeue", "Enqueue", "EnqueueRange", "ExceptWith", "GetOrAdd", "Insert", "InsertRange",
        "IntersectWith", "Pop", "Push", "PushRange", "Remove", "RemoveAll", "RemoveAt", "RemoveFirst", "RemoveLast",
        "RemoveRange", "RemoveWhere", "Replace", "Reverse", "Set", "SetAll", "Sort", "SymmetricExceptWith", "Take",
        "TrimExcess", "TryAdd", "TryDequeue", "TryPop", "TryPopRange", "TryRemove", "TryTake", "TryUpdate", "UnionWith",
    };

    /// <summary>Static helpers that change the collection passed as their first argument.</summary>
    private static readonly HashSet<string> MutatingStaticHelpers = new(StringComparer.Ordinal)
    {
        "Clear", "Fill", "Reverse", "Sort", "TryAdd", "Remove", "AddRange", "InsertRange", "RemoveRange",
        "GetValueRefOrAddDefault", "SetCount",
    };

    /// <summary>
    /// True when a call of a method named <paramref name="name"/> can write what its receiver or first argument
    /// references (<see cref="Classify"/> says no for every other name): a rule looks at the receivers of these calls only.
    /// </summary>
    public static bool MayMutateThroughCall(string name) =>
        MutatingCallFilter.MayContain(name) && MutatingCallNameSet.Contains(name);

    // Asked for every call of a compilation, and most names are not mutating: the filter answers those first, one set
    // of every mutating name the rest.
    private static readonly HashSet<string> MutatingCallNameSet = new(MutatingCallNames, StringComparer.Ordinal);
    private static readonly NameFilter MutatingCallFilter = new(MutatingCallNames);

    /// <summary>The names for which <see cref="MayMutateThroughCall"/> is true.</summary>
    public static IEnumerable<string> MutatingCallNames
    {
        get
        {
            foreach (var name in MutatingMethods)
                yield return name;
            foreach (var name in MutatingStaticHelpers)
                yield return name;
            yield return "Copy";
            yield return "ConstrainedCopy";
        }
    }

    /// <summary>
    /// Classifies what <paramref name="reference"/> (a field or property reference) does to the referenced value.
    /// Mutations are recognised only on values of a mutable collection type.
    /// </summary>
    public static WriteKind Classify(IOperation reference, StateTypeClassifier types)
    {
        var direct = ClassifyDirect(reference);
        if (direct != WriteKind.None)
            return direct;
        if (!types.IsMutableCollection(reference.Type))
            return reference.Type is { IsValueType: true } ? ClassifyStructMember(reference) : WriteKind.None;

        // Implicit conversions (a Dictionary passed as IDictionary, an array as Array) do not change what is mutated.
        var child = reference;
        var parent = reference.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            child = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IInvocationOperation invocation when ReferenceEquals(invocation.Instance, child):
                return MutatingMethods.Contains(invocation.TargetMethod.Name) ? WriteKind.Mutation : WriteKind.None;

            case IArgumentOperation { Parent: IInvocationOperation call } argument
                when call.TargetMethod.IsStatic
                    && call.Arguments.Length > 0
                    && ReferenceEquals(call.Arguments[0], argument)
                    && ReferenceEquals(argument.Value, child)
                    && MutatingStaticHelpers.Contains(call.TargetMethod.Name)
                    && IsCollectionHelperType(call.TargetMethod.ContainingType):
                return WriteKind.Mutation;

            case IArgumentOperation { Parent: IInvocationOperation copy } destination
                when copy.TargetMethod.IsStatic
                    && copy.TargetMethod.Name is "Copy" or "ConstrainedCopy"
                    && ReferenceEquals(destination.Value, child)
                    && destination.Parameter?.Name == "destinationArray":
                return WriteKind.Mutation;

            // x[k] = v, x[i]++, x.Length = 0 on a collection held by the field.
            case IPropertyReferenceOperation member when ReferenceEquals(member.Instance, reference):
                return ClassifyDirect(member) != WriteKind.None ? WriteKind.Mutation : WriteKind.None;
            case IArrayElementReferenceOperation element when ReferenceEquals(element.ArrayReference, reference):
                return ClassifyDirect(element) != WriteKind.None ? WriteKind.Mutation : WriteKind.None;

            // x?.Add(v)
            case IConditionalAccessOperation conditional when ReferenceEquals(conditional.Operation, reference):
                return conditional.WhenNotNull is IInvocationOperation { Instance: IConditionalAccessInstanceOperation } call2
                    && MutatingMethods.Contains(call2.TargetMethod.Name)
                    ? WriteKind.Mutation
                    : WriteKind.None;
        }
        return WriteKind.None;
    }

    /// <summary>True when the operation sits in a lambda or local function, which runs later than its enclosing member.</summary>
    public static bool IsInsideDeferredCode(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                return true;
        }
        return false;
    }

    private static WriteKind ClassifyDirect(IOperation target)
    {
        var parent = target.Parent;
        switch (parent)
        {
            case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Target, target):
                return WriteKind.Assignment;
            case ICoalesceAssignmentOperation coalesce when ReferenceEquals(coalesce.Target, target):
                return WriteKind.Assignment;
            case ICompoundAssignmentOperation compound when ReferenceEquals(compound.Target, target):
                return WriteKind.CompoundAssignment;
            case IIncrementOrDecrementOperation increment when ReferenceEquals(increment.Target, target):
                return WriteKind.Increment;
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                return WriteKind.RefArgument;
            case ITupleOperation:
                return IsDeconstructionTarget(parent) ? WriteKind.Assignment : WriteKind.None;
        }
        return WriteKind.None;
    }

    private static WriteKind ClassifyStructMember(IOperation reference)
    {
        // s.X = 1 on a struct held by the field changes the field itself.
        return reference.Parent is IMemberReferenceOperation member
            && ReferenceEquals(member.Instance, reference)
            && ClassifyDirect(member) != WriteKind.None
            ? WriteKind.Mutation
            : WriteKind.None;
    }

    private static bool IsDeconstructionTarget(IOperation tuple)
    {
        var current = tuple;
        while (current.Parent is ITupleOperation outer)
            current = outer;
        return current.Parent is IDeconstructionAssignmentOperation deconstruction && ReferenceEquals(deconstruction.Target, current);
    }

    private static bool IsCollectionHelperType(INamedTypeSymbol type) =>
        type.Name is "Array" or "CollectionExtensions" or "CollectionsMarshal"
        && (type.ContainingNamespace.IsNamespace("System") || type.ContainingNamespace.IsNamespace("System.Collections.Generic")
            || type.ContainingNamespace.IsNamespace("System.Runtime.InteropServices"));
}
