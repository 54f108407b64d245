using StatelessAnalyzers.Tests.Stubs;
using Verify = StatelessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<StatelessAnalyzers.Rules.Infrastructure.SL2006LocalDatabaseAnalyzer>;

namespace StatelessAnalyzers.Tests.Rules.Infrastructure;

public sealed class SL2006LocalDatabaseTests
{
    private const string Memory = "in this process's memory";

    private static Task Run(string code, params Verification.DiagnosticResult[] expected)
    {
        var test = new Verify.Test
        {
            TestCode = code,
            AdditionalSources =
            {
                ("EntityFrameworkCore.cs", DataStubs.EntityFrameworkCore),
                ("Sqlite.cs", DataStubs.Sqlite),
                ("LiteDb.cs", DataStubs.LiteDb),
            },
        };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static string File(string name) => $"in '{name}', a file on this instance's disk";

    [Fact]
    public Task Reports_InMemoryDatabase() => Run("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<ShopContext>(options => options.{|#0:UseInMemoryDatabase|}("shop"));
        builder.Build().Run();

        public sealed class ShopContext : DbContext
        {
            public ShopContext(DbContextOptions options) : base(options) { }
        }

        public sealed class AuditContext : DbContext
        {
            protected internal override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
                optionsBuilder.{|#1:UseInMemoryDatabase|}("audit");
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("UseInMemoryDatabase", Memory),
        Verify.Diagnostic().WithLocation(1).WithArguments("UseInMemoryDatabase", Memory));

    [Fact]
    public Task Reports_SqliteConnectionStringForms() => Run("""
        using Microsoft.Data.Sqlite;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        public static class Data
        {
            private const string ShopDb = "Data Source=shop.db";
            private const string Folder = "/var/data";

            public static void Add(IServiceCollection services, string tenant)
            {
                services.AddDbContext<DbContext>(o => o.{|#0:UseSqlite|}("Data Source=app.db"));
                services.AddDbContext<DbContext>(o => o.{|#1:UseSqlite|}(ShopDb));
                var local = "Filename=orders.db;Cache=Shared";
                services.AddDbContext<DbContext>(o => o.{|#2:UseSqlite|}(local));
                services.AddDbContext<DbContext>(o => o.{|#3:UseSqlite|}($"Data Source={Folder}/tenants.db"));
                services.AddDbContext<DbContext>(o => o.{|#4:UseSqlite|}($"Data Source={tenant}.db"));
                services.{|#5:AddSqlite|}<DbContext>("Data Source=:memory:");
                services.AddDbContext<DbContext>(o => o.{|#6:UseSqlite|}("Data Source=shared;Mode=Memory;Cache=Shared"));
                services.AddDbContext<DbContext>(o => o.{|#7:UseSqlite|}("DataSource=" + Folder + "/audit.db"));
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("UseSqlite", File("app.db")),
        Verify.Diagnostic().WithLocation(1).WithArguments("UseSqlite", File("shop.db")),
        Verify.Diagnostic().WithLocation(2).WithArguments("UseSqlite", File("orders.db")),
        Verify.Diagnostic().WithLocation(3).WithArguments("UseSqlite", File("/var/data/tenants.db")),
        Verify.Diagnostic().WithLocation(4).WithArguments("UseSqlite", "in a file on this instance's disk"),
        Verify.Diagnostic().WithLocation(5).WithArguments("AddSqlite", Memory),
        Verify.Diagnostic().WithLocation(6).WithArguments("UseSqlite", Memory),
        Verify.Diagnostic().WithLocation(7).WithArguments("UseSqlite", File("/var/data/audit.db")));

    [Fact]
    public Task Reports_SqliteConnectionAndConnectionStringBuilder() => Run("""
        using Microsoft.Data.Sqlite;

        public static class Connections
        {
            public static SqliteConnection Open()
            {
                var connection = new {|#0:SqliteConnection|}("Data Source=cache.sqlite");
                connection.Open();
                return connection;
            }

            public static SqliteConnection InMemory() =>
                new {|#1:SqliteConnection|}(new SqliteConnectionStringBuilder { DataSource = "shared", Mode = SqliteOpenMode.Memory }.ToString());

            public static SqliteConnection FromBuilder()
            {
                var builder = new SqliteConnectionStringBuilder();
                builder.DataSource = "reports.db";
                return new {|#2:SqliteConnection|}(builder.ConnectionString);
            }

            public static SqliteConnection FromBuilderText() =>
                new {|#3:SqliteConnection|}(new SqliteConnectionStringBuilder("Data Source=legacy.db").ToString());
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SqliteConnection", File("cache.sqlite")),
        Verify.Diagnostic().WithLocation(1).WithArguments("SqliteConnection", Memory),
        Verify.Diagnostic().WithLocation(2).WithArguments("SqliteConnection", File("reports.db")),
        Verify.Diagnostic().WithLocation(3).WithArguments("SqliteConnection", File("legacy.db")));

    [Fact]
    public Task Reports_LiteDatabase() => Run("""
        using System.IO;
        using LiteDB;

        public static class Documents
        {
            public static LiteDatabase File() => new {|#0:LiteDatabase|}("Filename=documents.db;Connection=shared");
            public static LiteDatabase Plain() => new {|#1:LiteDatabase|}("documents.db");
            public static LiteDatabase Memory() => new {|#2:LiteDatabase|}(":memory:");
            public static LiteDatabase Stream() => new {|#3:LiteDatabase|}(new MemoryStream());
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("LiteDatabase", File("documents.db")),
        Verify.Diagnostic().WithLocation(1).WithArguments("LiteDatabase", File("documents.db")),
        Verify.Diagnostic().WithLocation(2).WithArguments("LiteDatabase", Memory),
        Verify.Diagnostic().WithLocation(3).WithArguments("LiteDatabase", "in a file or stream of this instance"));

    [Fact]
    public Task Ignores_SharedDatabasesAndUnknownConnectionStrings() => Run("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Data.Sqlite;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<DbContext>(o => o.UseSqlServer("Server=db;Database=shop"));
        builder.Services.AddDbContext<DbContext>(o => o.UseSqlServer(builder.Configuration.GetConnectionString("Shop")));
        builder.Services.AddDbContext<DbContext>(o => o.UseSqlite(builder.Configuration.GetConnectionString("Shop")));
        builder.Services.AddDbContext<DbContext>(o => o.UseSqlite(new SqliteConnection(builder.Configuration["Db"])));
        // Reference data shipped with the app: opened read-only, the same on every replica.
        builder.Services.AddDbContext<DbContext>(o => o.UseSqlite("Data Source=geo.db;Mode=ReadOnly"));
        var reassigned = "Data Source=a.db";
        reassigned = builder.Configuration["Db"]!;
        builder.Services.AddDbContext<DbContext>(o => o.UseSqlite(reassigned));
        builder.Build().Run();
        """);

    [Fact]
    public Task Ignores_DevelopmentGuards() => Run("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
            builder.Services.AddDbContext<DbContext>(o => o.UseInMemoryDatabase("dev"));
        else
            builder.Services.AddDbContext<DbContext>(o => o.UseSqlServer("Server=db"));
        #if DEBUG
        builder.Services.AddDbContext<DbContext>(o => o.UseSqlite("Data Source=debug.db"));
        #endif
        builder.Build().Run();
        """);

    [Fact]
    public Task Ignores_TestProjects() => Run("""
        using Microsoft.EntityFrameworkCore;

        namespace Xunit { public sealed class FactAttribute : System.Attribute { } }

        public static class Fixture
        {
            public static DbContextOptions Options() =>
                new DbContextOptionsBuilder<DbContext>().UseInMemoryDatabase(System.Guid.NewGuid().ToString()).Options;
        }
        """);

    [Fact]
    public Task Ignores_BrokenCode() => new Verify.Test
    {
        TestCode = """
            using Microsoft.Data.Sqlite;
            using Microsoft.EntityFrameworkCore;

            public static class Data
            {
                public static void Add(DbContextOptionsBuilder options, Missing missing)
                {
                    options.[|UseInMemoryDatabase|]("x");
                    options.UseSqlite(missing.Text);
                    var c = new SqliteConnection($"Data Source={missing}
                    options.UseSqlite(
                }
            }
            """,
        AdditionalSources =
        {
            ("EntityFrameworkCore.cs", DataStubs.EntityFrameworkCore),
            ("Sqlite.cs", DataStubs.Sqlite),
        },
        AllowCompilerErrors = true,
    }.RunAsync();
}
