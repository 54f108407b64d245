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
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SL2004DataProtectionKeysNotPersistedAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Identity registrations; their containing types are ambiguous across the shared framework, so they are matched by name.</summary>
    private static readonly ImmutableHashSet<string> IdentityMethods = ImmutableHashSet.Create(
        StringComparer.Ordinal, "AddIdentity", "AddDefaultIdentity", "AddIdentityApiEndpoints");

    private static readonly ImmutableHashSet<string> MvcMethods = ImmutableHashSet.Create(
        StringComparer.Ordinal, "AddControllersWithViews", "AddRazorPages", "AddMvc");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SL2004DataProtectionKeysNotPersisted);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            var dataProtection = symbols.Get("Microsoft.Extensions.DependencyInjection.DataProtectionServiceCollectionExtensions");
            if (!symbols.IsWebOrWorker || dataProtection is null)
                return;
            var analysis = new CompilationAnalysis(symbols, dataProtection);
            start.RegisterOperationAction(analysis.OnInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(analysis.OnAssignment, OperationKind.SimpleAssignment);
            start.RegisterCompilationEndAction(analysis.OnCompilationEnd);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly WellKnownSymbols symbols;
        private readonly INamedTypeSymbol dataProtection;
        private readonly INamedTypeSymbol? cookies;
        private readonly INamedTypeSymbol? session;
        private readonly INamedTypeSymbol? antiforgery;
        private readonly INamedTypeSymbol? mvc;
        private readonly INamedTypeSymbol? mvcCoreRazorPages;
        private readonly INamedTypeSymbol? razorComponents;
        private readonly INamedTypeSymbol? keyManagementOptions;
        private readonly ConcurrentBag<(Location Location, string Name)> consumers = new();
        private int persisted;

        public CompilationAnalysis(WellKnownSymbols symbols, INamedTypeSymbol dataProtection)
        {
            this.symbols = symbols;
            this.dataProtection = dataProtection;
            cookies = symbols.Get("Microsoft.Extensions.DependencyInjection.CookieExtensions");
            session = symbols.Get("Microsoft.Extensions.DependencyInjection.SessionServiceCollectionExtensions");
            antiforgery = symbols.Get("Microsoft.Extensions.DependencyInjection.AntiforgeryServiceCollectionExtensions");
            mvc = symbols.Get("Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions");
            mvcCoreRazorPages = symbols.Get("Microsoft.Extensions.DependencyInjection.MvcRazorPagesMvcCoreBuilderExtensions");
            razorComponents = symbols.Get("Microsoft.Extensions.DependencyInjection.RazorComponentsServiceCollectionExtensions");
            keyManagementOptions = symbols.Get("Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions");
        }

        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var rules = symbols.GetContext(context.Options, invocation.Syntax.SyntaxTree);
            if (method.Name.StartsWith("PersistKeysTo", StringComparison.Ordinal))
            {
                // Keys persisted only in Development leave production with per-instance keys.
                if (!DevelopmentGuards.IsGuarded(invocation, rules.Options))
                    Interlocked.Exchange(ref persisted, 1);
                return;
            }
            if (IsDataProtectionConsumer(method) && rules.MayReportInfrastructure(invocation))
                consumers.Add((SyntaxLocations.InvokedName(invocation.Syntax), method.Name));
        }

        public void OnAssignment(OperationAnalysisContext context)
        {
            // KeyManagementOptions.XmlRepository, set in Configure<KeyManagementOptions>, AddKeyManagementOptions or anywhere else.
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "XmlRepository" } property }
                || !property.ContainingType.Is(keyManagementOptions))
                return;
            var rules = symbols.GetContext(context.Options, assignment.Syntax.SyntaxTree);
            if (!DevelopmentGuards.IsGuarded(assignment, rules.Options))
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
                    return type.Is(cookies);
                case "AddSession":
                    return type.Is(session);
                case "AddAntiforgery":
                    return type.Is(antiforgery);
                case "AddRazorComponents":
                    return type.Is(razorComponents);
                case "AddRazorPages" when type.Is(mvcCoreRazorPages):
                    return true;
            }
            if (MvcMethods.Contains(method.Name))
                return type.Is(mvc);
            return IdentityMethods.Contains(method.Name)
                && type.Name.StartsWith("IdentityServiceCollection", StringComparison.Ordinal)
                && type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.DependencyInjection";
        }
    }
}
