using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using StatelessAnalyzers.CodeFixes.Common;

namespace StatelessAnalyzers.Tests.CodeFixes;

public sealed class DistributedCacheInjectionTests
{
    private const string Usings = """
        using Microsoft.Extensions.Caching.Distributed;
        using Microsoft.Extensions.Logging;

        """;

    private static async Task<(DistributedCacheInjectionPlan? Plan, Document Document, INamedTypeSymbol Type)> PlanAsync(string source, string typeName = "C", params string[] removed)
    {
        var (document, root, model) = await FixTestDocument.OpenAsync(Usings + source);
        var declaration = root.DescendantNodes().OfType<TypeDeclarationSyntax>().First(t => t.Identifier.ValueText == typeName);
        var type = (INamedTypeSymbol)model.GetDeclaredSymbol(declaration)!;
        var cacheType = model.Compilation.GetTypeByMetadataName(DistributedCacheInjection.CacheMetadataName)!;
        var removedMembers = removed.Select(name => type.GetMembers(name).Single());
        return (DistributedCacheInjection.TryPlan(declaration, type, cacheType, removedMembers), document, type);
    }

    private static async Task<string> ApplyAsync(DistributedCacheInjectionPlan plan, Document document)
    {
        var editor = await DocumentEditor.CreateAsync(document);
        DistributedCacheInjection.Apply(plan, editor);
        var text = await FixTestDocument.CleanTextAsync(editor.GetChangedDocument());
        return text.Substring(FixTestDocument.Normalize(Usings).Length);
    }

    [Theory]
    [InlineData("private readonly IDistributedCache _cache; public C(IDistributedCache c) => _cache = c;", "_cache")]
    [InlineData("private readonly IDistributedCache cache; public C(IDistributedCache cache) => this.cache = cache;", "this.cache")]
    [InlineData("public IDistributedCache Cache { get; } = null!;", "Cache")]
    public async Task ExistingMember(string members, string expected)
    {
        var (plan, _, _) = await PlanAsync("public sealed class C { " + members + " }");
        Assert.Equal(DistributedCacheInjectionKind.Existing, plan!.Kind);
        Assert.Equal(expected, plan.CreateAccessExpression().ToString());
        Assert.False(plan.ChangesConstructors);
    }

    [Fact]
    public async Task ExistingPrimaryConstructorParameter()
    {
        var (plan, _, _) = await PlanAsync("public sealed class C(IDistributedCache store) { public object Get() => store; }");
        Assert.Equal(DistributedCacheInjectionKind.Existing, plan!.Kind);
        Assert.Equal("store", plan.CreateAccessExpression().ToString());
    }

    [Fact]
    public async Task InheritedProtectedField()
    {
        var (plan, _, _) = await PlanAsync("""
            public class B { protected IDistributedCache Store = null!; }
            public sealed class C : B { }
            """);
        Assert.Equal("Store", plan!.CreateAccessExpression().ToString());
    }

    [Fact]
    public async Task AppendsPrimaryConstructorParameter()
    {
        var (plan, document, _) = await PlanAsync("""
            public sealed class C(ILogger<C> logger)
            {
                public void Log() => logger.LogInformation("x");
            }
            """);
        Assert.Equal(DistributedCacheInjectionKind.PrimaryConstructorParameter, plan!.Kind);
        Assert.Equal("cache", plan.CreateAccessExpression().ToString());
        Assert.Equal("""
            public sealed class C(ILogger<C> logger, IDistributedCache cache)
            {
                public void Log() => logger.LogInformation("x");
            }
            """, await ApplyAsync(plan, document));
    }

    [Fact]
    public async Task AppendsConstructorParameterAndUnderscoreField()
    {
        var (plan, document, _) = await PlanAsync("""
            public sealed class C
            {
                private readonly ILogger _logger;

                public C(ILogger<C> logger)
                {
                    _logger = logger;
                }
            }
            """);
        Assert.Equal(DistributedCacheInjectionKind.ConstructorParameter, plan!.Kind);
        Assert.Equal("""
            public sealed class C
            {
                private readonly ILogger _logger;
                private readonly IDistributedCache _cache;

                public C(ILogger<C> logger, IDistributedCache cache)
                {
                    _logger = logger;
                    _cache = cache;
                }
            }
            """, await ApplyAsync(plan, document));
    }

    [Fact]
    public async Task ExpressionBodiedConstructorAndThisStyleFields()
    {
        var (plan, document, _) = await PlanAsync("""
            public sealed class C
            {
                private readonly ILogger logger;

                public C(ILogger<C> logger) => this.logger = logger;
            }
            """);
        Assert.Equal("this.cache", plan!.CreateAccessExpression().ToString());
        Assert.Equal("""
            public sealed class C
            {
                private readonly ILogger logger;
                private readonly IDistributedCache cache;

                public C(ILogger<C> logger, IDistributedCache cache)
                {
                    this.logger = logger;
                    this.cache = cache;
                }
            }
            """, await ApplyAsync(plan, document));
    }

    [Fact]
    public async Task NewConstructorAndFieldBeforeOtherMembers()
    {
        var (plan, document, _) = await PlanAsync("""
            public sealed class C
            {
                public int M() => 1;
            }
            """);
        Assert.Equal(DistributedCacheInjectionKind.NewConstructor, plan!.Kind);
        Assert.Equal("""
            public sealed class C
            {
                private readonly IDistributedCache _cache;

                public C(IDistributedCache cache)
                {
                    _cache = cache;
                }

                public int M() => 1;
            }
            """, await ApplyAsync(plan, document));
    }

    [Fact]
    public async Task NamesDoNotClash()
    {
        var (plan, _, _) = await PlanAsync("""
            public sealed class C
            {
                private int _cache;
                public int M(int cache) => cache + _cache;
            }
            """);
        Assert.Equal("_distributedCache", plan!.Name);
        Assert.Equal("distributedCache", plan.ParameterName);
    }

    [Fact]
    public async Task RemovedMembersDoNotBlockANameOrSetTheStyle()
    {
        var (plan, _, _) = await PlanAsync("""
            public sealed class C
            {
                private static System.Collections.Generic.Dictionary<string, int> cache = new();
            }
            """, "C", "cache");
        Assert.Equal("_cache", plan!.Name);
    }

    [Theory]
    [InlineData("public sealed class C { public C() { } public C(int x) { } }")]
    [InlineData("public sealed class C(int x) { public C() : this(1) { } }")]
    [InlineData("public static class C { }")]
    [InlineData("public sealed record C(int X);")]
    [InlineData("public struct C { }")]
    public async Task Declines(string source)
    {
        var (plan, _, _) = await PlanAsync(source);
        Assert.Null(plan);
    }

    [Theory]
    [InlineData("public class C { } public sealed class D : C { }", false)]
    [InlineData("public sealed class C { } public static class F { public static C Make() => new C(); }", false)]
    [InlineData("public sealed class C { }", true)]
    public async Task ConstructorChangeIsSafe(string source, bool expected)
    {
        var (plan, document, type) = await PlanAsync(source);
        Assert.Equal(expected, await DistributedCacheInjection.IsConstructorChangeSafeAsync(plan!, type, document.Project.Solution, default));
    }
}
