#!/usr/bin/env bash
# Runs every GitBot test, the same way on a laptop and in CI.
#  - Builds the solution (warnings are errors).
#  - Starts a throwaway PostgreSQL cluster on a free loopback port (as the `postgres` user when run as root),
#    unless GITBOT_TEST_POSTGRES already names a server; the cluster is removed on exit.
#  - Installs the pinned Claude Code CLI into .tools/ (tools/install-agent-cli.sh) unless GITBOT_TEST_CLAUDE names one.
#  - Installs Debian's Chromium for the dashboard's browser tests (tools/install-chromium.sh) unless
#    GITBOT_TEST_CHROMIUM names one; Playwright drives it, and screenshots land in TestResults/screenshots/.
#  - Runs `dotnet test` over GitBot.sln with TRX results and prints one line: "N passed, N failed, N skipped".
# Exit status: non-zero if the build fails, any test fails, or no test ran.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/TestResults"
rm -rf "$results"

pg_dir=""
cleanup() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$pg_bin" ] && command -v initdb >/dev/null; then pg_bin=$(dirname "$(command -v initdb)"); fi
  [ -n "$pg_bin" ] || { echo "test.sh: PostgreSQL server binaries (initdb, pg_ctl) not found" >&2; exit 1; }
  pg_dir=$(mktemp -d /tmp/gitbot-pg.XXXXXX)
  chmod 755 "$pg_dir"
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; exit 1; }
  # fsync off: a throwaway test cluster trades durability for speed; nothing here outlives the run.
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300" \
    start >/dev/null || { cat "$pg_dir/server.log" >&2; exit 1; }
  export GITBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Timeout=30"
  echo "test.sh: throwaway PostgreSQL on 127.0.0.1:$port"
}

[ -n "${GITBOT_TEST_POSTGRES:-}" ] || start_postgres

# The real Claude Code CLI (pinned npm version) for the agent tests; they fail loudly without GITBOT_TEST_CLAUDE.
if [ -z "${GITBOT_TEST_CLAUDE:-}" ]; then
  GITBOT_TEST_CLAUDE=$(bash "$root/tools/install-agent-cli.sh")
  export GITBOT_TEST_CLAUDE
fi
echo "test.sh: Claude Code CLI at $GITBOT_TEST_CLAUDE"

# A real browser for the dashboard tests (Playwright drives Debian's chromium; no Playwright browser download).
if [ -z "${GITBOT_TEST_CHROMIUM:-}" ]; then
  GITBOT_TEST_CHROMIUM=$(bash "$root/tools/install-chromium.sh")
  export GITBOT_TEST_CHROMIUM
fi
echo "test.sh: Chromium at $GITBOT_TEST_CHROMIUM"

dotnet build GitBot.sln -c Debug -nologo -v quiet
set +e
dotnet test GitBot.sln -c Debug --no-build -nologo --logger "trx" --results-directory "$results" "$@"
test_rc=$?

python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
PY
totals_rc=$?
set -e
[ $test_rc -eq 0 ] && [ $totals_rc -eq 0 ]
