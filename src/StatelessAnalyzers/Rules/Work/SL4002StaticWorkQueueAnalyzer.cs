using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Work;

/// <summary>SL4002: a static field (or auto-property) holds an in-memory work queue, in any type of a web project or worker service.</summary>
public sealed class SL4002StaticWorkQueueAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL4002StaticWorkQueue);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebOrWorker || symbols.QueueTypes.IsEmpty)
                return;
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var member = symbolContext.Symbol;
                    if (!member.IsStatic || member.IsImplicitlyDeclared || member.FirstSourceTree() is not { } tree)
                        return;
                    // The member's type before its storage: HasStorage reads all the members of a property's type.
                    var rules = symbols.GetContext(symbolContext.Options, tree);
                    if (!rules.InfrastructureRulesApply || !rules.Types.IsQueue(MemberFacts.GetMemberType(member))
                        || !MemberFacts.HasStorage(member))
                        return;
                    symbolContext.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.SL4002StaticWorkQueue, member.Locations[0], member.Name, member.ContainingType.Name));
                },
                SymbolKind.Field,
                SymbolKind.Property);
        });
    }
}
