using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Hosting;

/// <summary>
/// One compilation's shared callbacks: the rules' compilation-start actions run against a context that collects their
/// operation, symbol, symbol-start and compilation-end actions by kind, and the host then registers one action per
/// kind with the driver. Each shared action passes the driver's own context on to the rules' actions for that kind,
/// in rule order, so a rule sees exactly what it would see registered on its own. Invocation and creation actions
/// registered by name (<see cref="InvocationActions"/>) sit in dictionaries keyed by the called method's or the
/// created type's name: the shared operation callback reads the name once and runs only the actions for it. Actions on
/// written references (<see cref="WrittenReferences"/>) share one collection of the references per write site.
/// </summary>
internal sealed class RuleDispatch
{
    private readonly Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> operationActions = new();
    private readonly Dictionary<SymbolKind, List<Action<SymbolAnalysisContext>>> symbolActions = new();
    private readonly Dictionary<SymbolKind, List<Action<SymbolStartAnalysisContext>>> symbolStartActions = new();
    private readonly List<Action<CompilationAnalysisContext>> compilationEndActions = new();
    private readonly Dictionary<string, List<Action<OperationAnalysisContext>>> invocationActionsByName = new(StringComparer.Ordinal);
    private readonly List<Action<OperationAnalysisContext>> configuredSingletonMethodActions = new();
    private readonly Dictionary<string, List<Action<OperationAnalysisContext>>> creationActionsByTypeName = new(StringComparer.Ordinal);
    private readonly List<Action<OperationAnalysisContext, IOperation>> writtenReferenceActions = new();

    private RuleDispatch()
    {
    }

    /// <summary>Runs the compilation-start actions of every rule that is not turned off, then registers the shared actions.</summary>
    public static void Start(CompilationStartAnalysisContext start, ImmutableArray<RuleRegistration> rules, RuleTimer? timer)
    {
        var dispatch = new RuleDispatch();
        var context = new RuleStartContext(start, dispatch, timer);
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            if (rule.CompilationStartActions.IsEmpty || RuleSwitch.IsOff(rule.Descriptors, start.Compilation, start.CancellationToken))
                continue;
            context.Rule = i;
            foreach (var action in rule.CompilationStartActions)
            {
                if (timer is null)
                    action(context);
                else
                    timer.Wrap(i, action)(context);
            }
        }
        dispatch.RegisterWith(start);
    }

    /// <summary>Runs the compilation actions of every rule that is not turned off.</summary>
    public static void RunCompilationActions(CompilationAnalysisContext context, ImmutableArray<RuleRegistration> rules, RuleTimer? timer)
    {
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            if (rule.CompilationActions.IsEmpty || RuleSwitch.IsOff(rule.Descriptors, context.Compilation, context.CancellationToken))
                continue;
            foreach (var action in rule.CompilationActions)
            {
                if (timer is null)
                    action(context);
                else
                    timer.Wrap(i, action)(context);
            }
        }
    }

    private static void Add<TKind, TAction>(Dictionary<TKind, List<TAction>> actions, TKind kind, TAction action)
        where TKind : notnull
    {
        if (!actions.TryGetValue(kind, out var list))
            actions.Add(kind, list = new List<TAction>());
        list.Add(action);
    }

    /// <summary>
    /// The actions of each kind in an array indexed by the kind's value (enum values of Roslyn's kinds are small), so that
    /// a shared callback finds its rules' actions with one array read.
    /// </summary>
    private static TAction[]?[] ByKind<TKind, TAction>(Dictionary<TKind, List<TAction>> actions, Func<TKind, int> index)
        where TKind : notnull
    {
        var max = 0;
        foreach (var kind in actions.Keys)
            max = Math.Max(max, index(kind));
        var table = new TAction[]?[max + 1];
        foreach (var entry in actions)
            table[index(entry.Key)] = entry.Value.ToArray();
        return table;
    }

    private void RegisterWith(CompilationStartAnalysisContext start)
    {
        AddConfiguredSingletonMethods(start.Compilation, start.Options);
        if (writtenReferenceActions.Count > 0)
        {
            // The references of a write site are collected once, for every rule that looks for writes.
            var dispatcher = WrittenReferences.Dispatcher(writtenReferenceActions.ToArray());
            foreach (var kind in WrittenReferences.SiteKinds)
                Add(operationActions, kind, dispatcher);
        }
        if (operationActions.Count > 0 || invocationActionsByName.Count > 0 || creationActionsByTypeName.Count > 0)
        {
            var table = ByKind(operationActions, static kind => (int)kind);
            var kinds = ImmutableArray.CreateBuilder<OperationKind>(operationActions.Count + 2);
            kinds.AddRange(operationActions.Keys);
            var byMethodName = ByName(invocationActionsByName, OperationKind.Invocation, kinds);
            var byTypeName = ByName(creationActionsByTypeName, OperationKind.ObjectCreation, kinds);
            // Most called methods and created types have none of the names: the filters answer those without a lookup.
            var methodNames = byMethodName is null ? null : new NameFilter(byMethodName.Keys);
            var typeNames = byTypeName is null ? null : new NameFilter(byTypeName.Keys);
            start.RegisterOperationAction(
                context =>
                {
                    var operation = context.Operation;
                    var kind = operation.Kind;
                    if ((int)kind < table.Length && table[(int)kind] is { } actions)
                    {
                        foreach (var action in actions)
                            action(context);
                    }
                    Action<OperationAnalysisContext>[]? named = null;
                    if (kind == OperationKind.Invocation)
                    {
                        if (methodNames is not null)
                        {
                            var name = ((IInvocationOperation)operation).TargetMethod.Name;
                            if (methodNames.MayContain(name))
                                byMethodName!.TryGetValue(name, out named);
                        }
                    }
                    else if (kind == OperationKind.ObjectCreation && typeNames is not null
                        && ((IObjectCreationOperation)operation).Type is { } type)
                    {
                        var name = type.Name;
                        if (typeNames.MayContain(name))
                            byTypeName!.TryGetValue(name, out named);
                    }
                    if (named is not null)
                    {
                        foreach (var action in named)
                            action(context);
                    }
                },
                kinds.ToImmutable());
        }

        if (symbolActions.Count > 0)
        {
            var table = ByKind(symbolActions, static kind => (int)kind);
            start.RegisterSymbolAction(
                context =>
                {
                    var kind = (int)context.Symbol.Kind;
                    if (kind >= table.Length || table[kind] is not { } actions)
                        return;
                    foreach (var action in actions)
                        action(context);
                },
                ImmutableArray.CreateRange(symbolActions.Keys));
        }

        foreach (var entry in symbolStartActions)
        {
            var actions = entry.Value.ToArray();
            start.RegisterSymbolStartAction(
                context =>
                {
                    foreach (var action in actions)
                        action(context);
                },
                entry.Key);
        }

        if (compilationEndActions.Count > 0)
        {
            var actions = compilationEndActions.ToArray();
            start.RegisterCompilationEndAction(context =>
            {
                foreach (var action in actions)
                    action(context);
            });
        }
    }

    /// <summary>The actions by name as arrays, with <paramref name="kind"/> added to the kinds the driver calls for; null when none.</summary>
    private Dictionary<string, Action<OperationAnalysisContext>[]>? ByName(
        Dictionary<string, List<Action<OperationAnalysisContext>>> actions,
        OperationKind kind,
        ImmutableArray<OperationKind>.Builder kinds)
    {
        if (actions.Count == 0)
            return null;
        var byName = new Dictionary<string, Action<OperationAnalysisContext>[]>(actions.Count, StringComparer.Ordinal);
        foreach (var entry in actions)
            byName.Add(entry.Key, entry.Value.ToArray());
        if (!operationActions.ContainsKey(kind))
            kinds.Add(kind);
        return byName;
    }

    private static void AddNamedAction(Dictionary<string, List<Action<OperationAnalysisContext>>> actions, string name, Action<OperationAnalysisContext> action)
    {
        if (!actions.TryGetValue(name, out var list))
            actions.Add(name, list = new List<Action<OperationAnalysisContext>>());
        if (!list.Contains(action))
            list.Add(action);
    }

    /// <summary>
    /// The method names any file configures in <c>singleton_registration_methods</c> (read once per file, as the rules
    /// read them later) dispatch to the actions that asked for them.
    /// </summary>
    private void AddConfiguredSingletonMethods(Compilation compilation, AnalyzerOptions options)
    {
        if (configuredSingletonMethodActions.Count == 0)
            return;
        var symbols = WellKnownSymbols.Get(compilation);
        var names = new HashSet<string>(symbols.GetGlobalOptions(options).SingletonRegistrationMethods, StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
            names.UnionWith(symbols.GetOptions(options, tree).SingletonRegistrationMethods);
        foreach (var name in names)
        {
            foreach (var action in configuredSingletonMethodActions)
                AddNamedAction(invocationActionsByName, name, action);
        }
    }

    /// <summary>
    /// The compilation-start context the rules see: operation, symbol, symbol-start and compilation-end actions are
    /// collected for sharing; anything else a rule may register goes to the driver as it is.
    /// </summary>
    private sealed class RuleStartContext : CompilationStartAnalysisContext, INamedActionRegistrar
    {
        private readonly CompilationStartAnalysisContext start;
        private readonly RuleDispatch dispatch;
        private readonly RuleTimer? timer;

#pragma warning disable RS1012 // The driver's start context receives what the rules register through this one (RegisterWith).
        public RuleStartContext(CompilationStartAnalysisContext start, RuleDispatch dispatch, RuleTimer? timer)
#pragma warning restore RS1012
            : base(start.Compilation, start.Options, start.CancellationToken)
        {
            this.start = start;
            this.dispatch = dispatch;
            this.timer = timer;
        }

        /// <summary>The index of the rule whose compilation-start action is running.</summary>
        public int Rule { get; set; }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
        {
            action = Timed(action);
            foreach (var kind in operationKinds)
                Add(dispatch.operationActions, kind, action);
        }

        public void RegisterInvocationAction(Action<OperationAnalysisContext> action, IEnumerable<string> methodNames, bool configuredSingletonMethods)
        {
            action = Timed(action);
            foreach (var name in methodNames)
                AddNamedAction(dispatch.invocationActionsByName, name, action);
            if (configuredSingletonMethods)
                dispatch.configuredSingletonMethodActions.Add(action);
        }

        public void RegisterObjectCreationAction(Action<OperationAnalysisContext> action, IEnumerable<string> typeNames)
        {
            action = Timed(action);
            foreach (var name in typeNames)
                AddNamedAction(dispatch.creationActionsByTypeName, name, action);
        }

        public void RegisterWrittenReferenceAction(Action<OperationAnalysisContext, IOperation> action) =>
            dispatch.writtenReferenceActions.Add(timer is null ? action : timer.Wrap(Rule, action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
        {
            action = Timed(action);
            foreach (var kind in symbolKinds)
                Add(dispatch.symbolActions, kind, action);
        }

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            Add(dispatch.symbolStartActions, symbolKind, Timed(action));

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) =>
            dispatch.compilationEndActions.Add(Timed(action));

        private Action<T> Timed<T>(Action<T> action) => timer is null ? action : timer.Wrap(Rule, action);

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            start.RegisterSemanticModelAction(action);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            start.RegisterCodeBlockStartAction(action);

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            start.RegisterCodeBlockAction(action);

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
            start.RegisterSyntaxTreeAction(action);

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) =>
            start.RegisterAdditionalFileAction(action);

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            start.RegisterSyntaxNodeAction(action, syntaxKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            start.RegisterOperationBlockStartAction(action);

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            start.RegisterOperationBlockAction(action);
    }
}
