using BenchmarkDotNet.Running;
using StatelessAnalyzers.Benchmarks;

// `dotnet run -c Release -- [options]` prints the ratio table; `-- bdn [BenchmarkDotNet options]` runs the classic benchmarks.
if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(Runner).Assembly).Run(args[1..]);
    return 0;
}

// `-- profile [files] [runs]` prints each analyzer's driver time on fresh corpora, for working on one analyzer's speed.
if (args.Length > 0 && args[0] == "profile")
    return Profile.Run(args[1..]);

// `-- counts [files]` prints how many callbacks of each kind the driver makes on a corpus.
if (args.Length > 0 && args[0] == "counts")
    return Counts.Run(args[1..]);

if (!RunnerOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(RunnerOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(RunnerOptions.Usage);
    return 0;
}

return Runner.Run(options);
