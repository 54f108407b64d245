using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Infrastructure;

/// <summary>
/// SL2006: a database that lives in the instance: EF Core <c>UseInMemoryDatabase</c>, SQLite (<c>UseSqlite</c>,
/// <c>AddSqlite</c>, <c>new SqliteConnection</c>) whose connection string names a file or <c>:memory:</c>, and
/// <c>new LiteDatabase(...)</c>.
/// </summary>
public sealed class SL2006LocalDatabaseAnalyzer : DiagnosticAnalyzer
{
    private const string InMemory = "in this process's memory";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL2006LocalDatabase);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebOrWorker)
                return;
            // The libraries' types are resolved when a call or creation of a matching name first needs them.
            var apis = new Apis(symbols);
            var connectionStrings = new SL2006SqliteConnectionString(apis.SqliteConnectionStringBuilder);

            start.RegisterInvocationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    var method = invocation.TargetMethod;
                    string? where = null;
                    if (method.Name == "UseInMemoryDatabase" && method.ContainingType.Is(apis.InMemoryExtensions.Value))
                        where = InMemory;
                    else if ((method.Name == "UseSqlite" && method.ContainingType.Is(apis.SqliteExtensions.Value))
                        || (method.Name == "AddSqlite" && method.ContainingType.Is(apis.SqliteServiceExtensions.Value)))
                        where = Describe(ConnectionStringArgument(invocation), connectionStrings);
                    if (where is null || !symbols.GetContext(operationContext.Options, invocation.Syntax.SyntaxTree).MayReportInfrastructure(invocation))
                        return;
                    operationContext.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL2006LocalDatabase, SyntaxLocations.InvokedName(invocation.Syntax), method.Name, where));
                },
                new[] { "UseInMemoryDatabase", "UseSqlite", "AddSqlite" });

            start.RegisterObjectCreationAction(
                operationContext =>
                {
                    var creation = (IObjectCreationOperation)operationContext.Operation;
                    var type = creation.Type;
                    // Every object creation comes here: the type's name decides before any type is resolved.
                    if (type?.Name is not ("SqliteConnection" or "SQLiteConnection" or "LiteDatabase"))
                        return;
                    string? where = null;
                    if (type.Is(apis.SqliteConnection.Value) || type.Is(apis.SystemDataSqliteConnection.Value))
                        where = Describe(ConnectionStringArgument(creation.Arguments), connectionStrings);
                    else if (type.Is(apis.LiteDatabase.Value))
                        where = DescribeLiteDatabase(creation);
                    if (where is null || !symbols.GetContext(operationContext.Options, creation.Syntax.SyntaxTree).MayReportInfrastructure(creation))
                        return;
                    var location = creation.Syntax is ObjectCreationExpressionSyntax { Type: { } typeSyntax } ? typeSyntax.GetLocation() : creation.Syntax.GetLocation();
                    operationContext.ReportDiagnostic(Diagnostic.Create(Descriptors.SL2006LocalDatabase, location, type!.Name, where));
                },
                new[] { "SqliteConnection", "SQLiteConnection", "LiteDatabase" });
        });
    }

    /// <summary>The text the message shows for a SQLite connection string; null when it is not a local database.</summary>
    private static string? Describe(IOperation? connectionString, SL2006SqliteConnectionString reader)
    {
        if (connectionString is null)
            return null;
        var (storage, fileName) = reader.Classify(connectionString);
        return storage switch
        {
            SqliteStorage.Memory => InMemory,
            SqliteStorage.File => fileName is null ? "in a file on this instance's disk" : $"in '{fileName}', a file on this instance's disk",
            _ => null,
        };
    }

    private static string DescribeLiteDatabase(IObjectCreationOperation creation)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.Value.ConstantValue is not { HasValue: true, Value: string text })
                continue;
            if (text.IndexOf(":memory:", System.StringComparison.OrdinalIgnoreCase) >= 0)
                return InMemory;
            var fileName = text;
            foreach (var pair in text.Split(';'))
            {
                var equals = pair.IndexOf('=');
                if (equals > 0 && pair.Substring(0, equals).Trim().Equals("Filename", System.StringComparison.OrdinalIgnoreCase))
                    fileName = pair.Substring(equals + 1).Trim();
            }
            return $"in '{fileName}', a file on this instance's disk";
        }
        return "in a file or stream of this instance";
    }

    private static IOperation? ConnectionStringArgument(IInvocationOperation invocation) => ConnectionStringArgument(invocation.Arguments);

    private static IOperation? ConnectionStringArgument(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { Name: "connectionString", Type.SpecialType: SpecialType.System_String })
                return argument.Value;
        }
        return null;
    }

    private sealed class Apis
    {
        public Apis(WellKnownSymbols symbols)
        {
            InMemoryExtensions = new LazyType(symbols, "Microsoft.EntityFrameworkCore.InMemoryDbContextOptionsExtensions");
            SqliteExtensions = new LazyType(symbols, "Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions");
            SqliteServiceExtensions = new LazyType(symbols, "Microsoft.Extensions.DependencyInjection.SqliteServiceCollectionExtensions");
            SqliteConnection = new LazyType(symbols, "Microsoft.Data.Sqlite.SqliteConnection");
            SqliteConnectionStringBuilder = new LazyType(symbols, "Microsoft.Data.Sqlite.SqliteConnectionStringBuilder");
            SystemDataSqliteConnection = new LazyType(symbols, "System.Data.SQLite.SQLiteConnection");
            LiteDatabase = new LazyType(symbols, "LiteDB.LiteDatabase");
        }

        public LazyType InMemoryExtensions { get; }
        public LazyType SqliteExtensions { get; }
        public LazyType SqliteServiceExtensions { get; }
        public LazyType SqliteConnection { get; }
        public LazyType SqliteConnectionStringBuilder { get; }
        public LazyType SystemDataSqliteConnection { get; }
        public LazyType LiteDatabase { get; }
    }
}
