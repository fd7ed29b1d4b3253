#!/usr/bin/env bash
# Webhook ingest benchmark: GitBot `serve` (SQLite, then PostgreSQL) against Probot, in one sitting, with the shared
# load driver in ../shared/bench/probot (signed real example payloads, closed loop, loopback only, bounded loops).
#
#   bench/webhook-ingest/run.sh            # 3 interleaved pairs per database, 20,000 deliveries at concurrency 32
#   PAIRS=5 TOOL=wrk bench/webhook-ingest/run.sh
#
# Environment: PAIRS (default 3), COUNT (20000), WARMUP (5000), CONCURRENCY (32), TOOL (node|wrk, default node),
# DATABASES ("sqlite postgres"), MODES ("valid badsig"). Results: bench/results/<timestamp>/.
# Layout on a 2-core machine: each server pinned to core 0, the load generator to core 1 (as in the Probot anchor).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=$(cd "$root/../shared/bench/probot" && pwd)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$root/bench/results/$stamp"
mkdir -p "$out"
export COUNT=${COUNT:-20000} WARMUP=${WARMUP:-5000} CONCURRENCY=${CONCURRENCY:-32} TOOL=${TOOL:-node}
export MODES=${MODES:-valid badsig} CLIENT_CPUS=${CLIENT_CPUS:-1}
pairs=${PAIRS:-3}
secret=bench-secret
pids=()
pg_dir=""
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "$pg_dir" ]; then runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; fi
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 1 150); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done; echo "server at $1 did not come up" >&2; return 1; }

echo "== publishing gitbot (Release)"
dotnet publish "$root/src/GitBot.Cli" -c Release -o "$root/artifacts/bench/gitbot" -nologo -v quiet
gitbot="$root/artifacts/bench/gitbot/gitbot"

echo "== preparing Probot (a copy of ../shared/bench/probot, outside the repo)"
probot_dir=$(mktemp -d /tmp/gitbot-bench-probot.XXXXXX)
cp -r "$shared/." "$probot_dir"
(cd "$probot_dir" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
[ "$TOOL" != wrk ] || command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
probot_port=$(free_port)
probot_pid=$(cd "$probot_dir" && SERVER_CPUS=0 ./start-probot.sh "$probot_port" "$secret" warn json)
pids+=("$probot_pid")


start_gitbot() { # $1 = provider, $2 = connection string (postgres only)
  local port data
  port=$(free_port); data=$(mktemp -d /tmp/gitbot-bench-data.XXXXXX)
  GITBOT_DataDirectory="$data" GITBOT_Database__Provider="$1" GITBOT_Database__ConnectionString="${2:-}" \
  GITBOT_GitHub__WebhookSecret="$secret" GITBOT_Logging__LogLevel__Default=Warning \
    taskset -c 0 "$gitbot" serve --urls "http://127.0.0.1:$port" >"$out/gitbot-$1.log" 2>&1 &
  pids+=("$!")
  wait_http "http://127.0.0.1:$port/healthz"
  # The PID that owns the listening socket is the server itself (not a wrapper), whose RSS and CPU run.sh reads.
  gitbot_pid=$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  pids+=("$gitbot_pid")
  gitbot_url="http://127.0.0.1:$port/webhooks/github"
}

for db in ${DATABASES:-sqlite postgres}; do
  conn=""
  if [ "$db" = postgres ]; then
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    pg_dir=$(mktemp -d /tmp/gitbot-bench-pg.XXXXXX); chown postgres "$pg_dir"
    pg_port=$(free_port)
    runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
    # Durable settings (fsync on, synchronous_commit on): the answer to GitHub waits for a real commit.
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
      -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" start >/dev/null
    taskset -pc 1 "$(head -1 "$pg_dir/data/postmaster.pid")" >/dev/null || true
    conn="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  fi
  start_gitbot "$db" "$conn"
  echo "== $db: Probot (A) vs GitBot (B), $pairs interleaved pairs, COUNT=$COUNT CONCURRENCY=$CONCURRENCY TOOL=$TOOL"
  SERVER_PID_A=$probot_pid SERVER_PID_B=$gitbot_pid OUT_DIR="$out/$db" \
    "$probot_dir/compare.sh" "http://127.0.0.1:$probot_port/api/github/webhooks" "$secret" "$gitbot_url" "$secret" "$pairs" \
    | tee "$out/$db.txt"
  kill "$gitbot_pid" 2>/dev/null || true
done
echo "results in $out"
