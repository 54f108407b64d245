using StatelessAnalyzers.Core;
using StatelessAnalyzers.Tests.Verification;

namespace StatelessAnalyzers.Tests.Core;

public sealed class SymbolExtensionsTests
{
    private const string Source = """
        namespace Shop.Orders
        {
            public interface IRepository { }
            public interface IOrderRepository : IRepository { }
            public class Plain { }
            public class PlainChild : Plain { }
            public class Repository : IOrderRepository { }
            public class DerivedRepository : Repository { }
            public struct Point { }
            public struct Handle : System.IDisposable { public void Dispose() { } }
            public class Box<T> : System.Collections.Generic.List<T> { }
        }
        """;

    [Theory]
    [InlineData("Shop.Orders.Plain", "Shop.Orders.IRepository", false)]
    [InlineData("Shop.Orders.PlainChild", "Shop.Orders.IRepository", false)]
    [InlineData("Shop.Orders.Point", "System.IDisposable", false)]
    [InlineData("Shop.Orders.Repository", "Shop.Orders.IRepository", true)]
    [InlineData("Shop.Orders.DerivedRepository", "Shop.Orders.IRepository", true)]
    [InlineData("Shop.Orders.DerivedRepository", "Shop.Orders.IOrderRepository", true)]
    [InlineData("Shop.Orders.IOrderRepository", "Shop.Orders.IRepository", true)]
    [InlineData("Shop.Orders.Handle", "System.IDisposable", true)]
    [InlineData("Shop.Orders.Box`1", "System.Collections.Generic.IEnumerable`1", true)]
    [InlineData("Shop.Orders.Repository", "Shop.Orders.Plain", false)] // a class is never implemented
    public void IsOrImplements(string type, string expected, bool result)
    {
        var compilation = TestCompilation.Create(Source);
        Assert.Equal(result, TestCompilation.Type(compilation, type).IsOrImplements(TestCompilation.Type(compilation, expected)));
    }

    [Theory]
    [InlineData("System.Collections.Immutable.ImmutableArray`1", "System.Collections.Immutable", true)]
    [InlineData("System.Collections.Immutable.ImmutableArray`1", "Collections.Immutable", false)]
    [InlineData("System.Collections.Immutable.ImmutableArray`1", "System.Collections", false)]
    [InlineData("System.Collections.Immutable.ImmutableArray`1", "Xystem.Collections.Immutable", false)]
    [InlineData("System.Collections.Immutable.ImmutableArray`1", "Foo.System.Collections.Immutable", false)]
    [InlineData("System.Guid", "System", true)]
    [InlineData("System.Guid", "Sys", false)]
    [InlineData("System.Guid", "", false)]
    [InlineData("Shop.Orders.Plain", "Shop.Orders", true)]
    [InlineData("Shop.Orders.Plain", "Shop.Order", false)]
    public void IsNamespace(string type, string qualifiedName, bool result)
    {
        var compilation = TestCompilation.Create(Source);
        Assert.Equal(result, TestCompilation.Type(compilation, type).ContainingNamespace.IsNamespace(qualifiedName));
    }

    [Fact]
    public void IsNamespace_FalseForTheGlobalNamespaceAndNull()
    {
        var compilation = TestCompilation.Create(Source);
        Assert.False(compilation.GlobalNamespace.IsNamespace("System"));
        Assert.False(((Microsoft.CodeAnalysis.INamespaceSymbol?)null).IsNamespace("System"));
    }

    [Fact]
    public void FirstSourceTree_IsTheFileOfASourceSymbolAndNullForAReference()
    {
        var compilation = TestCompilation.Create(Source);
        var repository = TestCompilation.Type(compilation, "Shop.Orders.Repository");
        Assert.Same(compilation.SyntaxTrees.Single(), repository.FirstSourceTree());
        Assert.Same(compilation.SyntaxTrees.Single(), TestCompilation.Type(compilation, "Shop.Orders.Handle").GetMembers("Dispose").Single().FirstSourceTree());
        Assert.Null(TestCompilation.Type(compilation, "System.IDisposable").FirstSourceTree());
    }
}
