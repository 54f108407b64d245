using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Storage;

/// <summary>
/// SL3003: logs go to a local file: Serilog <c>WriteTo.File</c>/<c>WriteTo.RollingFile</c> (also nested in
/// <c>WriteTo.Async(a =&gt; a.File(...))</c>), <c>AddFile</c> logging extensions, NLog <c>FileTarget</c> and log4net
/// <c>FileAppender</c>/<c>RollingFileAppender</c> created in code.
/// </summary>
public sealed class SL3003LocalLogFileAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The receiver of Serilog's sink extensions.</summary>
    internal const string SerilogSinkConfiguration = "Serilog.Configuration.LoggerSinkConfiguration";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL3003LocalLogFile);

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
            // Each type is resolved the first time a call or creation with a matching name needs it: resolving a
            // name searches every reference, and most compilations use none of these libraries.
            var sinkConfiguration = new LazyType(symbols, SerilogSinkConfiguration);
            var loggingBuilder = new LazyType(symbols, "Microsoft.Extensions.Logging.ILoggingBuilder");
            var loggerFactory = new LazyType(symbols, "Microsoft.Extensions.Logging.ILoggerFactory");
            var nlogFileTarget = new LazyType(symbols, "NLog.Targets.FileTarget");
            var log4netFileAppender = new LazyType(symbols, "log4net.Appender.FileAppender");

            Action<OperationAnalysisContext> analyze =
                context =>
                {
                    string? api = null;
                    Location? location = null;
                    switch (context.Operation)
                    {
                        case IInvocationOperation invocation:
                            var method = invocation.TargetMethod;
                            if (method.Name is not ("File" or "RollingFile" or "AddFile"))
                                return;
                            // Controllers' File(...) and Results.File(...) are not extension methods: no type is resolved for them.
                            if (method.ExtensionReceiverType() is not { } receiver)
                                return;
                            if (method.Name is "File" or "RollingFile" && receiver.Name == "LoggerSinkConfiguration" && receiver.Is(sinkConfiguration.Value))
                                api = "WriteTo." + method.Name;
                            else if (method.Name == "AddFile" && receiver.Name is "ILoggingBuilder" or "ILoggerFactory"
                                && (receiver.Is(loggingBuilder.Value) || receiver.Is(loggerFactory.Value)))
                                api = "AddFile";
                            location = api is null ? null : SyntaxLocations.InvokedName(invocation.Syntax);
                            break;
                        case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol created:
                            if (created.Name == "FileTarget" && created.Is(nlogFileTarget.Value))
                                api = "new FileTarget";
                            // Every creation of the compilation comes here: without log4net no base type is read.
                            else if (log4netFileAppender.Value is { } fileAppender && DerivesFromTypeNamed(created, "FileAppender")
                                && created.IsOrDerivesFrom(fileAppender))
                                api = "new " + created.Name;
                            location = api is null ? null : creation.Syntax.GetLocation();
                            break;
                    }
                    if (api is null || location is null)
                        return;
                    var rules = symbols.GetContext(context.Options, context.Operation.Syntax.SyntaxTree);
                    if (rules.MayReportInfrastructure(context.Operation))
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL3003LocalLogFile, location, api));
                };
            start.RegisterInvocationAction(analyze, new[] { "File", "RollingFile", "AddFile" });
            start.RegisterOperationAction(analyze, OperationKind.ObjectCreation);
        });
    }

    /// <summary>True when <paramref name="type"/> or one of its base types has the simple name <paramref name="name"/>.</summary>
    private static bool DerivesFromTypeNamed(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == name)
                return true;
        }
        return false;
    }
}
