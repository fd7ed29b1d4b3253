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
# A throwaway PostgreSQL cluster unless GITBOT_TEST_POSTGRES is set; removed with $work on exit.
source "$root/bench/shared/postgres.sh"

echo "== building the driver (Release)"
dotnet build "$here/CommandBench" -c Release -nologo -v quiet
echo "== running (ROUNDS=${ROUNDS:-20} BURSTS=${BURSTS:-3})"
dotnet "$here/CommandBench/bin/Release/net10.0/CommandBench.dll" "$work" "$out" "${ROUNDS:-20}" "${BURSTS:-3}" | tee "$out/driver.txt"
echo "== figures"
source "$root/bench/shared/figures.sh"
rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
figures "$out/driver.txt" "bench/commands figures, $stamp ($rev; ROUNDS=${ROUNDS:-20} BURSTS=${BURSTS:-3})" > "$out/FIGURES.md"
cp "$out/FIGURES.md" "$here/LATEST.md"
cat "$out/FIGURES.md"
echo "results in $out"
