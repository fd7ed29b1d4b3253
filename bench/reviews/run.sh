#!/usr/bin/env bash
# Review benchmark (issue #4), on the real `gitbot serve` composition (GitBotServer.Build, Release) on PostgreSQL
# against the GitHub simulator and the scripted model (behind a timing pass-through):
#  1. pull_request.synchronize -> gitbot/security, gitbot/tests, gitbot/judge all completed on the new head, for a
#     push making the PR diff 2,000 added lines across 40 files (GitBot's branch gitbot/<n>, test_command python3
#     run_tests.py writing JUnit XML); Scheduler:AgentSlots 3 and 1; one warm-up push, then ROUNDS timed pushes.
#  2. GateRecomputer.RecomputeAsync (resolved from the server) on a PR with 200 reviews by 60 people and 50 check runs
#     on its head, over HTTP against the simulator: the first recompute of each of GATE_REPOS repositories (cold:
#     gate run created, permissions not cached), then GATE_N warm recomputes; GitHub requests counted per recompute.
#
#   bench/reviews/run.sh                       # ROUNDS=5 SLOTS=3,1 GATE_REPOS=5 GATE_N=30
#
# Environment: GITBOT_TEST_POSTGRES (else a throwaway cluster as in test.sh), ROUNDS, SLOTS, GATE_REPOS, GATE_N, QUIET_MS (1500: before each timed push, wait until the server log is
# silent that long; 0: back-to-back, only the simulator deliveries attempted + 0.5 s).
# Output: bench/results/reviews-<timestamp>/ (driver output, server logs); the RESULT lines are printed at the end.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$root/bench/results/reviews-$stamp"
mkdir -p "$out"
work=$(mktemp -d /tmp/gitbot-reviews-bench.XXXXXX)
# A throwaway PostgreSQL cluster unless GITBOT_TEST_POSTGRES is set; removed with $work on exit.
source "$root/bench/shared/postgres.sh"

echo "== building the driver (Release)"
dotnet build "$here/ReviewBench" -c Release -nologo -v quiet
echo "== running (ROUNDS=${ROUNDS:-5} SLOTS=${SLOTS:-3,1} GATE_REPOS=${GATE_REPOS:-5} GATE_N=${GATE_N:-30})"
dotnet "$here/ReviewBench/bin/Release/net10.0/ReviewBench.dll" "$work" "$out" "${ROUNDS:-5}" "${SLOTS:-3,1}" "${GATE_REPOS:-5}" "${GATE_N:-30}" "${QUIET_MS:-1500}" \
  | tee "$out/driver.txt"
echo "== figures"
# One row per figure (median, p95, min, max, n, samples), also written to $out/FIGURES.md and bench/reviews/LATEST.md;
# RESULTS.md is the commented write-up of a sitting, edited by hand from these.
source "$root/bench/shared/figures.sh"
rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
figures "$out/driver.txt" "bench/reviews figures, $stamp ($rev; ROUNDS=${ROUNDS:-5} SLOTS=${SLOTS:-3,1} GATE_REPOS=${GATE_REPOS:-5} GATE_N=${GATE_N:-30} QUIET_MS=${QUIET_MS:-1500})" > "$out/FIGURES.md"
cp "$out/FIGURES.md" "$here/LATEST.md"
cat "$out/FIGURES.md"
echo "results in $out"
