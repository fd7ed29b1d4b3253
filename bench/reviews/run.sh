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
pg_dir=""
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${GITBOT_TEST_POSTGRES:-}" ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pg_dir=$(mktemp -d /tmp/gitbot-pg.XXXXXX); chmod 755 "$pg_dir"
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
  # fsync off as in test.sh: the figures are about the pipeline, not disk flushes.
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300" start >/dev/null
  export GITBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Timeout=30"
fi

echo "== building the driver (Release)"
dotnet build "$here/ReviewBench" -c Release -nologo -v quiet
echo "== running (ROUNDS=${ROUNDS:-5} SLOTS=${SLOTS:-3,1} GATE_REPOS=${GATE_REPOS:-5} GATE_N=${GATE_N:-30})"
dotnet "$here/ReviewBench/bin/Release/net10.0/ReviewBench.dll" "$work" "$out" "${ROUNDS:-5}" "${SLOTS:-3,1}" "${GATE_REPOS:-5}" "${GATE_N:-30}" "${QUIET_MS:-1500}" \
  | tee "$out/driver.txt"
echo "== figures"
# One row per figure (median, p95, min, max, n, samples), also written to $out/FIGURES.md and bench/reviews/LATEST.md;
# RESULTS.md is the commented write-up of a sitting, edited by hand from these.
{
  echo "# bench/reviews figures, $stamp ($(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown); ROUNDS=${ROUNDS:-5} SLOTS=${SLOTS:-3,1} GATE_REPOS=${GATE_REPOS:-5} GATE_N=${GATE_N:-30} QUIET_MS=${QUIET_MS:-1500})"
  echo
  echo "| figure | median | p95 | min | max | n | samples |"
  echo "|---|---|---|---|---|---|---|"
  grep '^RESULT .*_median=' "$out/driver.txt" | sed 's/^RESULT //' | awk '{
    split($1, a, "_median="); key = a[1]; median = a[2];
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "| %s | %s | %s | %s | %s | %s | %s |\n", key, median, v[key "_p95"], v[key "_min"], v[key "_max"], v[key "_n"], v[key "_samples"] }'
  grep '^RESULT rejected' "$out/driver.txt" | sed 's/^RESULT /\n/'
} > "$out/FIGURES.md"
cp "$out/FIGURES.md" "$here/LATEST.md"
cat "$out/FIGURES.md"
echo "results in $out"
