using System.Globalization;
using AgentStartBench;

// Usage: AgentStartBench <cached-bare-repo> <work-dir> <out-dir> [cold-samples=2] [warm-samples=5] [eight-task-samples=3]
// Prints one "RESULT key=value" line per figure; run.sh turns them into RESULTS.md.
var cache = args[0];
var work = args[1];
var outDirectory = args[2];
var coldSamples = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2;
var warmSamples = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5;
var eightSamples = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 3;
Directory.CreateDirectory(outDirectory);

await using var context = await BenchContext.StartAsync(cache, work, outDirectory);
var runner = new Scenarios(context);

var cold = new List<double>();
var warm = new List<double>();
for (var c = 0; c < coldSamples; c++)
{
    // A fresh server, database and Git:WorkRoot: the first issue clones the mirror.
    await using var server = await BenchServer.StartAsync(context, $"latency-{c}", slots: 8);
    cold.Add(await runner.LabelToStartAsync(server, $"cold {c}"));
    if (c == 0)
    {
        for (var w = 0; w < warmSamples; w++)
        {
            warm.Add(await runner.LabelToStartAsync(server, $"warm {w}"));
        }
    }
}

var wall = new Dictionary<int, List<(double Total, double Agents)>>();
var wallFirst = new Dictionary<int, (double Total, double Agents)>();
foreach (var slots in new[] { 8, 1 })
{
    await using var server = await BenchServer.StartAsync(context, $"slots-{slots}", slots);
    await runner.LabelToStartAsync(server, $"slots {slots} warm-up"); // mirror cloned and one worktree pooled first
    // The first eight-task plan has to create up to seven new 50,000-file worktrees; the second finds them pooled.
    wallFirst[slots] = await runner.EightTasksAsync(server, slots);
    wall[slots] = [];
    for (var e = 0; e < eightSamples; e++)
    {
        wall[slots].Add(await runner.EightTasksAsync(server, slots));
    }
}

var eight = Scenarios.Median([.. wall[8].Select(w => w.Total)]);
var one = Scenarios.Median([.. wall[1].Select(w => w.Total)]);

Console.WriteLine(Scenarios.Result("cold_ms", cold));
Console.WriteLine(Scenarios.Result("warm_ms", warm));
Console.WriteLine(FormattableString.Invariant($"RESULT cold_median_ms={Scenarios.Median(cold):F0} cold_max_ms={cold.Max():F0}"));
Console.WriteLine(FormattableString.Invariant($"RESULT warm_median_ms={Scenarios.Median(warm):F0} warm_max_ms={warm.Max():F0}"));
Console.WriteLine(Scenarios.Result("eight_tasks_slots8_samples_ms", [.. wall[8].Select(w => w.Total)]));
Console.WriteLine(Scenarios.Result("eight_tasks_slots1_samples_ms", [.. wall[1].Select(w => w.Total)]));
Console.WriteLine(FormattableString.Invariant($"RESULT eight_tasks_slots8_median_ms={eight:F0} eight_tasks_slots1_median_ms={one:F0} speedup_of_medians={one / eight:F2}"));
Console.WriteLine(FormattableString.Invariant($"RESULT first_plan_eight_tasks_slots8_label_to_finish_ms={wallFirst[8].Total:F0} first_plan_eight_tasks_slots1_label_to_finish_ms={wallFirst[1].Total:F0} first_plan_speedup={wallFirst[1].Total / wallFirst[8].Total:F2}"));
Console.WriteLine(FormattableString.Invariant($"RESULT eight_tasks_slots8_first_to_last_agent_start_ms={Scenarios.Median([.. wall[8].Select(w => w.Agents)]):F0} eight_tasks_slots1_first_to_last_agent_start_ms={Scenarios.Median([.. wall[1].Select(w => w.Agents)]):F0}"));
