#!/usr/bin/env bash
# Gate recompute benchmark (issue #4): GateEvaluator.Evaluate on a PR with 200 reviews and 50 check runs (and 10x that,
# to show linear growth), with BenchmarkDotNet. Pure CPU: no server, database or network.
#
#   bench/gate/run.sh                 # JOB=short (3 warm-ups, 3 iterations): quick and good enough for a < 100 ms target
#   JOB=default bench/gate/run.sh     # BenchmarkDotNet's full statistics
#
# Output: bench/results/gate-<timestamp>/ (BenchmarkDotNet artifacts: markdown, csv, log). RESULTS.md is written by hand
# from the markdown table.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$root/bench/results/gate-$stamp"
mkdir -p "$out"
echo "== building the benchmark (Release)"
dotnet build "$here/GateBench" -c Release -nologo -v quiet
echo "== running (JOB=${JOB:-short})"
job=()
[ "${JOB:-short}" != default ] && job=(--job "${JOB:-short}")
(cd "$out" && dotnet "$here/GateBench/bin/Release/net10.0/GateBench.dll" --filter '*' "${job[@]}" --artifacts "$out") | tee "$out/driver.txt"
cat "$out"/results/*-report-github.md 2>/dev/null || true
echo "results in $out"
