using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using StatelessAnalyzers.CodeFixes.Common;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.CodeFixes.Rules.Memory;

/// <summary>
/// The analysis and rewrite behind <see cref="SL1001StoreInDistributedCacheCodeFix"/>: decides whether static
/// dictionary fields of one type can move to <c>IDistributedCache</c>, and produces the rewritten document.
/// </summary>
internal static class CacheFieldRewriter
{
    private const string KeyPlaceholder = "__sl_key";
    private const string ValuePlaceholder = "__sl_value";
    private const string UpdatePlaceholder = "__sl_update";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.MinimallyQualifiedFormat
        .RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private enum UseKind
    {
        IndexerGet,
        IndexerSet,
        TryGetValueCondition,
        TryGetValueStatement,
        ContainsKey,
        Remove,
        TryAdd,
        GetOrAddValue,
        GetOrAddFactory,
        AddOrUpdateValue,
        AddOrUpdateFactory,
    }

    /// <summary>
    /// The fixed document when every field (all of one type, declared in <paramref name="document"/>) can be moved
    /// and the result adds no compiler error to the document; otherwise null.
    /// </summary>
    public static async Task<Document?> TryFixAsync(Document document, IReadOnlyList<ISymbol> fields, CancellationToken cancellationToken)
    {
        if (fields.Count == 0)
            return null;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) as CompilationUnitSyntax;
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
            return null;

        var symbols = WellKnownSymbols.Get(model.Compilation);
        var cacheType = symbols.Get(DistributedCacheInjection.CacheMetadataName);
        var dictionaryType = symbols.Get("System.Collections.Generic.IDictionary`2");
        var guidType = symbols.Get("System.Guid");
        if (cacheType is null || dictionaryType is null || symbols.Get("System.Text.Json.JsonSerializer") is null)
            return null;

        var type = fields[0].ContainingType;
        var rules = symbols.GetContext(document.Project.AnalyzerOptions, root.SyntaxTree);
        var solution = document.Project.Solution;
        var plans = new List<FieldPlan>();
        var helperNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (!SymbolEqualityComparer.Default.Equals(field.ContainingType, type))
                return null;
            var plan = await AnalyzeFieldAsync(document, root, model, field, dictionaryType, guidType, cancellationToken).ConfigureAwait(false);
            if (plan is null || !helperNames.Add(plan.Prefix) || HasMember(type, plan.HelperNames()))
                return null;
            plans.Add(plan);
        }

        var typeDeclaration = plans[0].TypeDeclaration;
        if (plans.Any(p => p.TypeDeclaration != typeDeclaration))
            return null;

        // Every method that awaits must be async already, or an action method that can become async.
        var methodsToConvert = new HashSet<MethodDeclarationSyntax>();
        foreach (var use in plans.SelectMany(p => p.Uses))
        {
            if (model.GetDeclaredSymbol(use.Method, cancellationToken) is not IMethodSymbol method)
                return null;
            if (AsyncConversion.IsAsync(method))
                continue;
            if (methodsToConvert.Contains(use.Method))
                continue;
            if (!AsyncConversion.CanMakeAsync(method, rules.Handlers)
                || await AsyncConversion.HasReferencesAsync(method, solution, cancellationToken).ConfigureAwait(false))
                return null;
            methodsToConvert.Add(use.Method);
        }

        var injection = DistributedCacheInjection.TryPlan(typeDeclaration, type, cacheType, fields, cancellationToken);
        if (injection is null
            || (injection.EditedTree is { } edited && edited != root.SyntaxTree)
            || !await DistributedCacheInjection.IsConstructorChangeSafeAsync(injection, type, solution, cancellationToken).ConfigureAwait(false))
            return null;

        var newRoot = await RewriteAsync(document, root, plans, methodsToConvert, injection, cancellationToken).ConfigureAwait(false);
        var newDocument = document.WithSyntaxRoot(newRoot);
        return await AddsErrorsAsync(model, newDocument, cancellationToken).ConfigureAwait(false) ? null : newDocument;
    }

    private static async Task<CompilationUnitSyntax> RewriteAsync(
        Document document,
        CompilationUnitSyntax root,
        List<FieldPlan> plans,
        HashSet<MethodDeclarationSyntax> methodsToConvert,
        DistributedCacheInjectionPlan injection,
        CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var endOfLine = UsingDirectives.DetectEndOfLine(root);

        // Inner uses first, so that a use inside another one's arguments is rewritten before its container.
        var uses = plans.SelectMany(p => p.Uses.Select(u => (Plan: p, Use: u)))
            .OrderByDescending(x => x.Use.Node.SpanStart)
            .ThenBy(x => x.Use.Node.Span.Length)
            .ToList();
        foreach (var (plan, use) in uses)
            editor.ReplaceNode(use.Node, (current, _) => RewriteUse(plan, use, current));

        foreach (var method in methodsToConvert)
            editor.ReplaceNode(method, (current, _) => AsyncConversion.MakeAsync((MethodDeclarationSyntax)current));

        var removed = new SyntaxAnnotation();
        foreach (var plan in plans)
            editor.ReplaceNode(plan.Declaration, (current, _) => current.WithAdditionalAnnotations(removed));

        var cache = injection.CreateAccessExpression().ToString();
        editor.ReplaceNode(plans[0].TypeDeclaration, (current, _) =>
        {
            var type = (TypeDeclarationSyntax)current;
            while (type.Members.FirstOrDefault(m => m.HasAnnotation(removed)) is { } member)
                type = MemberLayout.Remove(type, member);
            foreach (var plan in plans)
            {
                foreach (var helper in plan.CreateHelpers(cache, endOfLine))
                    type = MemberLayout.Insert(type, type.Members.Count, helper, endOfLine);
            }
            return injection.Declaration is not null ? DependencyInjection.ApplyTo(injection, type, endOfLine) : type;
        });

        var namespaces = new List<string> { DistributedCacheInjection.CacheNamespace, "System.Text.Json", "System.Threading", AsyncConversion.TasksNamespace };
        if (plans.Any(p => p.UsesFunc))
            namespaces.Add("System");
        if (plans.Any(p => p.KeyIsInt))
            namespaces.Add("System.Globalization");
        return UsingDirectives.Add((CompilationUnitSyntax)editor.GetChangedRoot(), namespaces.ToArray());
    }

    private static async Task<bool> AddsErrorsAsync(SemanticModel before, Document after, CancellationToken cancellationToken)
    {
        var model = await after.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
            return true;
        var old = before.GetDiagnostics(cancellationToken: cancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Id + d.GetMessage(CultureInfo.InvariantCulture))
            .ToList();
        foreach (var error in model.GetDiagnostics(cancellationToken: cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            if (!old.Remove(error.Id + error.GetMessage(CultureInfo.InvariantCulture)))
                return true;
        }
        return false;
    }

    private static bool HasMember(INamedTypeSymbol type, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (!current.GetMembers(name).IsEmpty)
                    return true;
            }
        }
        return false;
    }

    private static async Task<FieldPlan?> AnalyzeFieldAsync(
        Document document,
        CompilationUnitSyntax root,
        SemanticModel model,
        ISymbol field,
        INamedTypeSymbol dictionaryType,
        INamedTypeSymbol? guidType,
        CancellationToken cancellationToken)
    {
        // The declaration: a static field alone in its declaration, or a static auto-property, empty when created.
        if (!field.IsStatic || field.DeclaringSyntaxReferences.Length != 1 || !field.GetAttributes().IsEmpty)
            return null;
        var syntax = field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (syntax.SyntaxTree != root.SyntaxTree)
            return null;
        MemberDeclarationSyntax declaration;
        EqualsValueClauseSyntax? initializer;
        ITypeSymbol memberType;
        switch (field)
        {
            case IFieldSymbol { IsConst: false } f when syntax is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax fieldDeclaration } } declarator:
                declaration = fieldDeclaration;
                initializer = declarator.Initializer;
                memberType = f.Type;
                break;
            case IPropertySymbol { IsIndexer: false } p when syntax is PropertyDeclarationSyntax { AccessorList: { } accessors } property
                && accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null):
                declaration = property;
                initializer = property.Initializer;
                memberType = p.Type;
                break;
            default:
                return null;
        }
        if (initializer is not null && !IsEmptyCreation(initializer.Value))
            return null; // seeded entries or a custom comparer would be lost
        if (declaration.Parent is not TypeDeclarationSyntax typeDeclaration)
            return null;

        if (GetDictionaryArguments(memberType, dictionaryType) is not var (keyType, valueType))
            return null;
        var keyIsInt = keyType.SpecialType == SpecialType.System_Int32;
        if (keyType.SpecialType != SpecialType.System_String && !keyIsInt && !keyType.Is(guidType))
            return null;
        if (!IsSerializable(valueType))
            return null;

        var plan = new FieldPlan(field, declaration, typeDeclaration, keyType, valueType, keyIsInt, model, declaration.SpanStart);
        var references = await SymbolFinder.FindReferencesAsync(field, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        foreach (var location in references.SelectMany(r => r.Locations))
        {
            if (location.Document.Id != document.Id)
                return null;
            var node = root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
            var use = ClassifyUse(model, node, field, cancellationToken);
            if (use is null)
                return null;
            if (model.GetDeclaredSymbol(use.Method, cancellationToken) is not IMethodSymbol { IsStatic: false } method
                || !SymbolEqualityComparer.Default.Equals(method.ContainingType, field.ContainingType))
                return null;
            use.CancellationToken = CancellationTokens.FindInScope(model, use.Node, cancellationToken)?.ToString();
            plan.Uses.Add(use);
        }
        return plan;
    }

    private static bool IsEmptyCreation(ExpressionSyntax value) => value switch
    {
        ImplicitObjectCreationExpressionSyntax creation => creation.ArgumentList.Arguments.Count == 0 && creation.Initializer is null,
        ObjectCreationExpressionSyntax creation => (creation.ArgumentList?.Arguments.Count ?? 0) == 0 && creation.Initializer is null,
        CollectionExpressionSyntax collection => collection.Elements.Count == 0,
        _ => false,
    };

    private static (ITypeSymbol Key, ITypeSymbol Value)? GetDictionaryArguments(ITypeSymbol type, INamedTypeSymbol dictionaryType)
    {
        if (type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, dictionaryType))
            return (named.TypeArguments[0], named.TypeArguments[1]);
        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, dictionaryType))
                return (implemented.TypeArguments[0], implemented.TypeArguments[1]);
        }
        return null;
    }

    /// <summary>
    /// Values System.Text.Json can round-trip without configuration: not delegates, pointers, type parameters,
    /// <c>Nullable&lt;T&gt;</c> (a missing entry and a null entry would look alike), <c>object</c> (it comes back as a
    /// <c>JsonElement</c>), abstract classes, or interfaces other than the collection interfaces.
    /// </summary>
    private static bool IsSerializable(ITypeSymbol type)
    {
        if (type.TypeKind is TypeKind.Error or TypeKind.Delegate or TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.TypeParameter or TypeKind.Dynamic
            || type.IsRefLikeType || type.SpecialType == SpecialType.System_Object
            || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
            || (type.TypeKind == TypeKind.Class && type.IsAbstract))
            return false;
        return type.TypeKind != TypeKind.Interface
            || type.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic";
    }

    private static Use? ClassifyUse(SemanticModel model, SyntaxNode node, ISymbol field, CancellationToken cancellationToken)
    {
        if (node is not IdentifierNameSyntax name)
            return null;
        ExpressionSyntax fieldExpression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name
            && access.IsKind(SyntaxKind.SimpleMemberAccessExpression) ? access : name;

        Use? use = null;
        switch (fieldExpression.Parent)
        {
            case ElementAccessExpressionSyntax element when element.Expression == fieldExpression
                && element.ArgumentList.Arguments.Count == 1
                && element.ArgumentList.Arguments[0] is { NameColon: null, RefKindKeyword.RawKind: 0 }:
                use = ClassifyElementAccess(element);
                break;
            case MemberAccessExpressionSyntax member when member.Expression == fieldExpression
                && member.IsKind(SyntaxKind.SimpleMemberAccessExpression)
                && member.Parent is InvocationExpressionSyntax invocation && invocation.Expression == member:
                use = ClassifyInvocation(model, invocation, cancellationToken);
                break;
        }
        if (use is null)
            return null;

        // The use must run in the method's own body, where an await can go.
        foreach (var ancestor in use.Node.Ancestors())
        {
            switch (ancestor)
            {
                case MethodDeclarationSyntax method:
                    use.Method = method;
                    return use;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or LockStatementSyntax or QueryExpressionSyntax
                    or CatchFilterClauseSyntax or UnsafeStatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }
        return null;
    }

    private static Use? ClassifyElementAccess(ElementAccessExpressionSyntax element)
    {
        switch (element.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == element:
                return assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && IsStatementLike(assignment)
                    ? new Use(UseKind.IndexerSet, assignment)
                    : null;
            case PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }
                or RefExpressionSyntax:
                return null;
            case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None):
                return null;
            default:
                return new Use(UseKind.IndexerGet, element);
        }
    }

    private static Use? ClassifyInvocation(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { IsExtensionMethod: false, IsStatic: false } method)
            return null;
        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Any(a => a.NameColon is not null))
            return null;
        var negated = invocation.Parent is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression };
        SyntaxNode conditionNode = negated ? invocation.Parent! : invocation;
        switch (method.Name)
        {
            case "TryGetValue" when arguments.Count == 2 && arguments[1].RefKindKeyword.IsKind(SyntaxKind.OutKeyword):
            {
                var target = arguments[1].Expression;
                string? variable;
                TypeSyntax? declaredType = null;
                if (target is DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax single } declarationExpression)
                {
                    variable = single.Identifier.ValueText;
                    declaredType = declarationExpression.Type;
                    // A typed declaration must name the dictionary's value type exactly, as the pattern infers it.
                    if (!declaredType.IsVar
                        && !SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(declaredType, cancellationToken).Type, method.Parameters[1].Type))
                        return null;
                }
                else if (target is DeclarationExpressionSyntax { Designation: DiscardDesignationSyntax }
                    || (target is IdentifierNameSyntax { Identifier.ValueText: "_" } && model.GetSymbolInfo(target, cancellationToken).Symbol is null))
                {
                    variable = null;
                }
                else
                {
                    return null; // an existing variable: its declared type and earlier value would change
                }

                if (invocation.Parent is ExpressionStatementSyntax statement)
                {
                    return variable is null ? null : new Use(UseKind.TryGetValueStatement, statement) { Variable = variable, DeclaredType = declaredType };
                }
                return new Use(UseKind.TryGetValueCondition, conditionNode) { Variable = variable, Negated = negated };
            }
            case "ContainsKey" when arguments.Count == 1:
                return new Use(UseKind.ContainsKey, conditionNode) { Negated = negated };
            case "Remove" when arguments.Count == 1 && IsStatementLike(invocation):
                return new Use(UseKind.Remove, invocation);
            case "TryAdd" when arguments.Count == 2:
                return new Use(UseKind.TryAdd, invocation);
            case "GetOrAdd" when arguments.Count == 2 && method.Parameters.Length == 2:
                return new Use(method.Parameters[1].Type.TypeKind == TypeKind.Delegate ? UseKind.GetOrAddFactory : UseKind.GetOrAddValue, invocation);
            case "AddOrUpdate" when arguments.Count == 3 && method.Parameters.Length == 3:
                return new Use(method.Parameters[1].Type.TypeKind == TypeKind.Delegate ? UseKind.AddOrUpdateFactory : UseKind.AddOrUpdateValue, invocation);
            default:
                return null;
        }
    }

    /// <summary>
    /// An expression whose value nobody reads: an expression statement, or the expression body of a method that
    /// returns nothing (<c>void</c>, <c>Task</c>, <c>ValueTask</c>).
    /// </summary>
    private static bool IsStatementLike(ExpressionSyntax expression) => expression.Parent switch
    {
        ExpressionStatementSyntax => true,
        ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method } => method.ReturnType switch
        {
            PredefinedTypeSyntax predefined => predefined.Keyword.IsKind(SyntaxKind.VoidKeyword),
            var other => method.Modifiers.Any(SyntaxKind.AsyncKeyword) && other is IdentifierNameSyntax { Identifier.ValueText: "Task" or "ValueTask" },
        },
        _ => false,
    };

    private static SyntaxNode RewriteUse(FieldPlan plan, Use use, SyntaxNode current)
    {
        var ct = use.CancellationToken is null ? string.Empty : ", " + use.CancellationToken;
        var p = plan.Prefix;
        ExpressionSyntax key;
        switch (use.Kind)
        {
            case UseKind.IndexerGet:
            {
                key = ((ElementAccessExpressionSyntax)current).ArgumentList.Arguments[0].Expression;
                var text = plan.ValueIsValueType
                    ? $"((await Get{p}Async({KeyPlaceholder}{ct})).GetValueOrDefault())"
                    : $"(await Get{p}Async({KeyPlaceholder}{ct}))";
                return Build(text, current, key);
            }
            case UseKind.IndexerSet:
            {
                var assignment = (AssignmentExpressionSyntax)current;
                key = ((ElementAccessExpressionSyntax)assignment.Left).ArgumentList.Arguments[0].Expression;
                return Build($"await Set{p}Async({KeyPlaceholder}, {ValuePlaceholder}{ct})", current, key, assignment.Right);
            }
            case UseKind.TryGetValueCondition:
            {
                key = Invocation(current).ArgumentList.Arguments[0].Expression;
                var pattern = use.Variable is null
                    ? (use.Negated ? "null" : "not null")
                    : (use.Negated ? "not { } " : "{ } ") + use.Variable;
                return Build($"(await Get{p}Async({KeyPlaceholder}{ct}) is {pattern})", current, key);
            }
            case UseKind.TryGetValueStatement:
            {
                var statement = (ExpressionStatementSyntax)current;
                key = ((InvocationExpressionSyntax)statement.Expression).ArgumentList.Arguments[0].Expression;
                var declared = use.DeclaredType is null || use.DeclaredType.IsVar ? "var" : use.DeclaredType.ToString();
                var value = plan.ValueIsValueType
                    ? $"(await Get{p}Async({KeyPlaceholder}{ct})).GetValueOrDefault()"
                    : $"await Get{p}Async({KeyPlaceholder}{ct})";
                var parsed = SyntaxFactory.ParseStatement($"{declared} {use.Variable} = {value};");
                parsed = parsed.ReplaceNode(
                    parsed.DescendantNodes().OfType<IdentifierNameSyntax>().First(n => n.Identifier.ValueText == KeyPlaceholder),
                    key.WithoutTrivia());
                parsed = parsed.ReplaceNodes(parsed.DescendantNodes().OfType<ParenthesizedExpressionSyntax>(), (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));
                return parsed.WithTriviaFrom(statement);
            }
            case UseKind.ContainsKey:
            {
                key = Invocation(current).ArgumentList.Arguments[0].Expression;
                return Build($"(await Get{p}Async({KeyPlaceholder}{ct}) is {(use.Negated ? "null" : "not null")})", current, key);
            }
            case UseKind.Remove:
            {
                key = Invocation(current).ArgumentList.Arguments[0].Expression;
                return Build($"await Remove{p}Async({KeyPlaceholder}{ct})", current, key);
            }
            case UseKind.TryAdd:
            case UseKind.GetOrAddValue:
            case UseKind.GetOrAddFactory:
            {
                var arguments = Invocation(current).ArgumentList.Arguments;
                var helper = use.Kind == UseKind.TryAdd ? "TryAdd" : "GetOrAdd";
                return Build($"(await {helper}{p}Async({KeyPlaceholder}, {ValuePlaceholder}{ct}))", current, arguments[0].Expression, arguments[1].Expression);
            }
            case UseKind.AddOrUpdateValue:
            case UseKind.AddOrUpdateFactory:
            {
                var arguments = Invocation(current).ArgumentList.Arguments;
                return Build($"(await AddOrUpdate{p}Async({KeyPlaceholder}, {ValuePlaceholder}, {UpdatePlaceholder}{ct}))", current, arguments[0].Expression, arguments[1].Expression, arguments[2].Expression);
            }
            default:
                return current;
        }
    }

    private static InvocationExpressionSyntax Invocation(SyntaxNode current) =>
        current is PrefixUnaryExpressionSyntax prefix ? (InvocationExpressionSyntax)prefix.Operand : (InvocationExpressionSyntax)current;

    /// <summary>Parses <paramref name="text"/> and puts the user's expressions in place of the placeholders.</summary>
    private static ExpressionSyntax Build(string text, SyntaxNode current, ExpressionSyntax key, ExpressionSyntax? value = null, ExpressionSyntax? update = null)
    {
        var parsed = SyntaxFactory.ParseExpression(text);
        var replacements = new Dictionary<string, ExpressionSyntax>(StringComparer.Ordinal) { [KeyPlaceholder] = key };
        if (value is not null)
            replacements[ValuePlaceholder] = value;
        if (update is not null)
            replacements[UpdatePlaceholder] = update;
        parsed = parsed.ReplaceNodes(
            parsed.DescendantNodes().OfType<IdentifierNameSyntax>().Where(n => replacements.ContainsKey(n.Identifier.ValueText)),
            (original, _) => replacements[original.Identifier.ValueText].WithoutTrivia());
        parsed = parsed.ReplaceNodes(parsed.DescendantNodesAndSelf().OfType<ParenthesizedExpressionSyntax>(), (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));
        return parsed.WithTriviaFrom(current);
    }

    private sealed class Use
    {
        public Use(UseKind kind, SyntaxNode node)
        {
            Kind = kind;
            Node = node;
        }

        public UseKind Kind { get; }

        /// <summary>The node the rewrite replaces.</summary>
        public SyntaxNode Node { get; }

        public MethodDeclarationSyntax Method { get; set; } = null!;

        public bool Negated { get; set; }

        public string? Variable { get; set; }

        public TypeSyntax? DeclaredType { get; set; }

        public string? CancellationToken { get; set; }
    }

    private sealed class FieldPlan
    {
        private readonly string keyType;
        private readonly string valueType;
        private readonly string nullableValueType;

        public FieldPlan(
            ISymbol field, MemberDeclarationSyntax declaration, TypeDeclarationSyntax typeDeclaration, ITypeSymbol key, ITypeSymbol value,
            bool keyIsInt, SemanticModel model, int position)
        {
            Field = field;
            Declaration = declaration;
            TypeDeclaration = typeDeclaration;
            KeyIsInt = keyIsInt;
            ValueIsValueType = value.IsValueType;
            keyType = key.ToMinimalDisplayString(model, position, TypeFormat);
            valueType = value.ToMinimalDisplayString(model, position, TypeFormat);
            nullableValueType = valueType + "?";
            Prefix = ToPrefix(field.Name);
        }

        public ISymbol Field { get; }

        public MemberDeclarationSyntax Declaration { get; }

        public TypeDeclarationSyntax TypeDeclaration { get; }

        public bool KeyIsInt { get; }

        public bool ValueIsValueType { get; }

        /// <summary>The field name without an underscore prefix, capitalised: helper names and cache key prefix.</summary>
        public string Prefix { get; }

        public List<Use> Uses { get; } = new();

        public bool UsesFunc => Uses.Any(u => u.Kind is UseKind.GetOrAddFactory or UseKind.AddOrUpdateValue or UseKind.AddOrUpdateFactory);

        public IEnumerable<string> HelperNames() =>
            new[] { "Get", "Set", "Remove", "TryAdd", "GetOrAdd", "AddOrUpdate" }.Select(verb => verb + Prefix + "Async");

        private bool Needs(params UseKind[] kinds) => Uses.Any(u => kinds.Contains(u.Kind));

        /// <summary>The helpers the uses need, in a fixed order: Get, Set, Remove, TryAdd, GetOrAdd, AddOrUpdate.</summary>
        public IEnumerable<MemberDeclarationSyntax> CreateHelpers(string cache, SyntaxTrivia endOfLine)
        {
            var p = Prefix;
            var cacheKey = KeyIsInt
                ? $"\"{p}:\" + key.ToString(CultureInfo.InvariantCulture)"
                : $"$\"{p}:{{key}}\"";
            const string Ct = "CancellationToken cancellationToken = default";
            var helpers = new List<string>();
            if (Needs(UseKind.IndexerGet, UseKind.TryGetValueCondition, UseKind.TryGetValueStatement, UseKind.ContainsKey, UseKind.TryAdd,
                    UseKind.GetOrAddValue, UseKind.GetOrAddFactory, UseKind.AddOrUpdateValue, UseKind.AddOrUpdateFactory))
            {
                helpers.Add($$"""
                    private async Task<{{nullableValueType}}> Get{{p}}Async({{keyType}} key, {{Ct}})
                    {
                        var json = await {{cache}}.GetStringAsync({{cacheKey}}, cancellationToken);
                        return json is null ? null : JsonSerializer.Deserialize<{{valueType}}>(json);
                    }
                    """);
            }
            if (Needs(UseKind.IndexerSet, UseKind.TryAdd, UseKind.GetOrAddValue, UseKind.GetOrAddFactory, UseKind.AddOrUpdateValue, UseKind.AddOrUpdateFactory))
            {
                helpers.Add($$"""
                    private Task Set{{p}}Async({{keyType}} key, {{valueType}} value, {{Ct}}) =>
                        {{cache}}.SetStringAsync({{cacheKey}}, JsonSerializer.Serialize(value), cancellationToken);
                    """);
            }
            if (Needs(UseKind.Remove))
            {
                helpers.Add($$"""
                    private Task Remove{{p}}Async({{keyType}} key, {{Ct}}) =>
                        {{cache}}.RemoveAsync({{cacheKey}}, cancellationToken);
                    """);
            }
            if (Needs(UseKind.TryAdd))
            {
                helpers.Add($$"""
                    private async Task<bool> TryAdd{{p}}Async({{keyType}} key, {{valueType}} value, {{Ct}})
                    {
                        if (await Get{{p}}Async(key, cancellationToken) is not null)
                            return false;
                        await Set{{p}}Async(key, value, cancellationToken);
                        return true;
                    }
                    """);
            }
            if (Needs(UseKind.GetOrAddValue))
            {
                helpers.Add($$"""
                    private async Task<{{valueType}}> GetOrAdd{{p}}Async({{keyType}} key, {{valueType}} value, {{Ct}})
                    {
                        if (await Get{{p}}Async(key, cancellationToken) is { } existing)
                            return existing;
                        await Set{{p}}Async(key, value, cancellationToken);
                        return value;
                    }
                    """);
            }
            if (Needs(UseKind.GetOrAddFactory))
            {
                helpers.Add($$"""
                    private async Task<{{valueType}}> GetOrAdd{{p}}Async({{keyType}} key, Func<{{keyType}}, {{valueType}}> valueFactory, {{Ct}})
                    {
                        if (await Get{{p}}Async(key, cancellationToken) is { } existing)
                            return existing;
                        var value = valueFactory(key);
                        await Set{{p}}Async(key, value, cancellationToken);
                        return value;
                    }
                    """);
            }
            if (Needs(UseKind.AddOrUpdateValue))
            {
                helpers.Add($$"""
                    private async Task<{{valueType}}> AddOrUpdate{{p}}Async({{keyType}} key, {{valueType}} addValue, Func<{{keyType}}, {{valueType}}, {{valueType}}> updateValueFactory, {{Ct}})
                    {
                        var value = await Get{{p}}Async(key, cancellationToken) is { } existing ? updateValueFactory(key, existing) : addValue;
                        await Set{{p}}Async(key, value, cancellationToken);
                        return value;
                    }
                    """);
            }
            if (Needs(UseKind.AddOrUpdateFactory))
            {
                helpers.Add($$"""
                    private async Task<{{valueType}}> AddOrUpdate{{p}}Async({{keyType}} key, Func<{{keyType}}, {{valueType}}> addValueFactory, Func<{{keyType}}, {{valueType}}, {{valueType}}> updateValueFactory, {{Ct}})
                    {
                        var value = await Get{{p}}Async(key, cancellationToken) is { } existing ? updateValueFactory(key, existing) : addValueFactory(key);
                        await Set{{p}}Async(key, value, cancellationToken);
                        return value;
                    }
                    """);
            }
            foreach (var text in helpers)
            {
                var member = SyntaxFactory.ParseMemberDeclaration(text)!;
                yield return member.WithoutLeadingTrivia().WithTrailingTrivia(endOfLine)
                    .WithAdditionalAnnotations(Formatter.Annotation);
            }
        }

        private static string ToPrefix(string name)
        {
            var trimmed = name.StartsWith("s_", StringComparison.Ordinal) ? name.Substring(2) : name.TrimStart('_');
            if (trimmed.Length == 0)
                trimmed = name;
            var builder = new StringBuilder(trimmed);
            builder[0] = char.ToUpperInvariant(builder[0]);
            return builder.ToString();
        }
    }
}
