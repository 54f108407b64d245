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
[DiagnosticAnalyzer(LanguageNames.CSharp)]
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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebOrWorker)
                return;
            var sinkConfiguration = symbols.Get(SerilogSinkConfiguration);
            var loggingBuilder = symbols.Get("Microsoft.Extensions.Logging.ILoggingBuilder");
            var loggerFactory = symbols.Get("Microsoft.Extensions.Logging.ILoggerFactory");
            var nlogFileTarget = symbols.Get("NLog.Targets.FileTarget");
            var log4netFileAppender = symbols.Get("log4net.Appender.FileAppender");
            if (sinkConfiguration is null && nlogFileTarget is null && log4netFileAppender is null && loggingBuilder is null)
                return;

            start.RegisterOperationAction(
                context =>
                {
                    string? api = null;
                    Location? location = null;
                    switch (context.Operation)
                    {
                        case IInvocationOperation invocation:
                            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
                            var receiver = method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type : null;
                            if (method.Name is "File" or "RollingFile" && receiver.Is(sinkConfiguration))
                                api = "WriteTo." + method.Name;
                            else if (method.Name == "AddFile" && (receiver.Is(loggingBuilder) || receiver.Is(loggerFactory)))
                                api = "AddFile";
                            location = api is null ? null : SyntaxLocations.InvokedName(invocation.Syntax);
                            break;
                        case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol created:
                            if (created.Is(nlogFileTarget))
                                api = "new FileTarget";
                            else if (created.IsOrDerivesFrom(log4netFileAppender))
                                api = "new " + created.Name;
                            location = api is null ? null : creation.Syntax.GetLocation();
                            break;
                    }
                    if (api is null || location is null)
                        return;
                    var rules = symbols.GetContext(context.Options, context.Operation.Syntax.SyntaxTree);
                    if (rules.MayReportInfrastructure(context.Operation))
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL3003LocalLogFile, location, api));
                },
                OperationKind.Invocation,
                OperationKind.ObjectCreation);
        });
    }
}
