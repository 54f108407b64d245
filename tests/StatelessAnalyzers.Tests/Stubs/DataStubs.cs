namespace StatelessAnalyzers.Tests.Stubs;

/// <summary>Minimal declarations of database packages (EF Core providers, SQLite, LiteDB) with their real namespaces and signatures.</summary>
internal static class DataStubs
{
    /// <summary>Microsoft.EntityFrameworkCore with the InMemory, Sqlite and SqlServer providers.</summary>
    public const string EntityFrameworkCore = """
        namespace Microsoft.EntityFrameworkCore
        {
            public class DbContextOptions { }
            public class DbContextOptionsBuilder
            {
                public virtual DbContextOptions Options => new DbContextOptions();
            }
            public class DbContextOptionsBuilder<TContext> : DbContextOptionsBuilder where TContext : DbContext { }
            public class DbContext
            {
                public DbContext() { }
                public DbContext(DbContextOptions options) { }
                protected internal virtual void OnConfiguring(DbContextOptionsBuilder optionsBuilder) { }
            }

            public static class InMemoryDbContextOptionsExtensions
            {
                public static DbContextOptionsBuilder UseInMemoryDatabase(
                    this DbContextOptionsBuilder optionsBuilder, string databaseName,
                    System.Action<Microsoft.EntityFrameworkCore.Infrastructure.InMemoryDbContextOptionsBuilder>? inMemoryOptionsAction = null) => optionsBuilder;
                public static DbContextOptionsBuilder<TContext> UseInMemoryDatabase<TContext>(
                    this DbContextOptionsBuilder<TContext> optionsBuilder, string databaseName,
                    System.Action<Microsoft.EntityFrameworkCore.Infrastructure.InMemoryDbContextOptionsBuilder>? inMemoryOptionsAction = null)
                    where TContext : DbContext => optionsBuilder;
            }

            public static class SqliteDbContextOptionsBuilderExtensions
            {
                public static DbContextOptionsBuilder UseSqlite(
                    this DbContextOptionsBuilder optionsBuilder, string? connectionString,
                    System.Action<Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder>? sqliteOptionsAction = null) => optionsBuilder;
                public static DbContextOptionsBuilder UseSqlite(
                    this DbContextOptionsBuilder optionsBuilder, System.Data.Common.DbConnection connection,
                    System.Action<Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder>? sqliteOptionsAction = null) => optionsBuilder;
            }

            public static class SqlServerDbContextOptionsExtensions
            {
                public static DbContextOptionsBuilder UseSqlServer(
                    this DbContextOptionsBuilder optionsBuilder, string? connectionString,
                    System.Action<Microsoft.EntityFrameworkCore.Infrastructure.SqlServerDbContextOptionsBuilder>? sqlServerOptionsAction = null) => optionsBuilder;
            }
        }

        namespace Microsoft.EntityFrameworkCore.Infrastructure
        {
            public class InMemoryDbContextOptionsBuilder { }
            public class SqliteDbContextOptionsBuilder { }
            public class SqlServerDbContextOptionsBuilder { }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class EntityFrameworkServiceCollectionExtensions
            {
                public static IServiceCollection AddDbContext<TContext>(
                    this IServiceCollection serviceCollection,
                    System.Action<Microsoft.EntityFrameworkCore.DbContextOptionsBuilder>? optionsAction = null,
                    ServiceLifetime contextLifetime = ServiceLifetime.Scoped,
                    ServiceLifetime optionsLifetime = ServiceLifetime.Scoped)
                    where TContext : Microsoft.EntityFrameworkCore.DbContext => serviceCollection;
            }

            public static class SqliteServiceCollectionExtensions
            {
                public static IServiceCollection AddSqlite<TContext>(
                    this IServiceCollection serviceCollection, string? connectionString,
                    System.Action<Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder>? sqliteOptionsAction = null,
                    System.Action<Microsoft.EntityFrameworkCore.DbContextOptionsBuilder>? optionsAction = null)
                    where TContext : Microsoft.EntityFrameworkCore.DbContext => serviceCollection;
            }
        }
        """;

    /// <summary>Microsoft.Data.Sqlite: the ADO.NET provider and its connection-string builder.</summary>
    public const string Sqlite = """
        namespace Microsoft.Data.Sqlite
        {
            public enum SqliteOpenMode { ReadWriteCreate, ReadWrite, ReadOnly, Memory }

            public class SqliteConnectionStringBuilder : System.Data.Common.DbConnectionStringBuilder
            {
                public SqliteConnectionStringBuilder() { }
                public SqliteConnectionStringBuilder(string? connectionString) { }
                public virtual string DataSource { get; set; } = "";
                public virtual SqliteOpenMode Mode { get; set; }
            }

            public class SqliteConnection : System.Data.Common.DbConnection
            {
                public SqliteConnection() { }
                public SqliteConnection(string? connectionString) { }
                public override string ConnectionString { get; set; } = "";
                public override string Database => "main";
                public override string DataSource => "";
                public override string ServerVersion => "3";
                public override System.Data.ConnectionState State => System.Data.ConnectionState.Closed;
                public override void ChangeDatabase(string databaseName) { }
                public override void Close() { }
                public override void Open() { }
                protected override System.Data.Common.DbTransaction BeginDbTransaction(System.Data.IsolationLevel isolationLevel) => throw null!;
                protected override System.Data.Common.DbCommand CreateDbCommand() => throw null!;
            }
        }
        """;

    /// <summary>LiteDB: the embedded document database.</summary>
    public const string LiteDb = """
        namespace LiteDB
        {
            public class BsonMapper { }

            public partial class LiteDatabase : System.IDisposable
            {
                public LiteDatabase(string connectionString, BsonMapper? mapper = null) { }
                public LiteDatabase(System.IO.Stream stream, BsonMapper? mapper = null, System.IO.Stream? logStream = null) { }
                public void Dispose() { }
            }
        }
        """;
}
