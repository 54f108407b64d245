using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;
using StatelessAnalyzers.Tests.Verification;

namespace StatelessAnalyzers.Tests.Core;

/// <summary>Compilations for the unit tests of the analysis core, with the verifier's references.</summary>
internal static class TestCompilation
{
    public static CSharpCompilation Create(string source, ReferenceSet references = ReferenceSet.AspNetCore, bool allowErrors = false, bool allowUnsafe = false)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Test0.cs");
        var outputKind = tree.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any()
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
        var compilation = CSharpCompilation.Create(
            "TestProject",
            new[] { tree },
            ReferenceAssemblies.Get(references),
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: allowUnsafe));
        if (!allowErrors)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "Test source does not compile:\n" + string.Join("\n", errors));
        }
        return compilation;
    }

    public static INamedTypeSymbol Type(Compilation compilation, string metadataName) =>
        compilation.GetTypeByMetadataName(metadataName) ?? throw new InvalidOperationException($"Type {metadataName} not found.");

    /// <summary>The options parsed from <c>key = value</c> pairs, as the analyzers see them.</summary>
    public static StatelessOptions Options(params (string Key, string Value)[] values) =>
        StatelessOptions.Intern(StatelessOptions.Parse(new TestAnalyzerConfigOptions(
            values.ToImmutableDictionary(v => v.Key, v => v.Value, AnalyzerConfigOptions.KeyComparer))));

    public static RuleContext Context(Compilation compilation, params (string Key, string Value)[] values) =>
        WellKnownSymbols.Get(compilation).GetContext(Options(values));

    /// <summary>Every operation of <typeparamref name="T"/> in the compilation's first tree.</summary>
    public static IReadOnlyList<T> Operations<T>(Compilation compilation)
        where T : IOperation
    {
        var tree = compilation.SyntaxTrees.First();
        var model = compilation.GetSemanticModel(tree);
        var result = new List<T>();
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (model.GetOperation(node) is T operation && !result.Any(o => ReferenceEquals(o, operation)))
                result.Add(operation);
        }
        return result;
    }

    /// <summary>The invocations of a method named <paramref name="name"/>, in source order.</summary>
    public static IReadOnlyList<IInvocationOperation> Calls(Compilation compilation, string name) =>
        Operations<IInvocationOperation>(compilation).Where(i => i.TargetMethod.Name == name).ToList();
}
