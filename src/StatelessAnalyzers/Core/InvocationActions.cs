using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace StatelessAnalyzers.Core;

/// <summary>
/// Invocation actions for calls of named methods, and creation actions for types of given names. A compilation has many calls and most rules care about a few method
/// names (<c>AddSingleton</c>, <c>WriteAllText</c>, <c>Run</c>...): under the host, one dictionary lookup on the called
/// method's name finds the rules that care, so no other rule runs for the call.
/// </summary>
internal static class InvocationActions
{
    /// <summary>
    /// Registers <paramref name="action"/> for the calls of a method named one of <paramref name="methodNames"/>, and,
    /// with <paramref name="configuredSingletonMethods"/>, of a method named in <c>singleton_registration_methods</c>
    /// in any file. The action must do nothing for a call of any other name: the names are a filter, not a promise.
    /// </summary>
    public static void RegisterInvocationAction(
        this CompilationStartAnalysisContext start,
        Action<OperationAnalysisContext> action,
        IEnumerable<string> methodNames,
        bool configuredSingletonMethods = false)
    {
        if (start is INamedActionRegistrar registrar)
        {
            registrar.RegisterInvocationAction(action, methodNames, configuredSingletonMethods);
            return;
        }

        // Outside the host: the same filter in front of the action (the configured names are per file, so the action
        // sees every call when they count).
        if (configuredSingletonMethods)
        {
            start.RegisterOperationAction(action, OperationKind.Invocation);
            return;
        }
        var names = new HashSet<string>(methodNames, StringComparer.Ordinal);
        start.RegisterOperationAction(
            context =>
            {
                if (context.Operation is IInvocationOperation invocation && names.Contains(invocation.TargetMethod.Name))
                    action(context);
            },
            OperationKind.Invocation);
    }

    /// <summary>
    /// Registers <paramref name="action"/> for the object creations of a type named one of <paramref name="typeNames"/>
    /// (the simple name, without namespace or type arguments). The action must do nothing for any other creation.
    /// </summary>
    public static void RegisterObjectCreationAction(
        this CompilationStartAnalysisContext start,
        Action<OperationAnalysisContext> action,
        IEnumerable<string> typeNames)
    {
        if (start is INamedActionRegistrar registrar)
        {
            registrar.RegisterObjectCreationAction(action, typeNames);
            return;
        }

        var names = new HashSet<string>(typeNames, StringComparer.Ordinal);
        start.RegisterOperationAction(
            context =>
            {
                if (context.Operation is IObjectCreationOperation { Type: { } type } && names.Contains(type.Name))
                    action(context);
            },
            OperationKind.ObjectCreation);
    }
}

/// <summary>
/// A compilation-start context that dispatches invocation and creation actions by name, and written-reference actions
/// from one collection per write site (the host's).
/// </summary>
internal interface INamedActionRegistrar
{
    void RegisterInvocationAction(Action<OperationAnalysisContext> action, IEnumerable<string> methodNames, bool configuredSingletonMethods);

    void RegisterObjectCreationAction(Action<OperationAnalysisContext> action, IEnumerable<string> typeNames);

    void RegisterWrittenReferenceAction(Action<OperationAnalysisContext, IOperation> action);
}
