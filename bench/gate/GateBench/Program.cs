using BenchmarkDotNet.Running;
using GateBench;

// Usage: GateBench [BenchmarkDotNet arguments], e.g. --job short. run.sh passes --filter '*'.
BenchmarkSwitcher.FromAssembly(typeof(GateBenchmarks).Assembly).Run(args);
