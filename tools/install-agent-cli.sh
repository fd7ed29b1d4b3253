#!/usr/bin/env bash
# Installs the pinned Claude Code CLI (npm package @anthropic-ai/claude-code) into <repo>/.tools/claude-code and prints
# the path of its `claude` executable on stdout (progress goes to stderr). Idempotent: nothing is downloaded when the
# pinned version is already installed there.
#
# Why 2.1.112: it is the last release shipped as a plain Node script (cli.js, node >= 18). Later releases ship a
# platform-specific native binary through optional dependencies and, from 2.1.2xx, require node >= 22. 2.1.112 has
# every flag GitBot uses: -p, --output-format stream-json, --verbose, --max-turns, --max-budget-usd, --allowedTools,
# --model, --append-system-prompt, --setting-sources, --strict-mcp-config, --mcp-config.
set -euo pipefail
version="2.1.112"
root="$(cd "$(dirname "$0")/.." && pwd)"
prefix="$root/.tools/claude-code"
package_json="$prefix/node_modules/@anthropic-ai/claude-code/package.json"
claude="$prefix/node_modules/.bin/claude"

installed=""
if [ -f "$package_json" ]; then
  installed=$(node -e 'process.stdout.write(require(process.argv[1]).version)' "$package_json")
fi

if [ "$installed" != "$version" ] || [ ! -x "$claude" ]; then
  command -v npm >/dev/null || { echo "install-agent-cli.sh: npm not found (Node.js >= 18 is needed)" >&2; exit 1; }
  echo "install-agent-cli.sh: installing @anthropic-ai/claude-code@$version into $prefix" >&2
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error \
    "@anthropic-ai/claude-code@$version" >&2
fi

[ -x "$claude" ] || { echo "install-agent-cli.sh: $claude missing after install" >&2; exit 1; }
echo "$claude"
