using System.Globalization;
using Spectre.Console;

namespace StatelessAnalyzers.Cli;

/// <summary>Where the loading and analysis steps are shown while they run.</summary>
internal interface IProgressSink
{
    void Stage(string message);

    void Loaded(string project, TimeSpan elapsed);

    void Analysed(string project, int index, int count, int findings, TimeSpan elapsed);
}

/// <summary>One line per step on the error stream: for logs and redirected output, no colour, no cursor moves.</summary>
internal sealed class PlainProgress(TextWriter writer) : IProgressSink
{
    public void Stage(string message)
    {
        lock (writer)
            writer.WriteLine(message);
    }

    public void Loaded(string project, TimeSpan elapsed)
    {
        lock (writer)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  loaded {project} ({elapsed.TotalSeconds:0.0} s)"));
    }

    public void Analysed(string project, int index, int count, int findings, TimeSpan elapsed)
    {
        lock (writer)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{index}/{count}] {project}: {Readiness.Plural(findings, "finding")} ({elapsed.TotalSeconds:0.0} s)"));
    }
}

/// <summary>A live spinner with the current step on a terminal, and one line per finished step.</summary>
internal sealed class LiveProgress(IAnsiConsole console) : IProgressSink
{
    private StatusContext? context;

    public async Task<T> RunAsync<T>(string initial, Func<Task<T>> work)
    {
        return await console.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync(Markup.Escape(initial), async status =>
            {
                context = status;
                try
                {
                    return await work().ConfigureAwait(false);
                }
                finally
                {
                    context = null;
                }
            })
            .ConfigureAwait(false);
    }

    public void Stage(string message) => context?.Status(Markup.Escape(message));

    public void Loaded(string project, TimeSpan elapsed) =>
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]loaded[/] {Markup.Escape(project)} [grey]({elapsed.TotalSeconds:0.0} s)[/]"));

    public void Analysed(string project, int index, int count, int findings, TimeSpan elapsed)
    {
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[grey][[{index}/{count}]][/] {Markup.Escape(project)}: {Readiness.Plural(findings, "finding")} [grey]({elapsed.TotalSeconds:0.0} s)[/]"));
        context?.Status(index < count ? "Analysing…" : "Writing the report…");
    }
}
