#!/usr/bin/env bash
# The second LSP client: Neovim headless (built-in LSP client, no plugin) against
# `sunlight lsp --stdio`. Needs the project built (dist/cli.cjs) and `nvim` (test/e2e/setup.sh).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
ROOT=${E2E_ROOT:-/tmp/sunlight-e2e}
[ -f "$REPO/dist/cli.cjs" ] || { echo "dist/cli.cjs missing: run 'npm run build' first"; exit 1; }
command -v "${NVIM:-nvim}" >/dev/null || { echo "nvim missing: run test/e2e/setup.sh first"; exit 1; }
echo "== Neovim LSP client test ($("${NVIM:-nvim}" --version | head -1))"
SUNLIGHT_REPO=$REPO E2E_NVIM_DIR=$ROOT/nvim node "$HERE/driver.cjs"
