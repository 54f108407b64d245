using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StatelessAnalyzers.Core;

/// <summary>
/// Actions on the members of each type, run from the type's symbol-start callback instead of one symbol action per
/// field, property and method. A compilation has several members for each type (at 3,000 files of the benchmark
/// corpus: 10,000 types against 44,000 fields, properties and methods), and the driver's work around each callback
/// costs as much as a rule's quick look at a member, so reading a type's member list once for all the rules that look
/// at members saves most of that work. Under the host, the member list is read once per type for every rule that
/// registered.
/// </summary>
internal static class TypeMembers
{
    /// <summary>
    /// Registers <paramref name="action"/> for every named type of the compilation the driver analyses: it receives
    /// the type, its members and a way to report. The action runs once per type (a partial type once), not for the
    /// types nested in it (each of those is a type of its own).
    /// </summary>
    public static void RegisterTypeMembersAction(this CompilationStartAnalysisContext start, Action<TypeMembersContext> action)
    {
        if (start is INamedActionRegistrar registrar)
        {
            registrar.RegisterTypeMembersAction(action);
            return;
        }
        start.RegisterSymbolStartAction(Dispatcher(new[] { action }, WellKnownSymbols.Get(start.Compilation)), SymbolKind.NamedType);
    }

    /// <summary>A symbol-start action for named types that runs <paramref name="actions"/> on one context for the type.</summary>
    public static Action<SymbolStartAnalysisContext> Dispatcher(Action<TypeMembersContext>[] actions, WellKnownSymbols symbols) =>
        start =>
        {
            var context = new TypeMembersContext(start, symbols);
            foreach (var action in actions)
                action(context);
        };
}

/// <summary>
/// One type for the actions on its members (<see cref="TypeMembers"/>). Findings are reported when the type ends: the
/// driver gives a symbol-start callback no way to report, so the first finding registers the type's end action, which
/// reports them all. A type without findings registers nothing.
/// </summary>
internal sealed class TypeMembersContext
{
    private readonly SymbolStartAnalysisContext start;
    private readonly WellKnownSymbols symbols;
    private ImmutableArray<ISymbol> members;
    private List<Diagnostic>? diagnostics;

    public TypeMembersContext(SymbolStartAnalysisContext start, WellKnownSymbols symbols)
    {
        this.start = start;
        this.symbols = symbols;
        Type = (INamedTypeSymbol)start.Symbol;
    }

    /// <summary>The type.</summary>
    public INamedTypeSymbol Type { get; }

    /// <summary>The type's members (nested types included), read once for all the actions.</summary>
    public ImmutableArray<ISymbol> Members
    {
        get
        {
            if (members.IsDefault)
                members = Type.GetMembers();
            return members;
        }
    }

    public AnalyzerOptions Options => start.Options;

    public CancellationToken CancellationToken => start.CancellationToken;

    /// <summary>
    /// Reports <paramref name="diagnostic"/>, placed on <paramref name="declaration"/> (a member or a parameter of
    /// one), unless that declaration is generated code. The driver skips generated members when it calls back for each
    /// member; a type's member list holds them all, so the check is made here, for findings only.
    /// </summary>
    public void ReportDiagnostic(Diagnostic diagnostic, ISymbol declaration)
    {
        if (GeneratedCode.Contains(declaration, diagnostic.Location, symbols, start.Options, start.CancellationToken))
            return;
        if (diagnostics is null)
        {
            // The actions of one type run in its one start callback; the end action runs after it.
            var found = diagnostics = new List<Diagnostic>();
            start.RegisterSymbolEndAction(end =>
            {
                foreach (var finding in found)
                    end.ReportDiagnostic(finding);
            });
        }
        diagnostics.Add(diagnostic);
    }
}
