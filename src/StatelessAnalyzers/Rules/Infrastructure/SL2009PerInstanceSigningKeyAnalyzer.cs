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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
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
            start.RegisterOperationAction(analysis.OnMemberReference, OperationKind.FieldReference, OperationKind.PropertyReference);
            start.RegisterInvocationAction(analysis.OnInvocation, DeveloperKeyMethodNames);
            start.RegisterOperationAction(analysis.OnMethodReference, OperationKind.Invocation);
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
        private readonly ConcurrentDictionary<ISymbol, bool> membersUsedForTokens = new(SymbolEqualityComparer.Default);

        // InvolvesSecurityKey of the non-generic named types, by symbol object: the types of the members referenced
        // and the methods called recur across a compilation. Read before written.
        private readonly ConcurrentDictionary<ISymbol, bool> keyTypes = new(DefinitionComparer.Instance);

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

        /// <summary>Every call: a method of the app whose key value reaches a token API.</summary>
        public void OnMethodReference(OperationAnalysisContext context)
        {
            // Most calls are of methods from references, or return nothing: both are answered before the return type's
            // base types are walked.
            var method = ((IInvocationOperation)context.Operation).TargetMethod;
            if (method.ReturnsVoid || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, context.Compilation.Assembly))
                return;
            if (InvolvesSecurityKey(method.ReturnType))
                RecordTokenUse(context, method.OriginalDefinition);
        }

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

        /// <summary>Records the application's fields, properties and methods whose key value reaches a token API.</summary>
        public void OnMemberReference(OperationAnalysisContext context)
        {
            switch (context.Operation)
            {
                case IFieldReferenceOperation field:
                    if (InvolvesSecurityKey(field.Field.Type))
                        RecordTokenUse(context, field.Field);
                    break;
                case IPropertyReferenceOperation property:
                    if (InvolvesSecurityKey(property.Property.Type))
                        RecordTokenUse(context, property.Property);
                    break;
            }
        }

        private void RecordTokenUse(OperationAnalysisContext context, ISymbol member)
        {
            if (!IsApplicationMember(member))
                return;
            var consumer = FindConsumer(context.Operation);
            if (consumer.Local is { } local)
                consumer = FollowLocal(context.Operation, local);
            if (consumer.Kind == ConsumerKind.TokenApi)
                membersUsedForTokens.TryAdd(member, true);
        }

        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            foreach (var (member, location, name) in storedKeys)
            {
                if (membersUsedForTokens.ContainsKey(member))
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.SL2009PerInstanceSigningKeyCompilationEnd, location, name));
            }
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
            material = Unwrap(material);
            if (material is ILocalReferenceOperation reference)
            {
                if (Initializer(reference.Local, material) is { } initial && IsFreshBytes(initial, depth + 1))
                    return true;
                // byte[] key = new byte[32]; RandomNumberGenerator.Fill(key);
                foreach (var operation in Root(material).Descendants())
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
                if (Unwrap(argument.Value) is ILocalReferenceOperation passed && SymbolEqualityComparer.Default.Equals(passed.Local, local))
                    return true;
            }
            return false;
        }

        /// <summary><c>RSA.Create()</c>, <c>ECDsa.Create()</c>, <c>new RSACryptoServiceProvider(2048)</c>... with no key imported afterwards.</summary>
        private bool IsFreshAsymmetricKey(IOperation material, int depth)
        {
            if (depth > 3)
                return false;
            material = Unwrap(material);
            switch (material)
            {
                case ILocalReferenceOperation reference:
                    return Initializer(reference.Local, material) is { } initial
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
            foreach (var operation in Root(anywhere).Descendants())
            {
                if (operation is IInvocationOperation { Instance: ILocalReferenceOperation target } invocation
                    && SymbolEqualityComparer.Default.Equals(target.Local, local)
                    && (invocation.TargetMethod.Name.StartsWith("Import", System.StringComparison.Ordinal) || invocation.TargetMethod.Name == "FromXmlString"))
                    return true;
            }
            return false;
        }

        /// <summary>
        /// True for <c>SecurityKey</c>, its subclasses, arrays of them and generic types over them. Asked for the type of
        /// every member reference and call: special types (void, string, int...) answer at once, the others by a walk
        /// up the base types that allocates nothing.
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
                        return named.IsOrDerivesFrom(SecurityKey);
                    }
                    if (keyTypes.TryGetValue(named, out var known))
                        return known;
                    var result = named.IsOrDerivesFrom(SecurityKey);
                    keyTypes.TryAdd(named, result);
                    return result;
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
            foreach (var operation in Root(anywhere).Descendants())
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

        private static IOperation? Initializer(ILocalSymbol local, IOperation anywhere)
        {
            foreach (var operation in Root(anywhere).Descendants())
            {
                if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                    return declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
            }
            return null;
        }

        private static IOperation Root(IOperation operation)
        {
            while (operation.Parent is { } parent)
                operation = parent;
            return operation;
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
                operation = conversion.Operand;
            return operation;
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
