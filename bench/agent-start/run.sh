#!/usr/bin/env bash
# Agent-start benchmark (issue #3): on a generated repository of 50,000 files,
#  1. label webhook -> first agent process start, cold mirror (fresh server + Git:WorkRoot) and warm mirror
#     (later issues on the same server: mirror cached, worktree back in the pool);
#  2. wall time of 8 independent one-second tasks (`sleep 1`, a no-op made visible) on one server with
#     Scheduler:AgentSlots=8 versus 1 (repo limits.max_parallel_tasks: 8).
# The real `gitbot serve` composition (GitBotServer.Build) on PostgreSQL against the GitHub simulator; agents are
# `backend: command` roles that append `date +%s%N` to a marks file.
#
#   bench/agent-start/run.sh                  # COLD=2 WARM=5 EIGHT=3
#   COLD=3 WARM=10 bench/agent-start/run.sh
#
# Environment: GITBOT_TEST_POSTGRES (else a throwaway cluster as in test.sh), COLD (2), WARM (5), EIGHT (3: warm-pool
# eight-task plans per slot count, medians reported), FILES (50000),
# REPO_CACHE (/tmp/gitbot-agent-start-<FILES>.git: generated once with git fast-import, then reused).
# Output: bench/results/agent-start-<timestamp>/ (driver output, server logs) and bench/agent-start/RESULTS.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$root/bench/results/agent-start-$stamp"
mkdir -p "$out"
files=${FILES:-50000}
cache=${REPO_CACHE:-/tmp/gitbot-agent-start-$files.git}
work=$(mktemp -d /tmp/gitbot-agent-start.XXXXXX)
# A throwaway PostgreSQL cluster unless GITBOT_TEST_POSTGRES is set; removed with $work on exit.
source "$root/bench/shared/postgres.sh"

if [ ! -d "$cache" ]; then
  echo "== generating a $files-file repository into $cache (once; cached)"
  git init --quiet --bare --initial-branch=main "$cache.tmp"
  # fast-import: 1,000 directories of source-like files, one commit on main; no working tree is ever written.
  python3 - "$files" <<'PY' | git -C "$cache.tmp" fast-import --quiet
import sys
n = int(sys.argv[1])
out = sys.stdout.buffer
out.write(b"commit refs/heads/main\nauthor Alice <alice@example.com> 1700000000 +0000\ncommitter Alice <alice@example.com> 1700000000 +0000\n")
msg = b"Generated repository"
out.write(b"data %d\n%s\n" % (len(msg), msg))
readme = b"# widgets\n\nA generated repository for the agent-start benchmark.\n"
out.write(b"M 100644 inline README.md\ndata %d\n%s\n" % (len(readme), readme))
for i in range(n):
    body = (b"// file %d\nnamespace Widgets.Module%d;\n\npublic static class Widget%d\n{\n    public const int Value = %d;\n}\n" % (i, i // 50, i, i)) * 4
    out.write(b"M 100644 inline src/module%04d/Widget%05d.cs\ndata %d\n%s\n" % (i // 50, i, len(body), body))
PY
  git -C "$cache.tmp" repack -adq
  mv "$cache.tmp" "$cache"
fi
echo "== repository: $(git -C "$cache" ls-tree -r --name-only main | wc -l) files, $(du -sh "$cache" | cut -f1) packed"

echo "== building the driver (Release)"
dotnet build "$here/AgentStartBench" -c Release -nologo -v quiet
echo "== running (COLD=${COLD:-2} WARM=${WARM:-5} EIGHT=${EIGHT:-3})"
dotnet "$here/AgentStartBench/bin/Release/net10.0/AgentStartBench.dll" "$cache" "$work" "$out" "${COLD:-2}" "${WARM:-5}" "${EIGHT:-3}" | tee "$out/driver.txt"
echo "results in $out"
