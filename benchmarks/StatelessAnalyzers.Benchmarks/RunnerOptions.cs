using System.Globalization;

namespace StatelessAnalyzers.Benchmarks;

/// <summary>The command line of the ratio runner.</summary>
internal sealed class RunnerOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project benchmarks/StatelessAnalyzers.Benchmarks -- [options]
               dotnet run -c Release --project benchmarks/StatelessAnalyzers.Benchmarks -- bdn [BenchmarkDotNet options]

          --check          exit with code 1 when a budget of docs/performance.md is exceeded
          --sizes A,B,C    corpus sizes in files (default 100,1000,5000)
          --runs N         measured runs per size, medians are reported (default 5)
          --seed N         corpus seed (default 1)
          --rate R         fraction of corpus files carrying an anti-pattern (default 0.05)
          --no-sample      skip samples/StatefulShop
          --analyzers      also compile with each rule family alone (time and allocations it adds)
          --help           this text
        """;

    public bool Check { get; private set; }

    public IReadOnlyList<int> Sizes { get; private set; } = new[] { 100, 1000, 5000 };

    public int Runs { get; private set; } = 5;

    public int Seed { get; private set; } = 1;

    public double Rate { get; private set; } = 0.05;

    public bool Sample { get; private set; } = true;

    public bool Analyzers { get; private set; }

    public bool Help { get; private set; }

    public static bool TryParse(string[] args, out RunnerOptions options, out string error)
    {
        options = new RunnerOptions();
        error = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Length ? args[++i] : null;
            switch (arg)
            {
                case "--check":
                    options.Check = true;
                    break;
                case "--no-sample":
                    options.Sample = false;
                    break;
                case "--analyzers":
                    options.Analyzers = true;
                    break;
                case "--help" or "-h":
                    options.Help = true;
                    break;
                case "--sizes":
                    var sizes = new List<int>();
                    foreach (var part in (Value() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 10)
                        {
                            error = $"--sizes takes file counts of at least 10, separated by commas: '{part}'.";
                            return false;
                        }

                        sizes.Add(size);
                    }

                    if (sizes.Count == 0)
                    {
                        error = "--sizes needs at least one size.";
                        return false;
                    }

                    options.Sizes = sizes.Distinct().Order().ToList();
                    break;
                case "--runs":
                    if (!int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var runs) || runs < 1)
                    {
                        error = "--runs takes a positive number.";
                        return false;
                    }

                    options.Runs = runs;
                    break;
                case "--seed":
                    if (!int.TryParse(Value(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
                    {
                        error = "--seed takes a number.";
                        return false;
                    }

                    options.Seed = seed;
                    break;
                case "--rate":
                    if (!double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate is < 0 or > 1)
                    {
                        error = "--rate takes a fraction between 0 and 1.";
                        return false;
                    }

                    options.Rate = rate;
                    break;
                default:
                    error = $"Unknown option '{arg}'.";
                    return false;
            }
        }

        return true;
    }
}
