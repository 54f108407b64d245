using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.CodeFixes.Rules.Infrastructure;

/// <summary>
/// Finds the <c>IConfiguration</c> a registration can read at a position: <c>builder.Configuration</c> when the services
/// come from a builder, else a local or parameter of a configuration type, else a <c>Configuration</c> member of the type.
/// </summary>
internal static class ConfigurationInScope
{
    public static ExpressionSyntax? Find(SemanticModel model, SyntaxNode position, ExpressionSyntax services, CancellationToken cancellationToken)
    {
        var configurationType = WellKnownSymbols.Get(model.Compilation).Get("Microsoft.Extensions.Configuration.IConfiguration");
        if (configurationType is null)
            return null;

        // builder.Services → builder.Configuration
        if (services is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Services" } servicesAccess
            && model.GetTypeInfo(servicesAccess.Expression, cancellationToken).Type is { } builderType
            && FindMember(builderType, "Configuration") is { } builderConfiguration
            && IsConfiguration(MemberFacts.GetMemberType(builderConfiguration), configurationType))
        {
            return SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, servicesAccess.Expression.WithoutTrivia(), SyntaxFactory.IdentifierName("Configuration"));
        }

        var enclosing = model.GetEnclosingSymbol(position.SpanStart, cancellationToken);
        var inStaticContext = enclosing is { IsStatic: true } || enclosing?.ContainingSymbol is IMethodSymbol { IsStatic: true };
        ISymbol? member = null;
        foreach (var symbol in model.LookupSymbols(position.SpanStart))
        {
            switch (symbol)
            {
                case ILocalSymbol local when IsConfiguration(local.Type, configurationType):
                case IParameterSymbol parameter when IsConfiguration(parameter.Type, configurationType):
                    return SyntaxFactory.IdentifierName(symbol.Name);
                case IPropertySymbol or IFieldSymbol
                    when member is null
                        && (symbol.IsStatic || !inStaticContext)
                        && IsConfiguration(MemberFacts.GetMemberType(symbol), configurationType):
                    member = symbol;
                    break;
            }
        }
        return member is null ? null : SyntaxFactory.IdentifierName(member.Name);
    }

    private static ISymbol? FindMember(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (member is IPropertySymbol { IsStatic: false })
                    return member;
            }
        }
        return null;
    }

    private static bool IsConfiguration(ITypeSymbol? type, INamedTypeSymbol configurationType)
    {
        if (type is null)
            return false;
        if (type.Is(configurationType))
            return true;
        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.Is(configurationType))
                return true;
        }
        return false;
    }
}
