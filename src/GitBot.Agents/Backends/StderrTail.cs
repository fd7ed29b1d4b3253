namespace GitBot.Agents.Backends;

/// <summary>The last lines of a stream, for a failure summary; thread-safe.</summary>
internal sealed class StderrTail(int capacity = 20)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public ValueTask AddAsync(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }

        return ValueTask.CompletedTask;
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return string.Join('\n', _lines);
        }
    }
}
