#!/usr/bin/env bash
# Worker recovery benchmark (issue #6, item 4): how long from SIGKILL of the `gitbot worker` running an agent task to
# that task's agent starting again on the other worker. A serve that runs no agents (Scheduler:AgentSlots=0) and two
# real `gitbot worker` processes (Release build of src/GitBot.Cli, one agent slot each) share one PostgreSQL; the
# GitHub simulator plays GitHub. Each round opens an issue with one task whose `command` agent sleeps on its first run;
# the worker running it is killed (its orphaned agent too), and the sample is kill -> the agent's start on the other
# node (its own `date +%s%N`). ROUNDS rounds with the default settings, then ROUNDS with
# Scheduler:ClusterCheckinInterval=1s and Scheduler:ClusterCheckinMisfireThreshold=2s, each on a fresh database.
#
#   bench/worker-recovery/run.sh               # ROUNDS=5
#
# Environment: GITBOT_TEST_POSTGRES (else a throwaway cluster, bench/shared/postgres.sh), ROUNDS.
# Output: bench/results/worker-recovery-<timestamp>/ (driver output, serve and worker logs, FIGURES.md);
# bench/worker-recovery/LATEST.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$root/bench/results/worker-recovery-$stamp"
mkdir -p "$out"
work=$(mktemp -d /tmp/gitbot-recovery-bench.XXXXXX)
source "$root/bench/shared/postgres.sh"

echo "== building the CLI and the driver (Release)"
dotnet build "$root/src/GitBot.Cli" -c Release -nologo -v quiet
dotnet build "$here/RecoveryBench" -c Release -nologo -v quiet
echo "== running (ROUNDS=${ROUNDS:-5})"
dotnet "$here/RecoveryBench/bin/Release/net10.0/RecoveryBench.dll" "$work" "$out" "$root/src/GitBot.Cli/bin/Release/net10.0/gitbot.dll" \
  "${ROUNDS:-5}" | tee "$out/driver.txt"
echo "== figures"
source "$root/bench/shared/figures.sh"
rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
figures "$out/driver.txt" "bench/worker-recovery figures, $stamp ($rev; ROUNDS=${ROUNDS:-5}), seconds from kill to restart" > "$out/FIGURES.md" \
  || true # figures' last grep (rejected requests, a bench/commands figure) finds nothing here
cp "$out/FIGURES.md" "$here/LATEST.md"
cat "$out/FIGURES.md"
echo "results in $out"
