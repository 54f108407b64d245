using System.Collections.Immutable;
using System.Diagnostics;
using StatelessAnalyzers.Tests.Catalog;
using Xunit.Abstractions;

namespace StatelessAnalyzers.Tests.Robustness;

/// <summary>One input of the damage suite: a source (damaged or not) and the project setup it is analysed in.</summary>
internal sealed record DamageInput(SuiteSource Source, DamagedSource? Damage, RunnerSetup Setup)
{
    public string Family => Damage?.Kind.ToString() ?? DamageTests.Undamaged;

    public string Text => Damage?.Text ?? Source.Text;

    public override string ToString() => $"{Source.Name} [{Damage?.ToString() ?? "undamaged"}; {Setup.Name}]";
}

/// <summary>
/// Every source of the suite, damaged every way <see cref="Robustness.Damage"/> knows, analysed by the whole package
/// with every fix offered applied and compiled: no analyzer, code-fix provider or code action may throw, every
/// diagnostic location lies inside its source, and no fix adds a compiler error the input did not have.
/// One theory row per damage family; each row spreads its inputs over the cores.
/// </summary>
public sealed class DamageTests
{
    public const string Undamaged = "Undamaged";

    // Floors a little below the measured sizes (410 sources, 4,936 damaged inputs), so the suite cannot shrink unnoticed.
    private const int MinimumSources = 380;
    private const int MinimumDamagedInputs = 4600;
    private const int FailuresShown = 15;

    private static readonly Lazy<ImmutableArray<DamageInput>> Plan = new(CreatePlan, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ITestOutputHelper _output;

    public DamageTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Families => new(FamilyNames);

    private static IEnumerable<string> FamilyNames => Enum.GetValues<DamageKind>().Select(k => k.ToString()).Prepend(Undamaged);

    [Fact]
    public void Plan_CoversTheWholeSuite()
    {
        var sources = SuiteSources.All;
        var damaged = Plan.Value.Count(i => i.Damage is not null);
        _output.WriteLine($"{sources.Length} sources ({sources.Count(s => s.Kind == SuiteSourceKind.SampleFile)} sample files), {damaged} damaged inputs, {Plan.Value.Length} inputs with the undamaged ones.");

        Assert.True(sources.Length >= MinimumSources, $"{sources.Length} sources, expected at least {MinimumSources}.");
        Assert.True(damaged >= MinimumDamagedInputs, $"{damaged} damaged inputs, expected at least {MinimumDamagedInputs}.");
        // Every damage family meets every setup.
        foreach (var family in FamilyNames)
        {
            var setups = Plan.Value.Where(i => i.Family == family).Select(i => i.Setup).Distinct().Count();
            Assert.True(setups == RunnerSetup.All.Length, $"{family}: {setups} of {RunnerSetup.All.Length} setups.");
        }
    }

    [Theory]
    [MemberData(nameof(Families))]
    public async Task NothingThrowsAndEveryLocationIsInSource(string family)
    {
        var inputs = Plan.Value.Where(i => i.Family == family).ToList();
        var stopwatch = Stopwatch.StartNew();
        var results = new RunnerResult[inputs.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, inputs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (index, _) =>
            {
                var input = inputs[index];
                results[index] = await PackageRunner.RunAsync(input.Source, input.Text, input.Setup, input.ToString());
            });
        stopwatch.Stop();

        var failures = results.SelectMany(r => r.Failures).ToList();
        var actions = results.Sum(r => r.ActionsApplied);
        _output.WriteLine(
            $"{family}: {inputs.Count} inputs from {inputs.Select(i => i.Source).Distinct().Count()} sources in {stopwatch.Elapsed.TotalSeconds:0.0} s; "
            + $"{results.Sum(r => r.DiagnosticsChecked)} diagnostics checked, {results.Sum(r => r.FixableDiagnostics)} fixable, "
            + $"{actions} code actions applied, {results.Sum(r => r.FixesCompiled)} fixed compilations checked; {failures.Count} failures.");

        Assert.True(
            failures.Count == 0,
            $"{failures.Count} failure(s) in {family}; the first {Math.Min(failures.Count, FailuresShown)}:{Environment.NewLine}"
            + string.Join(Environment.NewLine + Environment.NewLine, failures.Take(FailuresShown)));

        // The run did real work: diagnostics were reported and checked, and fixes were applied and compiled.
        Assert.True(results.Sum(r => r.DiagnosticsChecked) > inputs.Count, $"{family}: fewer diagnostics than inputs.");
        Assert.True(actions > 0, $"{family}: no code action was applied.");
        if (family == Undamaged)
        {
            var reported = results.SelectMany(r => r.DiagnosticIds).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(RuleCatalog.Descriptors.Select(d => d.Id).Order(StringComparer.Ordinal), reported.Order(StringComparer.Ordinal));
            var applied = results.SelectMany(r => r.ProvidersApplied).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(PackageRunner.FixProviders.Select(p => p.GetType().Name).Order(StringComparer.Ordinal), applied.Order(StringComparer.Ordinal));
        }
    }

    private static ImmutableArray<DamageInput> CreatePlan()
    {
        var inputs = ImmutableArray.CreateBuilder<DamageInput>();
        var sources = SuiteSources.All;
        var setups = RunnerSetup.All;
        for (var s = 0; s < sources.Length; s++)
        {
            var source = sources[s];
            // Undamaged: in the default setup (every rule has sources it reports on) and in one other, rotated.
            inputs.Add(new DamageInput(source, null, setups[0]));
            if (s % setups.Length != 0)
                inputs.Add(new DamageInput(source, null, setups[s % setups.Length]));
            var variants = Damage.All(source.Text, Damage.SeedFor(source.Name));
            for (var v = 0; v < variants.Length; v++)
                inputs.Add(new DamageInput(source, variants[v], setups[(s + v) % setups.Length]));
        }

        inputs.Add(new DamageInput(SuiteSources.SampleProject, null, setups[0]));
        return inputs.ToImmutable();
    }
}
