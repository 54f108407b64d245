using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StatelessAnalyzers.Core;

/// <summary>How long a registered service lives.</summary>
internal enum ServiceLifetime
{
    Singleton,
    Scoped,
    Transient,
}

/// <summary>One dependency-injection registration: its lifetime, service and implementation types, and where it is.</summary>
/// <param name="Lifetime">Singleton for <c>AddSingleton</c>, <c>TryAddSingleton</c>, keyed variants, <c>AddHostedService</c> and configured helpers.</param>
/// <param name="ServiceType">The service type, when it can be read from the call.</param>
/// <param name="ImplementationType">The implementation type: a type argument, a <c>typeof</c>, an instance's type, or the type a factory lambda creates; null when unknown.</param>
/// <param name="Invocation">The registering call.</param>
internal sealed record ServiceRegistration(
    ServiceLifetime Lifetime,
    ITypeSymbol? ServiceType,
    ITypeSymbol? ImplementationType,
    IInvocationOperation Invocation)
{
    /// <summary>The type whose instance the container creates or holds: the implementation, else the service.</summary>
    public ITypeSymbol? ConcreteType => ImplementationType ?? ServiceType;
}

/// <summary>Reads <see cref="ServiceRegistration"/>s from <c>IServiceCollection</c> calls, in every form RULES.md names.</summary>
internal static class ServiceRegistrations
{
    /// <summary>The built-in names of singleton registrations (besides those of <c>singleton_registration_methods</c>).</summary>
    public static readonly string[] SingletonMethodNames =
    {
        "AddSingleton", "TryAddSingleton", "AddKeyedSingleton", "TryAddKeyedSingleton", "AddHostedService",
    };

    /// <summary>The built-in names of registrations of every lifetime.</summary>
    public static readonly string[] MethodNames =
    {
        "AddSingleton", "TryAddSingleton", "AddKeyedSingleton", "TryAddKeyedSingleton", "AddHostedService",
        "AddScoped", "TryAddScoped", "AddKeyedScoped", "TryAddKeyedScoped",
        "AddTransient", "TryAddTransient", "AddKeyedTransient", "TryAddKeyedTransient",
    };

    /// <summary>
    /// Reads a registration from <paramref name="invocation"/>; null when it is not a registration on an
    /// <c>IServiceCollection</c> (or a method named in <c>singleton_registration_methods</c>).
    /// </summary>
    public static ServiceRegistration? TryRead(IInvocationOperation invocation, WellKnownSymbols symbols, StatelessOptions options)
    {
        // Every invocation of a compilation comes here: the method's name decides before any symbol is compared.
        var method = invocation.TargetMethod;
        ServiceLifetime lifetime;
        switch (method.Name)
        {
            case "AddSingleton" or "TryAddSingleton" or "AddKeyedSingleton" or "TryAddKeyedSingleton" or "AddHostedService":
                lifetime = ServiceLifetime.Singleton;
                break;
            case "AddScoped" or "TryAddScoped" or "AddKeyedScoped" or "TryAddKeyedScoped":
                lifetime = ServiceLifetime.Scoped;
                break;
            case "AddTransient" or "TryAddTransient" or "AddKeyedTransient" or "TryAddKeyedTransient":
                lifetime = ServiceLifetime.Transient;
                break;
            case var name when IsConfiguredSingletonMethod(name, options):
                lifetime = ServiceLifetime.Singleton;
                break;
            default:
                return null;
        }

        // SL2002, SL4001 and the singleton registries read the same call one after the other.
        var last = symbols.LastRegistration;
        if (last.TryGet(invocation, options, out var known))
            return known;
        return last.Set(invocation, options, Read(invocation, method, lifetime, symbols));
    }

    private static ServiceRegistration? Read(IInvocationOperation invocation, IMethodSymbol method, ServiceLifetime lifetime, WellKnownSymbols symbols)
    {
        if (!IsOnServiceCollection(invocation, symbols))
            return null;

        ITypeSymbol? serviceType = null;
        ITypeSymbol? implementationType = null;
        var typeArguments = method.TypeArguments;
        if (typeArguments.Length >= 1)
            serviceType = typeArguments[0];
        if (typeArguments.Length >= 2)
            implementationType = typeArguments[1];

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || parameter.Ordinal == 0 && method.IsExtensionMethod)
                continue;
            var value = Unwrap(argument.Value);
            switch (parameter.Name)
            {
                case "serviceType" when value is ITypeOfOperation typeOf:
                    serviceType = typeOf.TypeOperand;
                    break;
                case "implementationType" when value is ITypeOfOperation typeOf:
                    implementationType = typeOf.TypeOperand;
                    break;
                case "implementationInstance":
                    implementationType ??= value.Type;
                    break;
                case "implementationFactory":
                    implementationType ??= FactoryResultType(value);
                    break;
            }
        }

        // AddHostedService<T>() registers T as its own implementation.
        if (method.Name == "AddHostedService" && implementationType is null)
            implementationType = serviceType;

        return new ServiceRegistration(lifetime, serviceType, implementationType, invocation);
    }

    /// <summary>
    /// The registration read last and the call it was read from, so that the rules that read registrations read each
    /// call once. Replaced whole, so concurrent callers see either the old answer or the new one.
    /// </summary>
    internal sealed class LastRead
    {
        private LastAnswer<IInvocationOperation, (StatelessOptions Options, ServiceRegistration? Registration)>? last;

        public bool TryGet(IInvocationOperation invocation, StatelessOptions options, out ServiceRegistration? registration)
        {
            if (LastAnswer<IInvocationOperation, (StatelessOptions Options, ServiceRegistration? Registration)>.TryGet(ref last, invocation, out var answer)
                && ReferenceEquals(answer.Options, options))
            {
                registration = answer.Registration;
                return true;
            }
            registration = null;
            return false;
        }

        public ServiceRegistration? Set(IInvocationOperation invocation, StatelessOptions options, ServiceRegistration? registration) =>
            LastAnswer<IInvocationOperation, (StatelessOptions Options, ServiceRegistration? Registration)>.Set(ref last, invocation, (options, registration)).Registration;
    }

    private static bool IsConfiguredSingletonMethod(string name, StatelessOptions options)
    {
        foreach (var configured in options.SingletonRegistrationMethods)
        {
            if (string.Equals(configured, name, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static bool IsOnServiceCollection(IInvocationOperation invocation, WellKnownSymbols symbols)
    {
        if (symbols.IServiceCollection is null)
            return false;
        if (invocation.TargetMethod.ExtensionReceiverType() is { } extended)
            return extended.IsOrImplements(symbols.IServiceCollection);
        return invocation.Instance?.Type is { } receiver && receiver.IsOrImplements(symbols.IServiceCollection);
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation or IDelegateCreationOperation)
        {
            operation = operation is IConversionOperation conversion
                ? conversion.Operand
                : ((IDelegateCreationOperation)operation).Target;
        }
        return operation;
    }

    /// <summary>The type a factory lambda creates: <c>sp =&gt; new T(...)</c> or a body that returns <c>new T(...)</c>.</summary>
    private static ITypeSymbol? FactoryResultType(IOperation factory)
    {
        if (factory is not IAnonymousFunctionOperation { Body: { } body })
            return null;
        ITypeSymbol? result = null;
        foreach (var operation in body.Operations)
        {
            if (operation is IReturnOperation { ReturnedValue: { } returned })
            {
                var created = Unwrap(returned) as IObjectCreationOperation;
                if (created?.Type is null || (result is not null && !SymbolEqualityComparer.Default.Equals(result, created.Type)))
                    return null;
                result = created.Type;
            }
        }
        return result;
    }
}
