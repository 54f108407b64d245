using StatelessAnalyzers.Tests.Verification;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Memory.SL1005StaticStateInWebProjectAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Memory;

public sealed class SL1005StaticStateInWebProjectTests
{
    [Fact]
    public Task Reports_InMemoryRepositoryWrittenByItsMethods() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        public sealed record Order(int Id, string Customer);

        public sealed class InMemoryOrderRepository
        {
            private static readonly List<Order> {|#0:Orders|} = new();
            private static int {|#1:nextId|} = 1;

            public Order Add(string customer)
            {
                var order = new Order(nextId++, customer);
                Orders.Add(order);
                return order;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Orders", "InMemoryOrderRepository"),
        Verify.Diagnostic().WithLocation(1).WithArguments("nextId", "InMemoryOrderRepository"));

    [Fact]
    public Task Reports_PublicStoreWrittenFromAController() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        public static class InventoryStore
        {
            public static readonly Dictionary<string, int> [|Stock|] = new();
            public static int [|Version|];
            public static Dictionary<string, int> ReadOnlyLookup { get; } = new() { ["a"] = 1 };
        }

        public sealed class ProductsController : Microsoft.AspNetCore.Mvc.ControllerBase
        {
            public int Restock(string sku, int count)
            {
                InventoryStore.Stock[sku] = count;
                InventoryStore.Version++;
                return InventoryStore.ReadOnlyLookup["a"];
            }
        }
        """);

    [Fact]
    public Task Reports_StaticAutoPropertyAndThreadStaticWritten() => Verify.VerifyAnalyzerAsync("""
        public static class Settings
        {
            public static string? [|CurrentTheme|] { get; set; }
            [System.ThreadStatic] private static object? [|scratch|];

            public static void Use(string theme)
            {
                CurrentTheme = theme;
                scratch = theme;
            }
        }
        """);

    [Fact]
    public Task Ignores_StateNeverWrittenAfterInitialization() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        public static class Catalog
        {
            private static readonly Dictionary<string, decimal> Prices = new() { ["mug"] = 9.5m };
            private static List<string> names = new() { "mug" };
            private static object? gate;

            static Catalog()
            {
                Prices["plate"] = 12m;
                gate = new object();
            }

            public static decimal Price(string sku) => Prices[sku] + names.Count + (gate is null ? 0 : 1);
        }
        """);

    [Fact]
    public Task Ignores_ReflectionCachesLazyAndConditionalWeakTable() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Reflection;
        using System.Runtime.CompilerServices;

        public static class Reflection
        {
            private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();
            private static readonly Dictionary<MethodInfo, string> Names = new();
            private static readonly Dictionary<Assembly, string> Versions = new();
            private static readonly ConditionalWeakTable<object, string> Tags = new();
            private static Lazy<string> lazy = new(() => "x");

            public static PropertyInfo[] Get(Type type)
            {
                Names[type.GetMethods()[0]] = "m";
                Versions[type.Assembly] = "1";
                Tags.AddOrUpdate(type, "t");
                lazy = new Lazy<string>(() => "y");
                return Properties.GetOrAdd(type, t => t.GetProperties());
            }
        }
        """);

    [Fact]
    public Task Ignores_WhatSL1001AndSL4002Report() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;

        public sealed class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
        {
            private static readonly List<string> Orders = new();
            public void Add(string order) => Orders.Add(order);
        }

        public static class Mailer
        {
            private static readonly ConcurrentQueue<string> Outbox = new();
            public static void Send(string mail) => Outbox.Enqueue(mail);
        }
        """);

    [Fact]
    public Task Ignores_NonWebAndTestProjects() => new Verify.Test
    {
        TestCode = """
            public static class Counter
            {
                private static int count;
                public static int Next() => ++count;
            }
            """,
        References = ReferenceSet.NetCore,
    }.RunAsync();

    [Fact]
    public Task Ignores_TestProjectsUnlessConfigured() => Verify.VerifyAnalyzerAsync("""
        namespace Xunit { public sealed class FactAttribute : System.Attribute { } }

        public static class Counter
        {
            private static int count;
            public static int Next() => ++count;
        }
        """);
}
