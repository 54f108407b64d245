using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Infrastructure;

/// <summary>
/// SL2004: the app uses Data Protection (cookie authentication, session, antiforgery, Identity, MVC views, Razor Pages
/// or <c>AddDataProtection</c>) and nothing in the compilation persists its keys (<c>PersistKeysTo*</c>,
/// <c>KeyManagementOptions.XmlRepository</c>); reported once, on the first such registration.
/// </summary>
public sealed class SL2004DataProtectionKeysNotPersistedAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL2004DataProtectionKeysNotPersisted);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            var dataProtection = symbols.Get("Microsoft.Extensions.DependencyInjection.DataProtectionServiceCollectionExtensions");
            if (!symbols.IsWebOrWorker || dataProtection is null)
                return;
            var analysis = new CompilationAnalysis(symbols, dataProtection);
            start.RegisterOperationAction(analysis.OnPersistKeysCall, OperationKind.Invocation);
            start.RegisterInvocationAction(analysis.OnConsumerCall, ConsumerMethodNames);
            start.RegisterOperationAction(analysis.OnAssignment, OperationKind.SimpleAssignment);
            start.RegisterCompilationEndAction(analysis.OnCompilationEnd);
        });
    }

    // The registrations of the features that use data protection keys (IsDataProtectionConsumer is false for any other name).
    private static readonly string[] ConsumerMethodNames =
    {
        "AddDataProtection", "AddCookie", "AddSession", "AddAntiforgery", "AddRazorComponents", "AddRazorPages",
        "AddControllersWithViews", "AddMvc", "AddIdentity", "AddDefaultIdentity", "AddIdentityApiEndpoints",
    };

    private sealed class CompilationAnalysis
    {
        private readonly WellKnownSymbols symbols;
        private readonly INamedTypeSymbol dataProtection;
        private readonly LazyType cookies;
        private readonly LazyType session;
        private readonly LazyType antiforgery;
        private readonly LazyType mvc;
        private readonly LazyType mvcCoreRazorPages;
        private readonly LazyType razorComponents;
        private readonly LazyType keyManagementOptions;
        private readonly ConcurrentBag<(Location Location, string Name)> consumers = new();
        private int persisted;

        public CompilationAnalysis(WellKnownSymbols symbols, INamedTypeSymbol dataProtection)
        {
            this.symbols = symbols;
            this.dataProtection = dataProtection;
            // Resolved when a call or assignment of a matching name first needs them.
            cookies = new LazyType(symbols, "Microsoft.Extensions.DependencyInjection.CookieExtensions");
            session = new LazyType(symbols, "Microsoft.Extensions.DependencyInjection.SessionServiceCollectionExtensions");
            antiforgery = new LazyType(symbols, "Microsoft.Extensions.DependencyInjection.AntiforgeryServiceCollectionExtensions");
            mvc = new LazyType(symbols, "Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions");
            mvcCoreRazorPages = new LazyType(symbols, "Microsoft.Extensions.DependencyInjection.MvcRazorPagesMvcCoreBuilderExtensions");
            razorComponents = new LazyType(symbols, "Microsoft.Extensions.DependencyInjection.RazorComponentsServiceCollectionExtensions");
            keyManagementOptions = new LazyType(symbols, "Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions");
        }

        /// <summary>Every invocation: a <c>PersistKeysTo...</c> call (any package's) persists the keys.</summary>
        public void OnPersistKeysCall(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var name = invocation.TargetMethod.Name;
            // Every invocation comes here: its name decides before the options are looked up.
            if (name.Length < 13 || name[0] != 'P' || !name.StartsWith("PersistKeysTo", StringComparison.Ordinal))
                return;
            // Keys persisted only in Development leave production with per-instance keys.
            if (!DevelopmentGuards.IsGuarded(invocation, symbols.GetOptions(context.Options, invocation.Syntax.SyntaxTree)))
                Interlocked.Exchange(ref persisted, 1);
        }

        /// <summary>A call of a <see cref="ConsumerMethodNames"/> name: a feature that needs the keys.</summary>
        public void OnConsumerCall(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (IsDataProtectionConsumer(method)
                && symbols.GetContext(context.Options, invocation.Syntax.SyntaxTree).MayReportInfrastructure(invocation))
                consumers.Add((SyntaxLocations.InvokedName(invocation.Syntax), method.Name));
        }

        public void OnAssignment(OperationAnalysisContext context)
        {
            // KeyManagementOptions.XmlRepository, set in Configure<KeyManagementOptions>, AddKeyManagementOptions or anywhere else.
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "XmlRepository" } property }
                || !property.ContainingType.Is(keyManagementOptions.Value))
                return;
            if (!DevelopmentGuards.IsGuarded(assignment, symbols.GetOptions(context.Options, assignment.Syntax.SyntaxTree)))
                Interlocked.Exchange(ref persisted, 1);
        }

        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            if (Volatile.Read(ref persisted) != 0)
                return;
            if (FirstRegistration.Of(consumers) is { } first)
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL2004DataProtectionKeysNotPersisted, first.Location, first.Name));
        }

        private bool IsDataProtectionConsumer(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type is null)
                return false;
            switch (method.Name)
            {
                case "AddDataProtection":
                    return type.Is(dataProtection);
                case "AddCookie":
                    return type.Is(cookies.Value);
                case "AddSession":
                    return type.Is(session.Value);
                case "AddAntiforgery":
                    return type.Is(antiforgery.Value);
                case "AddRazorComponents":
                    return type.Is(razorComponents.Value);
                case "AddRazorPages":
                    return type.Is(mvcCoreRazorPages.Value) || type.Is(mvc.Value);
                case "AddControllersWithViews" or "AddMvc":
                    return type.Is(mvc.Value);
                case "AddIdentity" or "AddDefaultIdentity" or "AddIdentityApiEndpoints":
                    // Their containing types are ambiguous across the shared framework, so they are matched by name.
                    return type.Name.StartsWith("IdentityServiceCollection", StringComparison.Ordinal)
                        && type.ContainingNamespace.IsNamespace("Microsoft.Extensions.DependencyInjection");
                default:
                    return false;
            }
        }
    }
}
