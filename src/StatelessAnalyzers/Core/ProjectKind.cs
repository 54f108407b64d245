using System;

namespace StatelessAnalyzers.Core;

/// <summary>What kind of project a compilation builds, from the assemblies it references (RULES.md "Web project").</summary>
[Flags]
internal enum ProjectKind
{
    None = 0,

    /// <summary><c>Microsoft.AspNetCore.Http.HttpContext</c> resolves.</summary>
    Web = 1,

    /// <summary><c>Microsoft.Extensions.Hosting.IHost</c> resolves (a worker service, or a web app).</summary>
    Worker = 2,

    /// <summary>The compilation references xunit, NUnit, MSTest or <c>Microsoft.AspNetCore.Mvc.Testing</c>.</summary>
    Test = 4,
}
