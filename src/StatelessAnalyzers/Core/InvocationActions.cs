using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace StatelessAnalyzers.Core;

/// <summary>
/// Invocation actions for calls of named methods. A compilation has many calls and most rules care about a few method
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
        if (start is IInvocationNameRegistrar registrar)
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
}

/// <summary>A compilation-start context that dispatches invocation actions by the called method's name (the host's).</summary>
internal interface IInvocationNameRegistrar
{
    void RegisterInvocationAction(Action<OperationAnalysisContext> action, IEnumerable<string> methodNames, bool configuredSingletonMethods);
}
