using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using StatelessAnalyzers.CodeFixes.Common;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.CodeFixes.Rules.Infrastructure;

/// <summary>
/// Everything the "Use IDistributedCache" fix changes in one class: the <c>IMemoryCache</c> type syntaxes of its
/// fields, properties and constructor parameters, and every use of them. Created only when every use can be
/// rewritten into awaited <c>IDistributedCache</c> calls inside an async method; otherwise there is no plan.
/// </summary>
internal sealed class MemoryCacheRewritePlan
{
    private static readonly HashSet<string> ExpirationProperties = new(System.StringComparer.Ordinal)
    {
        "AbsoluteExpirationRelativeToNow",
        "AbsoluteExpiration",
        "SlidingExpiration",
    };

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private MemoryCacheRewritePlan(ClassDeclarationSyntax type, List<TypeSyntax> cacheTypes, List<MemoryCacheUse> uses, List<MethodDeclarationSyntax> methodsToMakeAsync)
    {
        Type = type;
        CacheTypes = cacheTypes;
        Uses = uses;
        MethodsToMakeAsync = methodsToMakeAsync;
    }

    /// <summary>The class rewritten.</summary>
    public ClassDeclarationSyntax Type { get; }

    /// <summary>The <c>IMemoryCache</c> type syntaxes that become <c>IDistributedCache</c>.</summary>
    public List<TypeSyntax> CacheTypes { get; }

    public List<MemoryCacheUse> Uses { get; }

    /// <summary>Synchronous action methods that use the cache and become async (<see cref="AsyncConversion.MakeAsync"/>).</summary>
    public List<MethodDeclarationSyntax> MethodsToMakeAsync { get; }

    /// <summary>
    /// The plan for the class that declares <paramref name="cacheSymbol"/> (a field, property or constructor parameter of
    /// type <c>IMemoryCache</c>), or null when the fix must not be offered.
    /// </summary>
    public static async Task<MemoryCacheRewritePlan?> TryCreateAsync(
        Document document, SemanticModel model, ISymbol cacheSymbol, CancellationToken cancellationToken)
    {
        var symbols = WellKnownSymbols.Get(model.Compilation);
        var type = cacheSymbol is IParameterSymbol parameter ? parameter.ContainingType : cacheSymbol.ContainingType;
        if (symbols.IMemoryCache is null || symbols.IDistributedCache is null || type is null
            || type.TypeKind != TypeKind.Class || type.DeclaringSyntaxReferences.Length != 1
            || await type.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not ClassDeclarationSyntax declaration
            || declaration.SyntaxTree != model.SyntaxTree)
            return null;

        var planner = new Planner(document, model, symbols, type, declaration, cancellationToken);
        if (!await planner.CollectDependenciesAsync().ConfigureAwait(false) || !planner.Contains(cacheSymbol) || !planner.CollectUses())
            return null;

        // An action method that becomes async changes its return type: nothing in source may call it.
        foreach (var method in planner.MethodsToMakeAsync)
        {
            if (model.GetDeclaredSymbol(method, cancellationToken) is not { } methodSymbol
                || await AsyncConversion.HasReferencesAsync(methodSymbol, document.Project.Solution, cancellationToken).ConfigureAwait(false))
                return null;
        }
        return new MemoryCacheRewritePlan(declaration, planner.TypeSyntaxes, planner.Uses, planner.MethodsToMakeAsync.ToList());
    }

    private sealed class Planner
    {
        private readonly Document document;
        private readonly SemanticModel model;
        private readonly WellKnownSymbols symbols;
        private readonly INamedTypeSymbol type;
        private readonly ClassDeclarationSyntax declaration;
        private readonly CancellationToken cancellationToken;
        private readonly HashSet<ISymbol> cacheSymbols = new(SymbolEqualityComparer.Default);
        private readonly List<IdentifierNameSyntax> references = new();
        private readonly Dictionary<SyntaxNode, HashSet<string>> namesByMember = new();
        private readonly INamedTypeSymbol? cacheExtensions;
        private readonly INamedTypeSymbol? entryOptions;

        public Planner(Document document, SemanticModel model, WellKnownSymbols symbols, INamedTypeSymbol type, ClassDeclarationSyntax declaration, CancellationToken cancellationToken)
        {
            this.document = document;
            this.model = model;
            this.symbols = symbols;
            this.type = type;
            this.declaration = declaration;
            this.cancellationToken = cancellationToken;
            cacheExtensions = symbols.Get("Microsoft.Extensions.Caching.Memory.CacheExtensions");
            entryOptions = symbols.Get("Microsoft.Extensions.Caching.Memory.MemoryCacheEntryOptions");
        }

        public List<TypeSyntax> TypeSyntaxes { get; } = new();

        public List<MemoryCacheUse> Uses { get; } = new();

        public HashSet<MethodDeclarationSyntax> MethodsToMakeAsync { get; } = new();

        public bool Contains(ISymbol symbol) => cacheSymbols.Contains(symbol);

        /// <summary>Fields, properties and constructor parameters of type IMemoryCache; false when one cannot change type.</summary>
        public async Task<bool> CollectDependenciesAsync()
        {
            if (cacheExtensions is null || symbols.Get("System.Text.Json.JsonSerializer") is not { } serializer
                || symbols.Get("Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions") is not { } distributedOptions)
                return false;

            // The names the fix writes must mean the framework types once the usings are added.
            var position = declaration.OpenBraceToken.SpanStart;
            if (!NameIsFree(position, "JsonSerializer", serializer)
                || !NameIsFree(position, "IDistributedCache", symbols.IDistributedCache!)
                || !NameIsFree(position, "DistributedCacheEntryOptions", distributedOptions))
                return false;

            var typeSyntaxes = new HashSet<TypeSyntax>();
            foreach (var member in type.GetMembers())
            {
                if (member.IsImplicitlyDeclared && member is not IMethodSymbol { MethodKind: MethodKind.Constructor })
                    continue;
                switch (member)
                {
                    case IFieldSymbol field when IsMemoryCache(field.Type):
                        if (field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax variables } declarator
                            || (declarator.Initializer is { } fieldInitializer && !IsInjectedValue(fieldInitializer.Value))
                            || !await IsOnlyUsedInTypeAsync(field).ConfigureAwait(false))
                            return false;
                        cacheSymbols.Add(field);
                        typeSyntaxes.Add(variables.Type);
                        break;
                    case IPropertySymbol property when IsMemoryCache(property.Type):
                        if (property.IsVirtual || property.IsOverride || property.IsAbstract || !property.ExplicitInterfaceImplementations.IsEmpty
                            || property.IsIndexer
                            || property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not PropertyDeclarationSyntax propertySyntax
                            || (propertySyntax.Initializer is { } propertyInitializer && !IsInjectedValue(propertyInitializer.Value))
                            || !await IsOnlyUsedInTypeAsync(property).ConfigureAwait(false))
                            return false;
                        cacheSymbols.Add(property);
                        typeSyntaxes.Add(propertySyntax.Type);
                        break;
                    case IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false } constructor:
                        var hasCacheParameter = false;
                        foreach (var parameter in constructor.Parameters)
                        {
                            if (!IsMemoryCache(parameter.Type))
                                continue;
                            if (parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not ParameterSyntax { Type: { } parameterType })
                                return false;
                            hasCacheParameter = true;
                            cacheSymbols.Add(parameter);
                            typeSyntaxes.Add(parameterType);
                        }

                        // Code that calls the constructor with an IMemoryCache would stop compiling; DI-created types have no callers.
                        if (hasCacheParameter)
                        {
                            var callers = await SymbolFinder.FindReferencesAsync(constructor, document.Project.Solution, cancellationToken).ConfigureAwait(false);
                            if (callers.Any(c => c.Locations.Any()))
                                return false;
                        }
                        break;
                }
            }

            foreach (var syntax in typeSyntaxes)
                TypeSyntaxes.Add(syntax is NullableTypeSyntax nullable ? nullable.ElementType : syntax);
            return cacheSymbols.Count > 0;
        }

        /// <summary>Classifies every reference to a cache symbol in the class; false at the first one the fix cannot rewrite.</summary>
        public bool CollectUses()
        {
            var names = new HashSet<string>(cacheSymbols.Select(s => s.Name), System.StringComparer.Ordinal);
            foreach (var identifier in declaration.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (!names.Contains(identifier.Identifier.ValueText))
                    continue;
                var info = model.GetSymbolInfo(identifier, cancellationToken);
                if (info.Symbol is null)
                {
                    if (info.CandidateSymbols.Any(cacheSymbols.Contains))
                        return false;
                    continue;
                }
                if (!cacheSymbols.Contains(info.Symbol))
                    continue;
                references.Add(identifier);
                if (!Classify(identifier))
                    return false;
            }

            // A use nested in another one (a cache call inside a key or a factory) is not rewritten.
            foreach (var use in Uses)
            {
                var span = use.Kind switch
                {
                    MemoryCacheUseKind.TryGetIf => use.IfStatement!.Condition.Span,
                    MemoryCacheUseKind.GetOrCreate => use.Statement!.Span,
                    _ => use.Invocation.Span,
                };
                if (references.Count(r => span.Contains(r.Span)) != 1)
                    return false;
            }
            return true;
        }

        private bool Classify(IdentifierNameSyntax identifier)
        {
            ExpressionSyntax use = identifier;
            if (identifier.Parent is MemberAccessExpressionSyntax qualified && qualified.Name == identifier)
                use = qualified;

            switch (use.Parent)
            {
                case MemberAccessExpressionSyntax call when call.Expression == use && call.Parent is InvocationExpressionSyntax invocation && invocation.Expression == call:
                    return ClassifyCall(invocation, use);
                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                    // _cache = cache; both sides change type together.
                    return assignment.Left == use ? IsCacheValue(assignment.Right) : IsCacheMember(assignment.Left);
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression, Right: ThrowExpressionSyntax } coalesce when coalesce.Left == use:
                    return coalesce.Parent is AssignmentExpressionSyntax { Left: var target } && IsCacheMember(target)
                        || IsCacheMemberInitializer(coalesce.Parent);
                case EqualsValueClauseSyntax:
                    return IsCacheMemberInitializer(use.Parent);
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }:
                    // nameof(cache) and ArgumentNullException.ThrowIfNull(cache) accept any type.
                    return call.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" }
                        || model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol { Name: "ThrowIfNull", ContainingType.Name: "ArgumentNullException" };
                default:
                    return false;
            }
        }

        /// <summary>A member initializer that passes a primary-constructor parameter on (<c>= cache</c>), not one that creates a cache.</summary>
        private bool IsInjectedValue(ExpressionSyntax expression)
        {
            if (expression is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression, Right: ThrowExpressionSyntax } coalesce)
                expression = coalesce.Left;
            return model.GetSymbolInfo(expression, cancellationToken).Symbol is IParameterSymbol parameter && IsMemoryCache(parameter.Type)
                && parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, type);
        }

        private bool IsCacheValue(ExpressionSyntax expression)
        {
            if (expression is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression, Right: ThrowExpressionSyntax } coalesce)
                expression = coalesce.Left;
            return expression is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }
                && model.GetSymbolInfo(expression, cancellationToken).Symbol is { } symbol && cacheSymbols.Contains(symbol);
        }

        private bool IsCacheMember(ExpressionSyntax expression) =>
            model.GetSymbolInfo(expression, cancellationToken).Symbol is IFieldSymbol or IPropertySymbol && IsCacheValue(expression);

        private bool IsCacheMemberInitializer(SyntaxNode? node) => node is EqualsValueClauseSyntax clause && clause.Parent switch
        {
            VariableDeclaratorSyntax declarator => model.GetDeclaredSymbol(declarator, cancellationToken) is { } field && cacheSymbols.Contains(field),
            PropertyDeclarationSyntax property => model.GetDeclaredSymbol(property, cancellationToken) is { } member && cacheSymbols.Contains(member),
            _ => false,
        };

        private bool ClassifyCall(InvocationExpressionSyntax invocation, ExpressionSyntax receiver)
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
                return false;
            // Code that does not parse or bind is not rewritten: an item type that does not bind would be written as
            // 'Deserialize<?>', and a factory cut short would lose its result.
            if (invocation.ContainsDiagnostics || method.TypeArguments.Any(ContainsErrorType))
                return false;
            var arguments = invocation.ArgumentList.Arguments;
            if (arguments.Count == 0 || arguments.Any(a => a.NameColon is not null))
                return false;
            var key = arguments[0].Expression;
            if (model.GetTypeInfo(key, cancellationToken).Type?.SpecialType != SpecialType.System_String)
                return false; // object keys: only strings map to IDistributedCache keys

            var function = FindEnclosingFunction(invocation);
            if (function is null || !CanAwaitIn(function))
                return false;

            var original = method.ReducedFrom ?? method;
            var isExtension = original.ContainingType.Is(cacheExtensions) && method.IsGenericMethod;
            var isInstance = method.ContainingType.Is(symbols.IMemoryCache);
            var use = (method.Name, isExtension, isInstance) switch
            {
                ("Get", true, _) when arguments.Count == 1 => ForGet(invocation, receiver, key, method),
                ("TryGetValue", true, _) when arguments.Count == 2 => ForTryGetValue(invocation, receiver, key, method),
                ("Set", true, _) when arguments.Count is 2 or 3 => ForSet(invocation, receiver, key, method, function),
                ("Remove", _, true) when arguments.Count == 1 && IsStatementPosition(invocation, function) =>
                    new MemoryCacheUse(MemoryCacheUseKind.Remove, invocation, receiver, key),
                ("GetOrCreateAsync", true, _) when arguments.Count == 2 => ForGetOrCreate(invocation, receiver, key, method, function),
                _ => null,
            };
            if (use is null)
                return false;
            use.CancellationToken = FindCancellationToken(invocation);
            Uses.Add(use);
            return true;
        }

        private MemoryCacheUse ForGet(InvocationExpressionSyntax invocation, ExpressionSyntax receiver, ExpressionSyntax key, IMethodSymbol method) =>
            new(MemoryCacheUseKind.Get, invocation, receiver, key)
            {
                ItemType = Display(method.TypeArguments[0], stripNullable: true, invocation.SpanStart),
                JsonName = UniqueName(invocation, "json"),
            };

        private MemoryCacheUse? ForTryGetValue(InvocationExpressionSyntax invocation, ExpressionSyntax receiver, ExpressionSyntax key, IMethodSymbol method)
        {
            var outArgument = invocation.ArgumentList.Arguments[1];
            if (!outArgument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword))
                return null;
            var itemType = Display(method.TypeArguments[0], stripNullable: true, invocation.SpanStart);
            if (outArgument.Expression is DeclarationExpressionSyntax { Designation: DiscardDesignationSyntax }
                || model.GetSymbolInfo(outArgument.Expression, cancellationToken).Symbol is IDiscardSymbol)
                return new MemoryCacheUse(MemoryCacheUseKind.TryGetDiscard, invocation, receiver, key) { ItemType = itemType };

            // if ([!]cache.TryGetValue(key, out T value)): the lookup and the value move before the if.
            SyntaxNode condition = invocation;
            var negated = false;
            while (true)
            {
                if (condition.Parent is ParenthesizedExpressionSyntax parenthesized)
                    condition = parenthesized;
                else if (condition.Parent is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not)
                {
                    condition = not;
                    negated = !negated;
                }
                else
                    break;
            }
            if (condition.Parent is not IfStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } ifStatement || ifStatement.Condition != condition)
                return null;

            TypeSyntax? declaredType = null;
            string name;
            switch (outArgument.Expression)
            {
                case DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax variable } declared:
                    declaredType = declared.Type;
                    name = variable.Identifier.Text;
                    break;
                case IdentifierNameSyntax existing when model.GetSymbolInfo(existing, cancellationToken).Symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol:
                    name = existing.Identifier.Text;
                    break;
                default:
                    return null;
            }
            return new MemoryCacheUse(MemoryCacheUseKind.TryGetIf, invocation, receiver, key)
            {
                ItemType = itemType,
                IfStatement = ifStatement,
                Negated = negated,
                OutDeclaredType = declaredType,
                OutName = name,
                JsonName = UniqueName(invocation, name.TrimStart('@', '_') + "Json"),
            };
        }

        private MemoryCacheUse? ForSet(InvocationExpressionSyntax invocation, ExpressionSyntax receiver, ExpressionSyntax key, IMethodSymbol method, SyntaxNode function)
        {
            if (!IsStatementPosition(invocation, function))
                return null;
            var arguments = invocation.ArgumentList.Arguments;
            var itemType = method.TypeArguments[0];
            var value = arguments[1].Expression;
            var use = new MemoryCacheUse(MemoryCacheUseKind.Set, invocation, receiver, key) { Value = value };
            var valueType = model.GetTypeInfo(value, cancellationToken).Type;
            if (valueType is null || !SymbolEqualityComparer.Default.Equals(valueType, itemType))
                use.SerializeTypeArgument = Display(itemType, stripNullable: false, invocation.SpanStart);
            if (arguments.Count == 3)
            {
                var expiration = arguments[2].Expression;
                var parameterType = method.Parameters[2].Type;
                var parameterTypeName = parameterType.ToDisplayString();
                if (parameterTypeName == "System.TimeSpan")
                    use.Expiration.RelativeToNow = expiration;
                else if (parameterTypeName == "System.DateTimeOffset")
                    use.Expiration.Absolute = expiration;
                else if (parameterType.Is(entryOptions) && ConvertOptions(expiration) is { } converted)
                    use.Expiration.OptionsCreation = converted;
                else
                    return null; // change tokens and options built elsewhere have no distributed equivalent here
            }
            return use;
        }

        private MemoryCacheUse? ForGetOrCreate(InvocationExpressionSyntax invocation, ExpressionSyntax receiver, ExpressionSyntax key, IMethodSymbol method, SyntaxNode function)
        {
            if (invocation.Parent is not AwaitExpressionSyntax awaited
                || invocation.ArgumentList.Arguments[1].Expression is not LambdaExpressionSyntax factory)
                return null;
            var use = new MemoryCacheUse(MemoryCacheUseKind.GetOrCreate, invocation, receiver, key)
            {
                ItemType = Display(method.TypeArguments[0], stripNullable: true, invocation.SpanStart),
            };

            switch (awaited.Parent)
            {
                case ReturnStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } returnStatement:
                    use.Target = GetOrCreateTarget.Return;
                    use.Statement = returnStatement;
                    break;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1 } variables } declarator }
                    when variables.Parent is LocalDeclarationStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax, Modifiers.Count: 0, UsingKeyword.RawKind: 0, AwaitKeyword.RawKind: 0 } local:
                    use.Target = GetOrCreateTarget.Declaration;
                    use.Statement = local;
                    use.TargetName = declarator.Identifier.Text;
                    use.TargetType = variables.Type.IsVar
                        ? model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol localSymbol ? Display(localSymbol.Type, stripNullable: false, local.SpanStart) : null
                        : variables.Type.ToString();
                    if (use.TargetType is null)
                        return null;
                    break;
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax target, Parent: ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement } assignment
                    when assignment.Right == awaited && model.GetSymbolInfo(target, cancellationToken).Symbol is ILocalSymbol or IParameterSymbol:
                    use.Target = GetOrCreateTarget.Assignment;
                    use.Statement = statement;
                    use.TargetName = target.Identifier.Text;
                    break;
                case ArrowExpressionClauseSyntax arrow when arrow.Parent == function
                    && model.GetDeclaredSymbol(function, cancellationToken) is IMethodSymbol { ReturnType: INamedTypeSymbol { IsGenericType: true } }:
                    use.Target = GetOrCreateTarget.ArrowBody;
                    use.Statement = arrow;
                    break;
                default:
                    return null;
            }

            if (!AnalyzeFactory(factory, use, function))
                return null;
            if (!IsSimpleKey(key))
                use.KeyName = UniqueName(invocation, "cacheKey");
            use.JsonName = UniqueName(invocation, use.TargetName is { } targetName ? targetName.TrimStart('@', '_') + "Json" : "json");
            if (use.Target is GetOrCreateTarget.Return or GetOrCreateTarget.ArrowBody && !use.FactoryResultIsLocal)
            {
                use.ValueName = UniqueName(invocation, "value");
                var resultType = model.GetTypeInfo(use.FactoryResult!, cancellationToken).Type;
                if (!use.AwaitFactoryResult && (resultType is null || !SymbolEqualityComparer.Default.Equals(resultType, method.TypeArguments[0])))
                    use.ValueType = Display(method.TypeArguments[0], stripNullable: false, invocation.SpanStart);
            }
            return use;
        }

        /// <summary>
        /// The factory inlines when its body is <c>entry.X = ...;</c> expiration assignments, other statements, and one final
        /// <c>return value;</c>, and uses <c>entry</c> for nothing else.
        /// </summary>
        private bool AnalyzeFactory(LambdaExpressionSyntax factory, MemoryCacheUse use, SyntaxNode function)
        {
            var entry = factory switch
            {
                SimpleLambdaExpressionSyntax simple => simple.Parameter,
                ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0],
                _ => null,
            };
            if (entry is null || model.GetDeclaredSymbol(entry, cancellationToken) is not { } entrySymbol)
                return false;
            use.AwaitFactoryResult = !factory.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);

            var allowedEntryUses = new HashSet<SyntaxNode>();
            if (factory.ExpressionBody is { } expression)
            {
                use.FactoryResult = expression;
            }
            else if (factory.Block is { Statements: { Count: > 0 } statements })
            {
                if (statements.Last() is not ReturnStatementSyntax { Expression: { } result })
                    return false;
                use.FactoryResult = result;
                for (var i = 0; i < statements.Count - 1; i++)
                {
                    if (statements[i] is ExpressionStatementSyntax
                        {
                            Expression: AssignmentExpressionSyntax
                            {
                                RawKind: (int)SyntaxKind.SimpleAssignmentExpression,
                                Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name.Identifier.ValueText: var property },
                            } assignment,
                        }
                        && ExpirationProperties.Contains(property)
                        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(target, cancellationToken).Symbol, entrySymbol))
                    {
                        use.Expiration.EntryAssignments.Add((property, assignment.Right));
                        allowedEntryUses.Add(target);
                    }
                    else
                    {
                        use.FactoryStatements.Add(statements[i]);
                    }
                }

                // One return, the last statement: anything else would leave the factory early.
                if (factory.Block.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
                    .OfType<ReturnStatementSyntax>().Count() != 1)
                    return false;
            }
            else
            {
                return false;
            }

            var body = (SyntaxNode?)factory.ExpressionBody ?? factory.Block!;
            foreach (var identifier in body.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText == entrySymbol.Name && !allowedEntryUses.Contains(identifier)
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, entrySymbol))
                    return false;
            }
            if (body.DescendantNodes().OfType<YieldStatementSyntax>().Any())
                return false;

            // The factory's locals move into the method: their names must not clash with the method's.
            var member = GetMember(function);
            var outside = new HashSet<string>(
                member.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken) && !factory.Span.Contains(t.Span)).Select(t => t.ValueText),
                System.StringComparer.Ordinal);
            foreach (var token in body.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is VariableDeclaratorSyntax or SingleVariableDesignationSyntax
                    or LocalFunctionStatementSyntax or ForEachStatementSyntax or CatchDeclarationSyntax or ParameterSyntax
                    && outside.Contains(token.ValueText))
                    return false;
            }

            use.FactoryResultIsLocal = !use.AwaitFactoryResult && use.FactoryResult is IdentifierNameSyntax
                && model.GetSymbolInfo(use.FactoryResult, cancellationToken).Symbol is ILocalSymbol local
                && local.DeclaringSyntaxReferences.Any(r => factory.Span.Contains(r.Span));
            return true;
        }

        /// <summary>A <c>new MemoryCacheEntryOptions { ...expirations }</c> (or with <c>SetAbsoluteExpiration</c>/<c>SetSlidingExpiration</c> calls) as a <c>DistributedCacheEntryOptions</c> creation.</summary>
        private ExpressionSyntax? ConvertOptions(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetAbsoluteExpiration" or "SetSlidingExpiration" } access,
                    ArgumentList.Arguments.Count: 1,
                } call:
                    return ConvertOptions(access.Expression) is { } receiver ? call.WithExpression(access.WithExpression(receiver)) : null;
                case BaseObjectCreationExpressionSyntax creation when model.GetTypeInfo(creation, cancellationToken).Type.Is(entryOptions)
                    && (creation.ArgumentList is null || creation.ArgumentList.Arguments.Count == 0):
                    if (creation.Initializer is { } initializer && !initializer.Expressions.All(e =>
                        e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: var property } } && ExpirationProperties.Contains(property)))
                        return null;
                    var typeName = SyntaxFactory.IdentifierName("DistributedCacheEntryOptions");
                    return creation switch
                    {
                        ObjectCreationExpressionSyntax explicitCreation => explicitCreation.WithType(typeName.WithTriviaFrom(explicitCreation.Type)),
                        _ => SyntaxFactory.ObjectCreationExpression(
                                creation.NewKeyword.WithTrailingTrivia(SyntaxFactory.Space),
                                typeName,
                                creation.Initializer is null ? creation.ArgumentList : null,
                                creation.Initializer is null ? null : creation.Initializer.WithLeadingTrivia(SyntaxFactory.Space))
                            .WithTriviaFrom(creation),
                    };
                default:
                    return null;
            }
        }

        /// <summary>The method, local function or lambda a node runs in; null when an await could not go there.</summary>
        private static SyntaxNode? FindEnclosingFunction(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case LockStatementSyntax or QueryExpressionSyntax or UnsafeStatementSyntax:
                        return null;
                    case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax
                        or PropertyDeclarationSyntax or IndexerDeclarationSyntax or FieldDeclarationSyntax or EventDeclarationSyntax:
                        return current;
                    case TypeDeclarationSyntax:
                        return null;
                }
            }
            return null;
        }

        /// <summary>
        /// An <c>async</c> method or local function that returns a task (not <c>async void</c>, not a lambda), or an action
        /// method that <see cref="AsyncConversion.CanMakeAsync(IMethodSymbol, WellKnownSymbols)"/> turns into one.
        /// </summary>
        private bool CanAwaitIn(SyntaxNode function)
        {
            if (function is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax) || model.GetDeclaredSymbol(function, cancellationToken) is not IMethodSymbol method)
                return false;
            if (AsyncConversion.IsAsync(method))
                return true;
            if (function is MethodDeclarationSyntax declaration && AsyncConversion.CanMakeAsync(method, symbols))
            {
                MethodsToMakeAsync.Add(declaration);
                return true;
            }
            return false;
        }

        /// <summary>A call whose result is discarded: an expression statement, or the body of a method that returns nothing or a plain task.</summary>
        private bool IsStatementPosition(InvocationExpressionSyntax invocation, SyntaxNode function) => invocation.Parent switch
        {
            ExpressionStatementSyntax => true,
            ArrowExpressionClauseSyntax arrow => arrow.Parent == function
                && model.GetDeclaredSymbol(function, cancellationToken) is IMethodSymbol method
                && (method.ReturnsVoid || (AsyncConversion.IsTaskLike(method.ReturnType) && method.ReturnType is INamedTypeSymbol { IsGenericType: false })),
            _ => false,
        };

        /// <summary>A key evaluated twice (lookup and store) must have no side effects; otherwise it goes to a local.</summary>
        private static bool IsSimpleKey(ExpressionSyntax key) => key.DescendantNodesAndSelf().All(n => n is IdentifierNameSyntax or MemberAccessExpressionSyntax
            or LiteralExpressionSyntax or InterpolatedStringExpressionSyntax or InterpolationSyntax or InterpolatedStringTextSyntax
            or InterpolationFormatClauseSyntax or InterpolationAlignmentClauseSyntax or ThisExpressionSyntax or ParenthesizedExpressionSyntax
            or PredefinedTypeSyntax or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression });

        /// <summary>A CancellationToken (or HttpContext) parameter in scope; else the request's token of a controller or page, a hub's connection token.</summary>
        private string? FindCancellationToken(SyntaxNode node)
        {
            if (CancellationTokens.FindInScope(model, node, cancellationToken) is { } inScope)
                return inScope.ToString();
            for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                if (baseType.Is(symbols.ControllerBase) || baseType.Is(symbols.PageModel))
                    return "HttpContext.RequestAborted";
                if (baseType.Is(symbols.Hub))
                    return "Context.ConnectionAborted";
            }
            return null;
        }

        private static bool ContainsErrorType(ITypeSymbol type) => type switch
        {
            IErrorTypeSymbol => true,
            IArrayTypeSymbol array => ContainsErrorType(array.ElementType),
            IPointerTypeSymbol pointer => ContainsErrorType(pointer.PointedAtType),
            INamedTypeSymbol named => named.TypeArguments.Any(ContainsErrorType),
            _ => false,
        };

        private string Display(ITypeSymbol typeSymbol, bool stripNullable, int position)
        {
            if (stripNullable && typeSymbol.IsReferenceType)
                typeSymbol = typeSymbol.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
            return typeSymbol.ToMinimalDisplayString(model, position, TypeFormat);
        }

        /// <summary>A local name not written anywhere in the member yet (so it shadows and hides nothing).</summary>
        private string UniqueName(SyntaxNode node, string baseName)
        {
            if (baseName.Length == 0 || baseName == "Json")
                baseName = "json";
            baseName = char.ToLowerInvariant(baseName[0]) + baseName.Substring(1);
            var member = GetMember(node);
            if (!namesByMember.TryGetValue(member, out var taken))
            {
                taken = new HashSet<string>(
                    member.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText), System.StringComparer.Ordinal);
                namesByMember.Add(member, taken);
            }
            var name = baseName;
            for (var i = 2; taken.Contains(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None; i++)
                name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            taken.Add(name);
            return name;
        }

        private static SyntaxNode GetMember(SyntaxNode node)
        {
            var current = node;
            while (current.Parent is not null and not TypeDeclarationSyntax)
                current = current.Parent;
            return current;
        }

        private bool NameIsFree(int position, string name, INamedTypeSymbol expected) =>
            model.LookupSymbols(position, name: name).All(s => SymbolEqualityComparer.Default.Equals(s, expected));

        private bool IsMemoryCache(ITypeSymbol typeSymbol) => SymbolEqualityComparer.Default.Equals(typeSymbol, symbols.IMemoryCache);

        private async Task<bool> IsOnlyUsedInTypeAsync(ISymbol member)
        {
            if (MemberFacts.IsEffectivelyPrivate(member))
                return true;
            var found = await SymbolFinder.FindReferencesAsync(member, document.Project.Solution, cancellationToken).ConfigureAwait(false);
            return found.SelectMany(r => r.Locations).All(l => l.Document.Id == document.Id && declaration.Span.Contains(l.Location.SourceSpan));
        }
    }
}
