using StatelessAnalyzers.Core;

namespace StatelessAnalyzers.Tests.Core;

public sealed class NameFilterTests
{
    // Names a web code base calls all the time, none of them a mutating call.
    private static readonly string[] CommonCalls =
    {
        "LogInformation", "LogWarning", "LogError", "LogDebug", "ToList", "ToArray", "Select", "Where", "FirstOrDefault",
        "SingleOrDefault", "Any", "Count", "OrderBy", "GetService", "GetRequiredService", "AddScoped", "AddTransient",
        "MapGet", "MapPost", "MapControllers", "UseRouting", "UseAuthorization", "Build", "Run", "CreateBuilder",
        "SaveChangesAsync", "FindAsync", "ToListAsync", "WriteAsJsonAsync", "ReadFromJsonAsync", "Ok", "NotFound",
        "BadRequest", "CreatedAtAction", "NoContent", "ConfigureAwait", "FromResult", "WhenAll", "Delay", "Format",
        "Equals", "GetHashCode", "ToString", "Trim", "Split", "Join", "Concat", "Substring", "StartsWith", "EndsWith",
        "Contains", "IndexOf", "ToUpperInvariant", "ToLowerInvariant", "Parse", "TryParse", "NewGuid", "Now", "Max", "Min",
    };

    [Fact]
    public void MayContain_EveryNameInTheSet()
    {
        var names = StateWrites.MutatingCallNames.ToArray();
        var filter = new NameFilter(names);

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.True(filter.MayContain(name), name));
    }

    [Fact]
    public void MayContain_IsFalseForTheEmptyNameAndAnEmptySet()
    {
        Assert.False(new NameFilter(["Add"]).MayContain(string.Empty));
        Assert.All(CommonCalls, name => Assert.False(new NameFilter([]).MayContain(name), name));
    }

    [Fact]
    public void MayContain_RejectsNearlyEveryOtherName()
    {
        var filter = new NameFilter(StateWrites.MutatingCallNames);

        // The filter's point: most calls never reach the set's lookup. The few that pass still meet the set itself.
        var passed = CommonCalls.Where(filter.MayContain).ToArray();
        Assert.True(passed.Length <= CommonCalls.Length / 10, "passed: " + string.Join(", ", passed));
        Assert.All(passed, name => Assert.False(StateWrites.MayMutateThroughCall(name), name));
    }

    [Fact]
    public void MayContain_TellsApartNamesThatShareLengthAndEnds()
    {
        // Same length, same first and last character: the second character separates them.
        var filter = new NameFilter(["Append"]);

        Assert.True(filter.MayContain("Append"));
        Assert.False(filter.MayContain("Abound"));
        Assert.False(filter.MayContain("Ascend"));
    }
}
