using Microsoft.CodeAnalysis.Text;
using System.Threading;
using System.Collections.Generic;
using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Rules.Infrastructure;

/// <summary>
/// SL2009: a token-signing or encryption key that each instance creates for itself: IdentityServer's
/// <c>AddDeveloperSigningCredential</c>, OpenIddict's ephemeral and development keys, and a <c>SymmetricSecurityKey</c>,
/// <c>RsaSecurityKey</c> or <c>ECDsaSecurityKey</c> built from freshly generated key material and used for tokens.
/// </summary>
public sealed class SL2009PerInstanceSigningKeyAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.SL2009PerInstanceSigningKey, Descriptors.SL2009PerInstanceSigningKeyCompilationEnd);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = WellKnownSymbols.Get(start.Compilation);
            if (!symbols.IsWebOrWorker)
                return;
            var analysis = new CompilationAnalysis(symbols);
            if (analysis.SecurityKey is null)
            {
                // Only the developer-credential calls can be found; their types are resolved when a call of that name shows up.
                start.RegisterInvocationAction(analysis.OnInvocation, DeveloperKeyMethodNames);
                return;
            }
            start.RegisterObjectCreationAction(analysis.OnCreation, new[] { "SymmetricSecurityKey", "RsaSecurityKey", "ECDsaSecurityKey" });
            start.RegisterInvocationAction(analysis.OnInvocation, DeveloperKeyMethodNames);
            start.RegisterCompilationEndAction(analysis.OnCompilationEnd);
        });
    }

    private static readonly string[] DeveloperKeyMethodNames =
    {
        "AddDeveloperSigningCredential", "AddEphemeralSigningKey", "AddEphemeralEncryptionKey",
        "AddDevelopmentSigningCertificate", "AddDevelopmentEncryptionCertificate",
    };

    private sealed class CompilationAnalysis
    {
        private readonly WellKnownSymbols symbols;
        private readonly LazyType identityServerCrypto;
        private readonly LazyType openIddictServer;
        private readonly LazyType symmetricKey;
        private readonly LazyType rsaKey;
        private readonly LazyType ecdsaKey;
        private readonly LazyType randomNumberGenerator;
        private readonly LazyType random;
        private readonly LazyType guid;
        private readonly LazyType asymmetricAlgorithm;

        // Keys stored in a member of the application: reported at the end when some use of the member reaches a token API.
        private readonly ConcurrentBag<(ISymbol Member, Location Location, string Name)> storedKeys = new();

        public CompilationAnalysis(WellKnownSymbols symbols)
        {
            this.symbols = symbols;
            identityServerCrypto = new LazyType(symbols, "Microsoft.Extensions.DependencyInjection.IdentityServerBuilderExtensionsCrypto");
            openIddictServer = new LazyType(symbols, "Microsoft.Extensions.DependencyInjection.OpenIddictServerBuilder");
            SecurityKey = symbols.Get("Microsoft.IdentityModel.Tokens.SecurityKey");
            symmetricKey = new LazyType(symbols, "Microsoft.IdentityModel.Tokens.SymmetricSecurityKey");
            rsaKey = new LazyType(symbols, "Microsoft.IdentityModel.Tokens.RsaSecurityKey");
            ecdsaKey = new LazyType(symbols, "Microsoft.IdentityModel.Tokens.ECDsaSecurityKey");
            randomNumberGenerator = new LazyType(symbols, "System.Security.Cryptography.RandomNumberGenerator");
            random = new LazyType(symbols, "System.Random");
            guid = new LazyType(symbols, "System.Guid");
            asymmetricAlgorithm = new LazyType(symbols, "System.Security.Cryptography.AsymmetricAlgorithm");
        }

        public INamedTypeSymbol? SecurityKey { get; }

        public void OnInvocation(OperationAnalysisContext context) => CheckDeveloperKey(context, (IInvocationOperation)context.Operation);

        /// <summary>Reports <c>AddDeveloperSigningCredential</c> and OpenIddict's development keys.</summary>
        private void CheckDeveloperKey(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            LazyType developerType;
            switch (method.Name)
            {
                case "AddDeveloperSigningCredential":
                    developerType = identityServerCrypto;
                    break;
                case "AddEphemeralSigningKey" or "AddEphemeralEncryptionKey" or "AddDevelopmentSigningCertificate" or "AddDevelopmentEncryptionCertificate":
                    developerType = openIddictServer;
                    break;
                default:
                    return;
            }
            if (method.ContainingType.Is(developerType.Value) && MayReport(context, invocation))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SL2009PerInstanceSigningKey, SyntaxLocations.InvokedName(invocation.Syntax), method.Name));
            }
        }

        public void OnCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            // Every object creation of the compilation comes here: the type's name decides before its arguments are read.
            if (creation.Type is not INamedTypeSymbol type
                || type.Name is not ("SymmetricSecurityKey" or "RsaSecurityKey" or "ECDsaSecurityKey")
                || creation.Arguments.Length == 0 || !IsFreshKey(type, creation.Arguments[0].Value))
                return;
            var consumer = FindConsumer(creation);
            if (consumer.Local is { } local)
                consumer = FollowLocal(creation, local);
            if (consumer.Kind == ConsumerKind.None || !MayReport(context, creation))
                return;
            var location = creation.Syntax is ObjectCreationExpressionSyntax { Type: { } typeSyntax } ? typeSyntax.GetLocation() : creation.Syntax.GetLocation();
            if (consumer.Kind == ConsumerKind.TokenApi)
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL2009PerInstanceSigningKey, location, type.Name));
            else
                storedKeys.Add((consumer.Member!, location, type.Name));
        }

        /// <summary>
        /// Reports the keys stored in a member of the application that some use of the member hands to a token API.
        /// The uses are looked for here, once a key has been stored: the files that name such a member are read for
        /// references to it, so that no reference of the compilation has to be looked at while none is.
        /// </summary>
        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            if (storedKeys.IsEmpty)
                return;
            var members = new Dictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
            foreach (var (member, _, _) in storedKeys)
                members[member.OriginalDefinition] = false;
            FindTokenUses(context.Compilation, members, context.CancellationToken);
            foreach (var (member, location, name) in storedKeys)
            {
                if (members[member.OriginalDefinition])
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL2009PerInstanceSigningKeyCompilationEnd, location, name));
            }
        }

        /// <summary>
        /// Marks in <paramref name="members"/> the fields, properties and methods that some reference or call hands to a
        /// token API (directly or through a local). Only files whose text contains a member's name are parsed for uses.
        /// </summary>
        private void FindTokenUses(Compilation compilation, Dictionary<ISymbol, bool> members, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in members.Keys)
            {
                if (InvolvesSecurityKey(KeyValueType(member)))
                    names.Add(member.Name);
            }
            if (names.Count == 0)
                return;
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!MentionsAny(tree.GetText(cancellationToken), names))
                    continue;
                SemanticModel? model = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (node is not SimpleNameSyntax simpleName || !names.Contains(simpleName.Identifier.ValueText))
                        continue;
#pragma warning disable RS1030 // Only once a key is stored in a member, only for the files that name the member.
                    model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    if (ReferenceOf(model, simpleName, cancellationToken) is not { } use)
                        continue;
                    var member = use switch
                    {
                        IFieldReferenceOperation field => (ISymbol)field.Field.OriginalDefinition,
                        IPropertyReferenceOperation property => property.Property.OriginalDefinition,
                        IInvocationOperation invocation => invocation.TargetMethod.OriginalDefinition,
                        _ => null,
                    };
                    if (member is null || !members.TryGetValue(member, out var used) || used)
                        continue;
                    var consumer = FindConsumer(use);
                    if (consumer.Local is { } local)
                        consumer = FollowLocal(use, local);
                    if (consumer.Kind == ConsumerKind.TokenApi)
                        members[member] = true;
                }
            }
        }

        /// <summary>The type of the value a stored-key member gives: a field's or property's type, a method's return type.</summary>
        private static ITypeSymbol? KeyValueType(ISymbol member) => member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            IMethodSymbol method => method.ReturnType,
            _ => null,
        };

        /// <summary>The member reference or call a name is the member of: <c>Key</c>, <c>this.Key</c>, <c>holder?.Key</c>, <c>GetKey()</c>.</summary>
        private static IOperation? ReferenceOf(SemanticModel model, SimpleNameSyntax name, CancellationToken cancellationToken)
        {
            SyntaxNode expression = name;
            if (expression.Parent is MemberAccessExpressionSyntax access && access.Name == expression)
                expression = access;
            else if (expression.Parent is MemberBindingExpressionSyntax binding && binding.Name == expression)
                expression = binding;
            if (expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression)
                expression = invocation;
            return model.GetOperation(expression, cancellationToken) switch
            {
                IConversionOperation { IsImplicit: true, Operand: var operand } => operand,
                var operation => operation,
            };
        }

        /// <summary>True when <paramref name="text"/> contains one of <paramref name="names"/> (a plain scan, no syntax).</summary>
        private static bool MentionsAny(SourceText text, HashSet<string> names)
        {
            foreach (var name in names)
            {
                var first = name[0];
                for (var i = 0; i + name.Length <= text.Length; i++)
                {
                    if (text[i] != first)
                        continue;
                    var j = 1;
                    while (j < name.Length && text[i + j] == name[j])
                        j++;
                    if (j == name.Length)
                        return true;
                }
            }
            return false;
        }

        private bool MayReport(OperationAnalysisContext context, IOperation operation) =>
            symbols.GetContext(context.Options, operation.Syntax.SyntaxTree).MayReportInfrastructure(operation);

        private bool IsFreshKey(INamedTypeSymbol type, IOperation material)
        {
            if (type.Is(symmetricKey.Value))
                return IsFreshBytes(material, 0);
            if (type.Is(rsaKey.Value) || type.Is(ecdsaKey.Value))
                return IsFreshAsymmetricKey(material, 0);
            return false;
        }

        /// <summary>Bytes from <c>RandomNumberGenerator</c>, <c>Random</c> or <c>Guid.NewGuid()</c>, directly or through a local.</summary>
        private bool IsFreshBytes(IOperation material, int depth)
        {
            if (depth > 3)
                return false;
            material = OperationTrees.WithoutConversions(material);
            if (material is ILocalReferenceOperation reference)
            {
                if (OperationTrees.Initializer(reference.Local, material) is { } initial && IsFreshBytes(initial, depth + 1))
                    return true;
                // byte[] key = new byte[32]; RandomNumberGenerator.Fill(key);
                foreach (var operation in OperationTrees.Root(material).Descendants())
                {
                    if (operation is IInvocationOperation fill && IsRandomFill(fill.TargetMethod) && PassesLocal(fill, reference.Local))
                        return true;
                }
                return false;
            }
            foreach (var operation in material.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation invocation && IsRandomSource(invocation.TargetMethod))
                    return true;
            }
            return false;
        }

        private bool IsRandomSource(IMethodSymbol method) =>
            (method.Name is "GetBytes" or "GetHexString" or "GetString" && method.IsStatic && method.ContainingType.Is(randomNumberGenerator.Value))
            || (method.Name is "NewGuid" or "CreateVersion7" && method.ContainingType.Is(guid.Value));

        private bool IsRandomFill(IMethodSymbol method)
        {
            if (method.Name is "Fill" or "GetBytes" or "GetNonZeroBytes")
            {
                for (var type = method.ContainingType; type is not null; type = type.BaseType)
                {
                    if (type.Is(randomNumberGenerator.Value))
                        return true;
                }
            }
            return method.Name == "NextBytes" && method.ContainingType.Is(random.Value);
        }

        private static bool PassesLocal(IInvocationOperation invocation, ILocalSymbol local)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (OperationTrees.WithoutConversions(argument.Value) is ILocalReferenceOperation passed && SymbolEqualityComparer.Default.Equals(passed.Local, local))
                    return true;
            }
            return false;
        }

        /// <summary><c>RSA.Create()</c>, <c>ECDsa.Create()</c>, <c>new RSACryptoServiceProvider(2048)</c>... with no key imported afterwards.</summary>
        private bool IsFreshAsymmetricKey(IOperation material, int depth)
        {
            if (depth > 3)
                return false;
            material = OperationTrees.WithoutConversions(material);
            switch (material)
            {
                case ILocalReferenceOperation reference:
                    return OperationTrees.Initializer(reference.Local, material) is { } initial
                        && IsFreshAsymmetricKey(initial, depth + 1)
                        && !ImportsKey(reference.Local, material);
                case IInvocationOperation { TargetMethod.Name: "ExportParameters", Instance: { } instance }:
                    return IsFreshAsymmetricKey(instance, depth + 1);
                case IInvocationOperation { TargetMethod: { Name: "Create", IsStatic: true } create }:
                    return IsAsymmetricAlgorithm(create.ContainingType) && GeneratesKey(create.Parameters);
                case IObjectCreationOperation { Constructor: { } constructor } creation:
                    return IsAsymmetricAlgorithm(creation.Type) && GeneratesKey(constructor.Parameters);
            }
            return false;
        }

        /// <summary>No parameters, a key size or a curve: the algorithm generates a new key (an import takes parameters or a key blob).</summary>
        private static bool GeneratesKey(ImmutableArray<IParameterSymbol> parameters)
        {
            foreach (var parameter in parameters)
            {
                if (parameter.Type.SpecialType != SpecialType.System_Int32 && parameter.Type.Name != "ECCurve")
                    return false;
            }
            return true;
        }

        private bool IsAsymmetricAlgorithm(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.Is(asymmetricAlgorithm.Value))
                    return true;
            }
            return false;
        }

        private static bool ImportsKey(ILocalSymbol local, IOperation anywhere)
        {
            foreach (var operation in OperationTrees.Root(anywhere).Descendants())
            {
                if (operation is IInvocationOperation { Instance: ILocalReferenceOperation target } invocation
                    && SymbolEqualityComparer.Default.Equals(target.Local, local)
                    && (invocation.TargetMethod.Name.StartsWith("Import", System.StringComparison.Ordinal) || invocation.TargetMethod.Name == "FromXmlString"))
                    return true;
            }
            return false;
        }

        /// <summary>
        /// True for <c>SecurityKey</c>, its subclasses, arrays of them and generic types over them. Asked where a fresh
        /// key goes and for the members that store one: special types (void, string, int...) answer at once, the others
        /// by a walk up the base types that allocates nothing.
        /// </summary>
        private bool InvolvesSecurityKey(ITypeSymbol? type)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    return InvolvesSecurityKey(array.ElementType);
                case INamedTypeSymbol named:
                    if (named.SpecialType != SpecialType.None)
                        return false;
                    if (named.IsGenericType)
                    {
                        foreach (var argument in named.TypeArguments)
                        {
                            if (InvolvesSecurityKey(argument))
                                return true;
                        }
                    }
                    return named.IsOrDerivesFrom(SecurityKey);
            }
            return false;
        }

        /// <summary>Where a key value goes: a token API (a <c>SecurityKey</c> parameter or a framework property), a local, or a member of the app.</summary>
        private Consumer FindConsumer(IOperation value)
        {
            var current = value;
            for (var parent = current.Parent; parent is not null; current = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConversionOperation or IArrayInitializerOperation or IArrayCreationOperation or ICollectionExpressionOperation
                        or ICoalesceOperation or IParenthesizedOperation:
                        continue;
                    case IConditionalOperation conditional when !ReferenceEquals(conditional.Condition, current):
                        continue;
                    case IArgumentOperation argument:
                        return InvolvesSecurityKey(argument.Parameter?.Type) ? Consumer.TokenApi : Consumer.None;
                    case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Value, current):
                        return assignment.Target switch
                        {
                            ILocalReferenceOperation local => new Consumer(ConsumerKind.Local, null, local.Local),
                            IMemberReferenceOperation member => ForMember(member.Member),
                            _ => Consumer.None,
                        };
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return new Consumer(ConsumerKind.Local, null, declarator.Symbol);
                    case IFieldInitializerOperation { InitializedFields: { Length: > 0 } fields }:
                        return ForMember(fields[0]);
                    case IPropertyInitializerOperation { InitializedProperties: { Length: > 0 } properties }:
                        return ForMember(properties[0]);
                    case IReturnOperation:
                        return parent.SemanticModel?.GetEnclosingSymbol(parent.Syntax.SpanStart) switch
                        {
                            IMethodSymbol { MethodKind: MethodKind.Ordinary } method => ForMember(method.OriginalDefinition),
                            IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: { } property } => ForMember(property),
                            IPropertySymbol property => ForMember(property),
                            _ => Consumer.None,
                        };
                    default:
                        return Consumer.None;
                }
            }
            return Consumer.None;
        }

        /// <summary>A member of the application stores the key for later; a framework property (TokenValidationParameters.IssuerSigningKey) uses it.</summary>
        private Consumer ForMember(ISymbol member)
        {
            if (IsApplicationMember(member))
                return new Consumer(ConsumerKind.Member, member, null);
            var type = member switch
            {
                IPropertySymbol property => property.Type,
                IFieldSymbol field => field.Type,
                _ => null,
            };
            return InvolvesSecurityKey(type) ? Consumer.TokenApi : Consumer.None;
        }

        /// <summary>A member declared in the application's source, not in a token library (Microsoft.IdentityModel.*).</summary>
        private static bool IsApplicationMember(ISymbol member)
        {
            if (member.Locations.Length == 0 || !member.Locations[0].IsInSource)
                return false;
            var root = member.ContainingNamespace;
            while (root?.ContainingNamespace is { IsGlobalNamespace: false } parent)
                root = parent;
            return !(root?.Name == "Microsoft" && member.ContainingNamespace!.ToDisplayString().StartsWith("Microsoft.IdentityModel", System.StringComparison.Ordinal));
        }

        /// <summary>Follows a local that holds the key to the token APIs or members its references reach.</summary>
        private Consumer FollowLocal(IOperation anywhere, ILocalSymbol local)
        {
            var result = Consumer.None;
            foreach (var operation in OperationTrees.Root(anywhere).Descendants())
            {
                if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    continue;
                var consumer = FindConsumer(reference);
                if (consumer.Kind == ConsumerKind.TokenApi)
                    return consumer;
                if (consumer.Kind == ConsumerKind.Member)
                    result = consumer;
            }
            return result;
        }

    }

    private enum ConsumerKind
    {
        None,
        TokenApi,
        Local,
        Member,
    }

    private readonly struct Consumer
    {
        public static readonly Consumer None = new(ConsumerKind.None, null, null);
        public static readonly Consumer TokenApi = new(ConsumerKind.TokenApi, null, null);

        public Consumer(ConsumerKind kind, ISymbol? member, ILocalSymbol? local)
        {
            Kind = kind;
            Member = member;
            Local = local;
        }

        public ConsumerKind Kind { get; }

        public ISymbol? Member { get; }

        public ILocalSymbol? Local { get; }
    }
}
