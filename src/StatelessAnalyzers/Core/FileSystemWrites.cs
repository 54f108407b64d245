using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace StatelessAnalyzers.Core;

/// <summary>Where the path of a file-system write comes from.</summary>
internal enum WritePathKind
{
    /// <summary>Any path: the instance's disk.</summary>
    Local,

    /// <summary>Built from <c>Path.GetTempPath()</c> (SL3002).</summary>
    TempFolder,

    /// <summary>Made by <c>Path.GetTempFileName()</c>, whose call SL3002 reports itself.</summary>
    TempFileName,
}

/// <summary>A recognised write to the file system: the API, the destination path, and the node to report on.</summary>
internal readonly record struct FileSystemWrite(string Api, IOperation? Path, Location Location);

/// <summary>Recognises the file-system writes of RULES.md SL3001, in static-call and instance forms.</summary>
internal static class FileSystemWrites
{
    /// <summary>The names of the types whose creation <see cref="TryGet"/> can recognise as a write.</summary>
    public static readonly string[] CreatedTypeNames = { "FileStream", "StreamWriter" };

    /// <summary>The names of every method whose call <see cref="TryGet"/> can recognise as a write.</summary>
    public static readonly string[] InvocationNames =
    {
        "WriteAllText", "WriteAllTextAsync", "WriteAllBytes", "WriteAllBytesAsync", "WriteAllLines", "WriteAllLinesAsync",
        "AppendAllText", "AppendAllTextAsync", "AppendAllLines", "AppendAllLinesAsync", "AppendAllBytes", "AppendAllBytesAsync",
        "AppendText", "Create", "CreateText", "OpenWrite", "Open", "OpenHandle", "Copy", "Move", "Replace",
        "CopyTo", "MoveTo", "CreateDirectory", "CreateFromDirectory", "ExtractToDirectory", "Save",
    };

    private static bool IsFileWriteMethod(string name) => name is
        "WriteAllText" or "WriteAllTextAsync" or "WriteAllBytes" or "WriteAllBytesAsync" or "WriteAllLines" or "WriteAllLinesAsync"
        or "AppendAllText" or "AppendAllTextAsync" or "AppendAllLines" or "AppendAllLinesAsync" or "AppendAllBytes" or "AppendAllBytesAsync"
        or "AppendText" or "Create" or "CreateText" or "OpenWrite";

    private static bool IsFileInfoWriteMethod(string name) => name is
        "Create" or "CreateText" or "AppendText" or "OpenWrite" or "CopyTo" or "MoveTo";

    // FileMode: CreateNew = 1, Create = 2, Open = 3, OpenOrCreate = 4, Truncate = 5, Append = 6.
    // FileAccess: Read = 1, Write = 2, ReadWrite = 3.
    private static bool IsWritingMode(int mode) => mode is 1 or 2 or 4 or 5 or 6;

    private static bool IsWritingAccess(int access) => access is 2 or 3;

    /// <summary>The write <paramref name="operation"/> performs, or null when it is not one (reads, look-alikes).</summary>
    public static FileSystemWrite? TryGet(IOperation operation, WellKnownSymbols symbols)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                return TryGetInvocation(invocation, symbols);
            case IObjectCreationOperation creation when creation.Type is { Name: "FileStream" or "StreamWriter" } type
                && creation.Constructor is { } constructor:
                // Every object creation of the compilation comes here: the type's name decides before any symbol is compared.
                if (type.Is(symbols.FileStream) && HasWritingModeOrAccess(creation.Arguments)
                    && Argument(creation.Arguments, "path") is { } streamPath)
                    return new FileSystemWrite("new FileStream", streamPath, CreatedTypeLocation(creation));
                if (type.Is(symbols.StreamWriter) && constructor.Parameters.Length > 0
                    && constructor.Parameters[0].Type.SpecialType == SpecialType.System_String
                    && Argument(creation.Arguments, "path") is { } writerPath)
                    return new FileSystemWrite("new StreamWriter", writerPath, CreatedTypeLocation(creation));
                return null;
            default:
                return null;
        }
    }

    /// <summary>Where <paramref name="path"/> points: a temporary folder, a temporary file, or anywhere on the disk.</summary>
    public static WritePathKind ClassifyPath(IOperation? path, WellKnownSymbols symbols)
    {
        if (path is null)
            return WritePathKind.Local;
        var kind = WritePathKind.Local;
        foreach (var part in Expand(path))
        {
            if (part is IInvocationOperation { TargetMethod: { Name: "GetTempPath" or "GetTempFileName" } method }
                && method.ContainingType.Is(symbols.SystemIOPath))
            {
                if (method.Name == "GetTempFileName")
                    return WritePathKind.TempFileName;
                kind = WritePathKind.TempFolder;
            }
        }
        return kind;
    }

    private static FileSystemWrite? TryGetInvocation(IInvocationOperation invocation, WellKnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
            return null;
        // Every invocation of the compilation comes here: the containing type's name decides before any symbol is compared.
        switch (type.Name)
        {
            case "File" or "FileInfo" or "Directory" or "ZipFile" or "XDocument" or "XmlDocument" or "Image" or "XmlWriter":
                break;
            default:
                return null;
        }
        var name = method.Name;

        if (type.Is(symbols.SystemIOFile))
        {
            if (IsFileWriteMethod(name))
                return Write(invocation, Argument(invocation.Arguments, "path"));
            if (name is "Open" or "OpenHandle" && HasWritingModeOrAccess(invocation.Arguments))
                return Write(invocation, Argument(invocation.Arguments, "path"));
            if (name is "Copy" or "Move")
                return Write(invocation, Argument(invocation.Arguments, "destFileName"));
            if (name == "Replace")
                return Write(invocation, Argument(invocation.Arguments, "destinationFileName"));
            return null;
        }

        if (type.Is(symbols.FileInfo))
        {
            if (name is "CopyTo" or "MoveTo")
                return Write(invocation, Argument(invocation.Arguments, "destFileName"));
            if (IsFileInfoWriteMethod(name) || (name == "Open" && HasWritingModeOrAccess(invocation.Arguments)))
                return Write(invocation, invocation.Instance);
            return null;
        }

        if (type.Is(symbols.Directory) && name == "CreateDirectory")
            return Write(invocation, Argument(invocation.Arguments, "path"));

        if (type.Is(symbols.ZipFile))
        {
            if (name == "CreateFromDirectory")
                return Write(invocation, Argument(invocation.Arguments, "destinationArchiveFileName"));
            if (name == "ExtractToDirectory")
                return Write(invocation, Argument(invocation.Arguments, "destinationDirectoryName"));
            return null;
        }

        // Save(string) / Create(string): the overloads that take a file name, not a stream or writer.
        if (name == "Save" && (type.Is(symbols.XDocument) || type.Is(symbols.XmlDocument) || type.Is(symbols.DrawingImage))
            || name == "Create" && type.Is(symbols.XmlWriter))
        {
            return method.Parameters.Length > 0 && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                ? Write(invocation, invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null)
                : null;
        }
        return null;
    }

    // Every invocation of the compilation reaches TryGetInvocation: the API name and the location are made only for a write.
    private static FileSystemWrite Write(IInvocationOperation invocation, IOperation? path) => new(
        invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name,
        path,
        SyntaxLocations.InvokedName(invocation.Syntax));

    private static Location CreatedTypeLocation(IObjectCreationOperation creation) =>
        creation.Syntax is ObjectCreationExpressionSyntax named ? named.Type.GetLocation() : creation.Syntax.GetLocation();

    private static IOperation? Argument(ImmutableArray<IArgumentOperation> arguments, string parameterName)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == parameterName)
                return argument.Value;
        }
        return null;
    }

    private static bool HasWritingModeOrAccess(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            // Only the FileMode and FileAccess arguments: their constants are enum values, stored as int.
            var name = argument.Parameter?.Name;
            if (name is not ("mode" or "access") || argument.Value.ConstantValue is not { HasValue: true, Value: int number })
                continue;
            if (name == "mode" ? IsWritingMode(number) : IsWritingAccess(number))
                return true;
        }
        return false;
    }

    /// <summary>The path expression and, for a local read, the value it was initialised with.</summary>
    private static System.Collections.Generic.IEnumerable<IOperation> Expand(IOperation path)
    {
        var pending = new System.Collections.Generic.Stack<IOperation>();
        pending.Push(path);
        var visitedLocals = 0;
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            if (current is ILocalReferenceOperation local && visitedLocals++ < 8 && InitialValue(local) is { } initial)
                pending.Push(initial);
            foreach (var child in current.ChildOperations)
                pending.Push(child);
        }
    }

    /// <summary>The initializer of a local declared in the same operation tree.</summary>
    private static IOperation? InitialValue(ILocalReferenceOperation reference) =>
        OperationTrees.Initializer(reference.Local, reference);
}
