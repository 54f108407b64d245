using System;
using System.Linq;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Storage;

/// <summary>SL3002: <c>Path.GetTempFileName()</c>, or a write (SL3001 list) to a path built from <c>Path.GetTempPath()</c>.</summary>
public sealed class SL3002TemporaryFileAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL3002TemporaryFile);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebOrWorker || symbols.SystemIOPath is null)
                return;
            Action<OperationAnalysisContext> analyze =
                context =>
                {
                    string? api = null;
                    Location? location = null;
                    if (context.Operation is IInvocationOperation { TargetMethod.Name: "GetTempFileName" } invocation
                        && invocation.TargetMethod.ContainingType.Is(symbols.SystemIOPath))
                    {
                        api = "Path.GetTempFileName";
                        location = SyntaxLocations.InvokedName(invocation.Syntax);
                    }
                    else if (FileSystemWrites.TryGet(context.Operation, symbols) is { } write
                        && FileSystemWrites.ClassifyPath(write.Path, symbols) == WritePathKind.TempFolder)
                    {
                        api = write.Api;
                        location = write.Location;
                    }
                    if (api is null || location is null)
                        return;
                    var rules = symbols.GetContext(context.Options, context.Operation.Syntax.SyntaxTree);
                    if (!rules.MayReportInfrastructure(context.Operation)
                        || StorageScope.IsConsoleEntryPoint(context.Operation, context.ContainingSymbol, symbols))
                        return;
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL3002TemporaryFile, location, api));
                };
            start.RegisterInvocationAction(analyze, FileSystemWrites.InvocationNames.Append("GetTempFileName"));
            start.RegisterObjectCreationAction(analyze, FileSystemWrites.CreatedTypeNames);
        });
    }
}
