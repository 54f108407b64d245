using StatelessAnalyzers.Tests.Stubs;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Infrastructure.SL2008InMemoryJobStoreAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Infrastructure;

public sealed class SL2008InMemoryJobStoreTests
{
    private static Task Run(string code, params Verification.DiagnosticResult[] expected)
    {
        var test = new Verify.Test
        {
            TestCode = code,
            AdditionalSources =
            {
                ("Hangfire.cs", JobStubs.Hangfire),
                ("Quartz.cs", JobStubs.Quartz),
                ("MassTransit.cs", JobStubs.MassTransit),
            },
        };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Reports_Hangfire() => Run("""
        using Hangfire;
        using Hangfire.InMemory;
        using Hangfire.MemoryStorage;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHangfire(configuration => configuration.{|#0:UseInMemoryStorage|}());
        GlobalConfiguration.Configuration.{|#1:UseMemoryStorage|}();
        GlobalConfiguration.Configuration.UseStorage(new {|#2:MemoryStorage|}());
        GlobalConfiguration.Configuration.UseStorage(new {|#3:InMemoryStorage|}());
        builder.Build().Run();
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("UseInMemoryStorage"),
        Verify.Diagnostic().WithLocation(1).WithArguments("UseMemoryStorage"),
        Verify.Diagnostic().WithLocation(2).WithArguments("MemoryStorage"),
        Verify.Diagnostic().WithLocation(3).WithArguments("InMemoryStorage"));

    [Fact]
    public Task Reports_Quartz() => Run("""
        using System.Collections.Specialized;
        using Microsoft.Extensions.DependencyInjection;
        using Quartz;
        using Quartz.Simpl;

        public static class Jobs
        {
            public static void Add(IServiceCollection services)
            {
                services.AddQuartz(q => q.{|#0:UseInMemoryStore|}());
                SchedulerBuilder.Create().{|#1:UseInMemoryStore|}();
                IJobStore store = new {|#2:RAMJobStore|}();
                var properties = new NameValueCollection
                {
                    ["quartz.jobStore.type"] = {|#3:"Quartz.Simpl.RAMJobStore, Quartz"|},
                };
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("UseInMemoryStore"),
        Verify.Diagnostic().WithLocation(1).WithArguments("UseInMemoryStore"),
        Verify.Diagnostic().WithLocation(2).WithArguments("RAMJobStore"),
        Verify.Diagnostic().WithLocation(3).WithArguments("RAMJobStore"));

    [Fact]
    public Task Reports_SubclassesOfStoresThatAreNotSealed() => Run("""
        using Hangfire;

        public sealed class AuditedStorage : Hangfire.MemoryStorage.MemoryStorage { }
        public sealed class CountingJobStore : Quartz.Simpl.RAMJobStore { }

        public static class Jobs
        {
            public static void Add()
            {
                GlobalConfiguration.Configuration.UseStorage(new {|#0:AuditedStorage|}());
                Quartz.IJobStore store = new {|#1:CountingJobStore|}();
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("AuditedStorage"),
        Verify.Diagnostic().WithLocation(1).WithArguments("CountingJobStore"));

    [Fact]
    public Task Reports_TheSealedStore_WhenItIsTheOnlyStoreReferenced() => new Verify.Test
    {
        // Only Hangfire.InMemory, whose storage is sealed: the created type alone is compared.
        TestCode = """
            public abstract class JobStorageBase { }
            public sealed class MemoryStorage : JobStorageBase { }

            public static class Jobs
            {
                public static object[] Add() => new object[] { new {|#0:Hangfire.InMemory.InMemoryStorage|}(), new MemoryStorage() };
            }
            """,
        AdditionalSources =
        {
            ("Hangfire.InMemory.cs", """
                namespace Hangfire { public abstract class JobStorage { } }
                namespace Hangfire.InMemory { public sealed class InMemoryStorage : Hangfire.JobStorage { } }
                """),
        },
        ExpectedDiagnostics = { Verify.Diagnostic().WithLocation(0).WithArguments("InMemoryStorage") },
    }.RunAsync();

    [Fact]
    public Task Ignores_LookAlikeStores_WhenNoJobLibraryIsReferenced() => new Verify.Test
    {
        TestCode = """
            namespace Hangfire.Storage { public class MemoryStorage { } }
            namespace Storage { public class InMemoryStorage : Hangfire.Storage.MemoryStorage { } }
            namespace Quartz.Simpl { public class RAMJobStoreCache { } }

            public static class Jobs
            {
                public static object[] Add() => new object[] { new Storage.InMemoryStorage(), new Quartz.Simpl.RAMJobStoreCache() };
            }
            """,
    }.RunAsync();

    [Fact]
    public Task Reports_MassTransit() => Run("""
        using MassTransit;
        using Microsoft.Extensions.DependencyInjection;

        public static class Messaging
        {
            public static void Add(IServiceCollection services, IBusFactorySelector bus)
            {
                services.AddMassTransit(x => x.{|#0:UsingInMemory|}((context, cfg) => { }));
                bus.{|#1:CreateUsingInMemory|}(cfg => { });
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("UsingInMemory"),
        Verify.Diagnostic().WithLocation(1).WithArguments("CreateUsingInMemory"));

    [Fact]
    public Task Ignores_DurableStoresAndLookAlikes() => Run("""
        using Hangfire;
        using MassTransit;
        using Microsoft.Extensions.DependencyInjection;
        using Quartz;

        public static class Jobs
        {
            public static void Add(IServiceCollection services)
            {
                services.AddHangfire(c => c.UseSqlServerStorage("Server=db;Database=jobs"));
                services.AddQuartz(q => q.UsePersistentStore(s => s.UseSqlServer("Server=db;Database=quartz")));
                services.AddMassTransit(x => x.UsingRabbitMq((context, cfg) => { }));
                var description = "Quartz.Simpl.RAMJobStoreIsTheDefault";
                UseInMemoryStore();
            }

            private static void UseInMemoryStore() { }
        }
        """);

    [Fact]
    public Task Ignores_DevelopmentGuards() => Run("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using MassTransit;
        using Quartz;

        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddMassTransit(x => x.UsingInMemory());
        }
        else
        {
            builder.Services.AddMassTransit(x => x.UsingRabbitMq());
        }
        #if DEBUG
        builder.Services.AddQuartz(q => q.UseInMemoryStore());
        #endif
        builder.Build().Run();
        """);

    [Fact]
    public Task Ignores_TestProjects() => Run("""
        using MassTransit;
        using Microsoft.Extensions.DependencyInjection;

        namespace Microsoft.AspNetCore.Mvc.Testing { public class WebApplicationFactory<TEntryPoint> where TEntryPoint : class { } }

        public static class Harness
        {
            public static void Configure(IServiceCollection services) => services.AddMassTransit(x => x.UsingInMemory());
        }
        """);

    [Fact]
    public Task Ignores_BrokenCode() => new Verify.Test
    {
        TestCode = """
            using Hangfire;
            using Quartz;

            public static class Jobs
            {
                public static void Add(IGlobalConfiguration configuration, Missing missing)
                {
                    configuration.[|UseInMemoryStorage|]();
                    missing.UseInMemoryStore();
                    var store = new [|Quartz.Simpl.RAMJobStore|](
                }
            }
            """,
        AdditionalSources =
        {
            ("Hangfire.cs", JobStubs.Hangfire),
            ("Quartz.cs", JobStubs.Quartz),
        },
        AllowCompilerErrors = true,
    }.RunAsync();
}
