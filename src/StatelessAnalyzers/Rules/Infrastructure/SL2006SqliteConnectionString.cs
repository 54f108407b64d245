using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Infrastructure;

/// <summary>Where a SQLite connection string puts the database.</summary>
internal enum SqliteStorage
{
    /// <summary>The value cannot be read (configuration, a parameter) or names no data source.</summary>
    Unknown,

    /// <summary><c>:memory:</c> or <c>Mode=Memory</c>.</summary>
    Memory,

    /// <summary>A file on the instance's disk.</summary>
    File,

    /// <summary><c>Mode=ReadOnly</c>: reference data shipped with the app, identical on every replica.</summary>
    ReadOnly,
}

/// <summary>
/// Reads the data source and mode of a SQLite connection string from a literal, a <c>const</c>, a local assigned once,
/// an interpolated or concatenated string, or a <c>SqliteConnectionStringBuilder</c> (SL2006).
/// </summary>
internal sealed class SL2006SqliteConnectionString
{
    /// <summary>Stands for a part of the text that cannot be read (an interpolation hole).</summary>
    internal const char Hole = '\0';

    private const int MaxDepth = 4;

    private readonly LazyType builderType;

    public SL2006SqliteConnectionString(LazyType builderType) => this.builderType = builderType;

    /// <summary>The storage a connection-string value selects, and the file name when it is a literal file.</summary>
    public (SqliteStorage Storage, string? FileName) Classify(IOperation value)
    {
        var facts = new Facts();
        if (!Read(value, facts, 0))
            return (SqliteStorage.Unknown, null);
        return facts.Classify();
    }

    private bool Read(IOperation value, Facts facts, int depth)
    {
        if (depth > MaxDepth)
            return false;
        if (Text(value, depth) is { } text)
        {
            facts.Parse(text);
            return true;
        }
        value = OperationTrees.WithoutConversions(value);
        switch (value)
        {
            case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance } when instance.Type.Is(builderType.Value):
                return ReadBuilder(instance, facts, depth + 1);
            case IPropertyReferenceOperation { Property.Name: "ConnectionString", Instance: { } instance } when instance.Type.Is(builderType.Value):
                return ReadBuilder(instance, facts, depth + 1);
            case ILocalReferenceOperation local when SingleValue(local) is { } initial:
                return Read(initial, facts, depth + 1);
        }
        return false;
    }

    /// <summary>The text of a string value, with <see cref="Hole"/> for the parts that cannot be read; null when none can.</summary>
    private string? Text(IOperation value, int depth)
    {
        if (depth > MaxDepth)
            return null;
        if (value.ConstantValue is { HasValue: true, Value: string constant })
            return constant;
        value = OperationTrees.WithoutConversions(value);
        switch (value)
        {
            case IInterpolatedStringOperation interpolated:
            {
                var text = string.Empty;
                foreach (var part in interpolated.Parts)
                {
                    text += part switch
                    {
                        IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string literal } } => literal,
                        IInterpolationOperation hole => Text(hole.Expression, depth + 1) ?? Hole.ToString(),
                        _ => Hole.ToString(),
                    };
                }
                return text;
            }
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
            {
                var left = Text(concatenation.LeftOperand, depth + 1);
                var right = Text(concatenation.RightOperand, depth + 1);
                return left is null && right is null ? null : (left ?? Hole.ToString()) + (right ?? Hole.ToString());
            }
            case ILocalReferenceOperation local when SingleValue(local) is { } initial:
                return Text(initial, depth + 1);
        }
        return null;
    }

    private bool ReadBuilder(IOperation instance, Facts facts, int depth)
    {
        instance = OperationTrees.WithoutConversions(instance);
        ILocalSymbol? local = null;
        if (instance is ILocalReferenceOperation reference)
        {
            local = reference.Local;
            if (SingleValue(reference) is not { } initial)
                return false;
            instance = OperationTrees.WithoutConversions(initial);
        }
        if (instance is not IObjectCreationOperation creation || !creation.Type.Is(builderType.Value))
            return false;
        foreach (var argument in creation.Arguments)
        {
            if (Text(argument.Value, depth + 1) is { } text)
                facts.Parse(text);
        }
        if (creation.Initializer is { } initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                    Apply(property.Property.Name, assignment.Value, facts, depth);
            }
        }
        if (local is not null)
        {
            // builder.DataSource = "..."; builder.Mode = ...; after the declaration.
            foreach (var operation in OperationTrees.Root(instance).Descendants())
            {
                if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation target } property } assignment
                    && SymbolEqualityComparer.Default.Equals(target.Local, local))
                    Apply(property.Property.Name, assignment.Value, facts, depth);
            }
        }
        return true;
    }

    private void Apply(string property, IOperation value, Facts facts, int depth)
    {
        switch (property)
        {
            case "DataSource":
                facts.DataSource = Text(value, depth + 1) ?? Hole.ToString();
                break;
            case "Mode":
                facts.Mode = OperationTrees.WithoutConversions(value) is IFieldReferenceOperation field ? field.Field.Name : null;
                break;
            case "ConnectionString" when Text(value, depth + 1) is { } text:
                facts.Parse(text);
                break;
        }
    }

    /// <summary>The value of a local that is assigned only in its declaration (a "local assigned once"), else null.</summary>
    private static IOperation? SingleValue(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.IsRef)
            return null;
        // The declaration and every write are in the tree of the member that declares the local (a lambda's tree is its
        // member's): one walk finds the initial value and rules out a later assignment or ref/out argument.
        IOperation? initial = null;
        foreach (var operation in OperationTrees.Root(reference).Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    initial = declarator.Initializer?.Value;
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local):
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: ILocalReferenceOperation passed } when SymbolEqualityComparer.Default.Equals(passed.Local, local):
                    return null;
            }
        }
        return initial;
    }


    /// <summary>The keys of a connection string that decide where the database lives.</summary>
    private sealed class Facts
    {
        public string? DataSource { get; set; }

        public string? Mode { get; set; }

        public void Parse(string connectionString)
        {
            foreach (var pair in connectionString.Split(';'))
            {
                var equals = pair.IndexOf('=');
                if (equals <= 0)
                    continue;
                var key = pair.Substring(0, equals).Trim().Replace(" ", string.Empty);
                var value = pair.Substring(equals + 1).Trim().Trim('"', '\'');
                if (key.Equals("DataSource", StringComparison.OrdinalIgnoreCase) || key.Equals("Filename", StringComparison.OrdinalIgnoreCase))
                    DataSource = value;
                else if (key.Equals("Mode", StringComparison.OrdinalIgnoreCase))
                    Mode = value;
            }
        }

        public (SqliteStorage Storage, string? FileName) Classify()
        {
            var mode = Mode?.Replace(" ", string.Empty);
            if (string.Equals(mode, "Memory", StringComparison.OrdinalIgnoreCase)
                || string.Equals(DataSource, ":memory:", StringComparison.OrdinalIgnoreCase)
                || (DataSource is not null && DataSource.IndexOf("mode=memory", StringComparison.OrdinalIgnoreCase) >= 0))
                return (SqliteStorage.Memory, null);
            if (string.Equals(mode, "ReadOnly", StringComparison.OrdinalIgnoreCase)
                || (DataSource is not null && DataSource.IndexOf("mode=ro", StringComparison.OrdinalIgnoreCase) >= 0))
                return (SqliteStorage.ReadOnly, null);
            if (DataSource is null)
                return (SqliteStorage.Unknown, null);
            return (SqliteStorage.File, DataSource.IndexOf(Hole) >= 0 || DataSource.Length == 0 ? null : DataSource);
        }
    }
}
