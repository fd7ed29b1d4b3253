#!/usr/bin/env bash
# Command benchmark (issue #5), on the real `gitbot serve` composition (GitBotServer.Build, Release) on PostgreSQL
# against the GitHub simulator:
#  1. One command on an idle server, ROUNDS times after 3 warm-ups: comment posted -> 👀 on it -> GitBot's reply, and
#     the GitHub requests in between, for `/agent help`, `/agent status` on an issue with a finished plan, `/agent
#     status` on its pull request, and `/agent approve` with nothing to approve (a permission check, then a refusal).
#  2. BURSTS times, on a fresh server with the default burst limit (10 per issue or PR per minute): 100 `/agent status`
#     comments on one issue, then 100 identical `/agent fix` comments on the plan's pull request (the repository's agent
#     is a `command` backend that appends to a file and sleeps 10 s, so the first job is still running): time to post,
#     time to the last answer, replies, notices, reactions, fix jobs and GitHub requests.
#
#   bench/commands/run.sh                      # ROUNDS=20 BURSTS=3
#
# Environment: GITBOT_TEST_POSTGRES (else a throwaway cluster as in test.sh), ROUNDS, BURSTS.
# Output: bench/results/commands-<timestamp>/ (driver output, server logs, FIGURES.md); bench/commands/LATEST.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$root/bench/results/commands-$stamp"
mkdir -p "$out"
work=$(mktemp -d /tmp/gitbot-commands-bench.XXXXXX)
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
dotnet build "$here/CommandBench" -c Release -nologo -v quiet
echo "== running (ROUNDS=${ROUNDS:-20} BURSTS=${BURSTS:-3})"
dotnet "$here/CommandBench/bin/Release/net10.0/CommandBench.dll" "$work" "$out" "${ROUNDS:-20}" "${BURSTS:-3}" | tee "$out/driver.txt"
echo "== figures"
{
  echo "# bench/commands figures, $stamp ($(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown); ROUNDS=${ROUNDS:-20} BURSTS=${BURSTS:-3})"
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
