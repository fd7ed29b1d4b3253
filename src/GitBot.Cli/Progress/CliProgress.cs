using Spectre.Console;

namespace GitBot.Cli.Progress;

/// <summary>
/// Progress of a long CLI operation: a Spectre.Console spinner while each step runs when standard output is a terminal,
/// and otherwise one plain line per step (<c>... checking git</c>) written before it starts, so logs and tests read the
/// same sequence without escape codes.
/// </summary>
public sealed class CliProgress
{
    private readonly TextWriter _output;
    private readonly IAnsiConsole? _console;

    private CliProgress(TextWriter output, IAnsiConsole? console)
    {
        _output = output;
        _console = console;
    }

    /// <summary>Spinners when <paramref name="output"/> is the process's standard output and that is a terminal; plain lines otherwise.</summary>
    public static CliProgress For(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        return new CliProgress(output, interactive
            ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.Yes })
            : null);
    }

    /// <summary>Plain lines on <paramref name="output"/>, whatever it is.</summary>
    public static CliProgress Plain(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return new CliProgress(output, null);
    }

    /// <summary>Runs one step, showing <paramref name="description"/> (e.g. <c>checking git</c>) while it runs.</summary>
    public async Task<T> StepAsync<T>(string description, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_console is null)
        {
            await _output.WriteLineAsync($"... {description}");
            await _output.FlushAsync(cancellationToken);
            return await work(cancellationToken);
        }

        return await _console.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(description) + "...", _ => work(cancellationToken));
    }
}
