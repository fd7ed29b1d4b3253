using BenchmarkDotNet.Attributes;
using GitBot.Core.Reviews.Gate;

namespace GateBench;

/// <summary>Gate recompute time for a busy PR (200 reviews, 50 check runs) and a ten times busier one, to show it scales linearly.</summary>
[MemoryDiagnoser]
public class GateBenchmarks
{
    private GateInput busy = null!;
    private GateInput tenTimes = null!;

    [GlobalSetup]
    public void Setup()
    {
        busy = GateInputs.Busy();
        tenTimes = GateInputs.Busy(reviews: 2_000, checkRuns: 500, people: 600);
        if (!GateEvaluator.Evaluate(busy).Green || !GateEvaluator.Evaluate(tenTimes).Green)
        {
            throw new InvalidOperationException("the benchmark PR should evaluate green: " + GateEvaluator.Evaluate(busy).Summary);
        }
    }

    [Benchmark(Baseline = true, Description = "200 reviews, 50 check runs")]
    public GateDecision Busy() => GateEvaluator.Evaluate(busy);

    [Benchmark(Description = "2,000 reviews, 500 check runs")]
    public GateDecision TenTimes() => GateEvaluator.Evaluate(tenTimes);
}
