using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StatelessAnalyzers.Core;

/// <summary>The smallest meaningful location of a construct, for reporting.</summary>
internal static class SyntaxLocations
{
    /// <summary>The invoked name of a call (<c>AddSession</c> in <c>services.AddSession()</c>), else the whole call.</summary>
    public static Location InvokedName(SyntaxNode invocation)
    {
        if (invocation is InvocationExpressionSyntax call)
        {
            SyntaxNode? name = call.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name,
                MemberBindingExpressionSyntax binding => binding.Name,
                SimpleNameSyntax simple => simple,
                _ => null,
            };
            if (name is SimpleNameSyntax simpleName)
                return simpleName.Identifier.GetLocation();
        }
        return invocation.GetLocation();
    }
}
