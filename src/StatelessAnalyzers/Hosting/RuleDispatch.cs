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
/// kind with the driver (the rule's own action when it is the only one). Each shared action passes the driver's own
/// context on to the rules' actions for that kind, in rule order, so a rule sees exactly what it would see registered
/// on its own. Invocation and creation actions
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

    private void RegisterWith(CompilationStartAnalysisContext start)
    {
        AddConfiguredSingletonMethods(start.Compilation, start.Options);
        var byMethodName = ByName(invocationActionsByName);
        var byTypeName = ByName(creationActionsByTypeName);
        var writeSiteKinds = writtenReferenceActions.Count > 0 ? WrittenReferences.SiteKinds : ImmutableArray<OperationKind>.Empty;
        var kinds = new HashSet<OperationKind>(operationActions.Keys);
        kinds.UnionWith(writeSiteKinds);
        if (byMethodName is not null)
            kinds.Add(OperationKind.Invocation);
        if (byTypeName is not null)
            kinds.Add(OperationKind.ObjectCreation);

        // One shared action per kind of operation: the driver has already told the kinds apart, so no callback reads
        // the operation's kind again or looks its rules up.
        var writtenReferenceActionArray = writtenReferenceActions.ToArray();
        foreach (var kind in kinds)
        {
            var actions = new List<Action<OperationAnalysisContext>>();
            if (operationActions.TryGetValue(kind, out var registered))
                actions.AddRange(registered);
            if (writeSiteKinds.Contains(kind))
            {
                // The references of a write site are collected once, for every rule that looks for writes.
                actions.Add(WrittenReferences.Dispatcher(writtenReferenceActionArray, kind));
            }
            var action = kind switch
            {
                OperationKind.Invocation when byMethodName is not null => NamedDispatcher(
                    actions.ToArray(), byMethodName, static operation => ((IInvocationOperation)operation).TargetMethod.Name),
                OperationKind.ObjectCreation when byTypeName is not null => NamedDispatcher(
                    actions.ToArray(), byTypeName, static operation => ((IObjectCreationOperation)operation).Type?.Name),
                _ => Sequence(actions.ToArray()),
            };
            start.RegisterOperationAction(action, kind);
        }

        foreach (var entry in symbolActions)
            start.RegisterSymbolAction(Sequence(entry.Value.ToArray()), entry.Key);

        foreach (var entry in symbolStartActions)
            start.RegisterSymbolStartAction(Sequence(entry.Value.ToArray()), entry.Key);

        if (compilationEndActions.Count > 0)
            start.RegisterCompilationEndAction(Sequence(compilationEndActions.ToArray()));
    }

    /// <summary>The actions by name as arrays; null when none.</summary>
    private static Dictionary<string, Action<OperationAnalysisContext>[]>? ByName(Dictionary<string, List<Action<OperationAnalysisContext>>> actions)
    {
        if (actions.Count == 0)
            return null;
        var byName = new Dictionary<string, Action<OperationAnalysisContext>[]>(actions.Count, StringComparer.Ordinal);
        foreach (var entry in actions)
            byName.Add(entry.Key, entry.Value.ToArray());
        return byName;
    }

    /// <summary>One action that runs <paramref name="actions"/> in order (the only one itself, so no call is added).</summary>
    private static Action<TContext> Sequence<TContext>(Action<TContext>[] actions)
    {
        if (actions.Length == 1)
            return actions[0];
        return context =>
        {
            foreach (var action in actions)
                action(context);
        };
    }

    /// <summary>
    /// The action for every invocation or object creation: the rules' actions for the kind, then those registered for
    /// the called method's or created type's name (<paramref name="nameOf"/>). Most names are none of those: the
    /// filter answers them without a lookup.
    /// </summary>
    private static Action<OperationAnalysisContext> NamedDispatcher(
        Action<OperationAnalysisContext>[] actions,
        Dictionary<string, Action<OperationAnalysisContext>[]> byName,
        Func<IOperation, string?> nameOf)
    {
        var names = new NameFilter(byName.Keys);
        return context =>
        {
            foreach (var action in actions)
                action(context);
            if (nameOf(context.Operation) is { } name && names.MayContain(name) && byName.TryGetValue(name, out var named))
            {
                foreach (var action in named)
                    action(context);
            }
        };
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
