using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Storage;

/// <summary>
/// SL3001: a web app or worker writes to the local file system (<c>File.WriteAll*</c>, <c>new FileStream</c> with a
/// writing mode, <c>Directory.CreateDirectory</c>...), except to a temporary path (SL3002).
/// </summary>
public sealed class SL3001LocalFileWriteAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL3001LocalFileWrite);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebOrWorker || symbols.SystemIOFile is null)
                return;
            Action<OperationAnalysisContext> analyze =
                context =>
                {
                    if (FileSystemWrites.TryGet(context.Operation, symbols) is not { } write
                        || FileSystemWrites.ClassifyPath(write.Path, symbols) != WritePathKind.Local)
                        return;
                    var rules = symbols.GetContext(context.Options, context.Operation.Syntax.SyntaxTree);
                    if (!rules.MayReportInfrastructure(context.Operation)
                        || StorageScope.IsConsoleEntryPoint(context.Operation, context.ContainingSymbol, symbols))
                        return;
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL3001LocalFileWrite, write.Location, write.Api));
                };
            start.RegisterInvocationAction(analyze, FileSystemWrites.InvocationNames);
            start.RegisterObjectCreationAction(analyze, FileSystemWrites.CreatedTypeNames);
        });
    }
}
