using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StatelessAnalyzers.CodeFixes.Common;

namespace StatelessAnalyzers.Tests.CodeFixes;

public sealed class UsingDirectivesTests
{
    private static string Add(string source, params string[] namespaces)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(source).GetRoot();
        return UsingDirectives.Add(root, namespaces).ToFullString();
    }

    [Fact]
    public void AddsSortedSystemFirstOnce() => Assert.Equal("""
        using System;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Caching.Distributed;

        class C { }
        """, Add("""
        using System;
        using Microsoft.AspNetCore.Mvc;

        class C { }
        """, "System.Threading.Tasks", "Microsoft.Extensions.Caching.Distributed", "System.Text.Json", "System", "System.Text.Json"));

    [Fact]
    public void NoUsingsYetKeepsTheHeaderFirst() => Assert.Equal("""
        // Copyright header.

        using System.Text.Json;

        namespace N;

        class C { }
        """, Add("""
        // Copyright header.

        namespace N;

        class C { }
        """, "System.Text.Json"));

    [Fact]
    public void AddsBeforeTheFirstUsingAndKeepsItsHeader() => Assert.Equal("""
        // Header.
        using System;
        using Zeta;

        class C { }
        """, Add("""
        // Header.
        using Zeta;

        class C { }
        """, "System"));

    [Fact]
    public void UsingsInsideABlockNamespaceStayThere() => Assert.Equal("""
        namespace N
        {
            using System;
            using System.Text.Json;

            class C { }
        }
        """, Add("""
        namespace N
        {
            using System;

            class C { }
        }
        """, "System.Text.Json"));

    [Fact]
    public void UsingsInsideAFileScopedNamespaceStayThere() => Assert.Equal("""
        namespace N;

        using Microsoft.Extensions.Caching.Distributed;
        using Zeta;

        class C { }
        """, Add("""
        namespace N;

        using Zeta;

        class C { }
        """, "Microsoft.Extensions.Caching.Distributed"));

    [Fact]
    public void GlobalUsingsAndExistingUsingsAreNotRepeated()
    {
        var source = """
            global using System.Text.Json;
            using System;

            class C { }
            """;
        Assert.Equal(source, Add(source, "System", "System.Text.Json"));
    }

    [Fact]
    public void AliasAndStaticUsingsDoNotCountAsImports() => Assert.Equal("""
        using System;
        using static System.Math;
        using Json = System.Text.Json.JsonSerializer;

        class C { }
        """, Add("""
        using static System.Math;
        using Json = System.Text.Json.JsonSerializer;

        class C { }
        """, "System"));
}
