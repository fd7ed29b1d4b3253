#!/usr/bin/env bash
# Dashboard benchmark (issue #7): a real `gitbot serve` process (Release build of the CLI) on PostgreSQL, seeded with
# 1,000 issues (10 repositories × 100, one four-task plan each), 10,000 agent runs over 30 days and the review runs
# of every finished plan's pull request. The driver (another process) then measures, over loopback HTTP with the admin
# token:
#  1. page render time, PAGE_ROUNDS sequential requests per page after 20 warm-ups: `/` (repositories, system panel,
#     cost charts), a repository page, a random issue page (graph, runs, checks), a random run page;
#  2. SSE fan-out: VIEWERS connections to one running issue's `/events`; 10 s idle, then CHANGES plan changes 1–2 s
#     apart (a task's state and the plan version, written to the database as another node would): the time from the
#     commit to each viewer's `live` event, updates missed, and the server process's CPU (from /proc: user+system time
#     over wall time) and resident memory before, with the viewers connected, at peak and after they leave.
#
#   bench/dashboard/run.sh                     # PAGE_ROUNDS=300 VIEWERS=200 CHANGES=30
#
# Environment: GITBOT_TEST_POSTGRES (else a throwaway cluster as in test.sh), PAGE_ROUNDS, VIEWERS, CHANGES.
# Output: bench/results/dashboard-<timestamp>/ (driver output, server log, FIGURES.md); bench/dashboard/LATEST.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$root/bench/results/dashboard-$stamp"
mkdir -p "$out"
work=$(mktemp -d /tmp/gitbot-dashboard-bench.XXXXXX)
source "$root/bench/shared/postgres.sh"
server_pid=""
stop_server() { if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi; cleanup; }
trap stop_server EXIT

echo "== building gitbot and the driver (Release)"
dotnet build "$root/src/GitBot.Cli" -c Release -nologo -v quiet
dotnet build "$here/DashboardBench" -c Release -nologo -v quiet

db="gitbot_dashboard_bench_$(date +%s)"
python3 - "$GITBOT_TEST_POSTGRES" "$db" <<'PY'
import sys, subprocess
kv = dict(p.split("=", 1) for p in sys.argv[1].split(";") if p)
subprocess.run(["psql", "-h", kv["Host"], "-p", kv["Port"], "-U", kv["Username"], "-d", "postgres", "-qc", f"CREATE DATABASE {sys.argv[2]}"], check=True)
PY
connection="$GITBOT_TEST_POSTGRES;Database=$db"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
token="bench-admin-token-$(date +%s%N)"

echo "== starting gitbot serve on 127.0.0.1:$port"
(
  cd "$work"
  GITBOT_Database__Provider=postgres GITBOT_Database__ConnectionString="$connection" \
  GITBOT_GitHub__Token=bench-token GITBOT_GitHub__WebhookSecret=bench-webhook-secret-0123456789 \
  GITBOT_GitHub__ApiUrl=http://127.0.0.1:9/ GITBOT_Redelivery__Enabled=false \
  GITBOT_Dashboard__AdminToken="$token" GITBOT_Scheduler__NodeName=bench-node \
  exec dotnet "$root/src/GitBot.Cli/bin/Release/net10.0/gitbot.dll" serve --urls "http://127.0.0.1:$port"
) > "$out/server.log" 2>&1 &
server_pid=$!

echo "== running (PAGE_ROUNDS=${PAGE_ROUNDS:-300} VIEWERS=${VIEWERS:-200} CHANGES=${CHANGES:-30})"
dotnet "$here/DashboardBench/bin/Release/net10.0/DashboardBench.dll" "http://127.0.0.1:$port" "$token" "$connection" "$server_pid" \
  "${PAGE_ROUNDS:-300}" "${VIEWERS:-200}" "${CHANGES:-30}" | tee "$out/driver.txt"
echo "== figures"
source "$root/bench/shared/figures.sh"
rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
# figures ends with a grep for "rejected" lines this driver does not print: its status is not a failure here.
{ figures "$out/driver.txt" "bench/dashboard figures, $stamp ($rev; PAGE_ROUNDS=${PAGE_ROUNDS:-300} VIEWERS=${VIEWERS:-200} CHANGES=${CHANGES:-30})" || true; } \
  | sed -E 's/\| ([0-9.;]{200})[0-9.;]*\ \|$/| \1… |/' > "$out/FIGURES.md"
cp "$out/FIGURES.md" "$here/LATEST.md"
cat "$out/FIGURES.md"
echo "results in $out"
