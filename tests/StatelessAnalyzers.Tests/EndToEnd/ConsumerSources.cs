namespace StatelessAnalyzers.Tests.EndToEnd;

/// <summary>Source files added to consumer projects by several end-to-end tests.</summary>
internal static class ConsumerSources
{
    public const string StatsControllerPath = "Controllers/StatsController.cs";

    /// <summary>
    /// A static counter in a plain class (SL1005, info by default) written by a controller action (SL1002,
    /// warning by default).
    /// </summary>
    public const string StatsController = """
        using Microsoft.AspNetCore.Mvc;
        namespace Consumer.Controllers;
        public static class Counters
        {
            public static int Served;
        }
        [ApiController]
        [Route("stats")]
        public sealed class StatsController : ControllerBase
        {
            [HttpPost]
            public int Post() => ++Counters.Served;
        }

        """;

    public const string LegacyControllerPath = "Controllers/Legacy/LegacyController.cs";

    /// <summary>Another SL1001 finding, in a folder of its own.</summary>
    public const string LegacyController = """
        using Microsoft.AspNetCore.Mvc;
        namespace Consumer.Controllers.Legacy;
        [ApiController]
        [Route("legacy")]
        public sealed class LegacyController : ControllerBase
        {
            private static int visits;
            [HttpGet]
            public int Get() => ++visits;
        }

        """;

    /// <summary>The diagnostics of one rule in a build log.</summary>
    public static List<BuildDiagnostic> Findings(string output, string id) =>
        BuildDiagnostic.Parse(output).Where(d => d.Id == id).ToList();

    /// <summary>Every rule diagnostic (SL and four digits) in a build log.</summary>
    public static List<BuildDiagnostic> AllFindings(string output) =>
        BuildDiagnostic.Parse(output)
            .Where(d => d.Id.Length == 6 && d.Id.StartsWith("SL", StringComparison.Ordinal) && d.Id[2..].All(char.IsAsciiDigit))
            .ToList();
}
