#!/usr/bin/env bash
# Assemble the pinned benchmark corpora and install the peers.
#   bench/setup.sh            full corpora
#   BENCH_QUICK=1 bench/setup.sh   small corpora (undici+rxjs, memcached+libuv)
# Everything lands in $BENCH_WORK (default bench/.work), which is gitignored.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${BENCH_WORK:-$HERE/.work}
QUICK=${BENCH_QUICK:-0}
DL=$WORK/dl
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
mkdir -p "$DL/deb"
log() { printf '[setup] %s\n' "$*" >&2; }

# ---- tools -------------------------------------------------------------------
APT_TOOLS="libevent-dev clang clang-tidy cppcheck bear cmake dpkg-dev xz-utils time python3 libclang-dev libtree-sitter-dev libjansson-dev libgit2-dev pkg-config build-essential"
missing=$(for p in $APT_TOOLS; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
if [ -n "$missing" ]; then
  log "apt-get install $missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
# perf/valgrind are optional (profiles); install valgrind if missing, perf is kernel-specific.
command -v valgrind >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq valgrind || true

if [ ! -f "$HERE/node_modules/.bench-installed" ] || [ "$HERE/package-lock.json" -nt "$HERE/node_modules/.bench-installed" ]; then
  log "npm install (peers, pinned by package-lock.json) in bench/"
  # npm ci rejects this lock (npm bug with oxlint's per-platform optional bindings); install honours the lock
  (cd "$HERE" && npm install --no-audit --no-fund --loglevel=error)
  touch "$HERE/node_modules/.bench-installed"
fi

# ---- JS/TS corpus: npm tarballs ---------------------------------------------
# name@version  subdir-to-keep ('.' = whole package, minus browser/ builds)
JS_PKGS_FULL="
undici@6.21.0 lib
rxjs@7.8.1 src
effect@3.10.0 src
typeorm@0.3.20 .
webpack@5.97.1 lib
mongodb@6.12.0 src
@grpc/grpc-js@1.12.5 src
mobx@6.13.5 src
eslint@9.17.0 lib
mongoose@8.9.0 lib
@typescript-eslint/eslint-plugin@8.18.0 dist
@effect/platform@0.72.0 src
@trpc/server@11.0.0 src
@apollo/server@4.11.3 src
"
JS_PKGS_QUICK="
undici@6.21.0 lib
rxjs@7.8.1 src
"
if [ "$QUICK" = 1 ]; then JS_PKGS=$JS_PKGS_QUICK; CORPUS=$WORK/corpus-quick; else JS_PKGS=$JS_PKGS_FULL; CORPUS=$WORK/corpus; fi
JS=$CORPUS/js
if [ ! -f "$JS/.done" ]; then
  rm -rf "$JS"; mkdir -p "$JS"
  echo "$JS_PKGS" | while read -r spec sub; do
    [ -n "$spec" ] || continue
    tgz=$DL/$(echo "$spec" | sed 's/^@//; s/\//-/; s/@/-/').tgz
    if [ ! -f "$tgz" ]; then log "npm pack $spec"; (cd "$DL" && npm pack "$spec" --silent --loglevel=error >/dev/null); fi
    name=$(echo "$spec" | sed 's/^@//; s/\//-/; s/@.*//')
    dest=$JS/$name; mkdir -p "$dest"
    tmp=$(mktemp -d); tar xzf "$tgz" -C "$tmp"
    if [ "$sub" = . ]; then cp -r "$tmp/package/." "$dest/"; rm -rf "$dest/browser"; else cp -r "$tmp/package/$sub/." "$dest/"; fi
    rm -rf "$tmp"
  done
  # keep sources only: .js/.mjs/.cjs/.ts (no declaration files, maps, json, docs)
  find "$JS" -type f ! \( -name '*.js' -o -name '*.mjs' -o -name '*.cjs' -o -name '*.ts' -o -name '*.tsx' \) -delete
  find "$JS" -type f \( -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' \) -delete
  find "$JS" -type l -delete; find "$JS" -type d -empty -delete
  # a git repo of its own, so the parent repo's .gitignore (bench/.work) does not hide it
  git init -q "$JS"
  echo "$JS_PKGS" | sed "/^$/d" > "$JS/PACKAGES"
  touch "$JS/.done"
fi

# ---- C corpus: Debian source packages + SQLite from better-sqlite3 -----------
C_PKGS_FULL="memcached=1.6.18-1+deb12u1 redis=5:7.0.15-1~deb12u10 libuv1=1.44.2-1+deb12u1 curl=7.88.1-10+deb12u15"
C_PKGS_QUICK="memcached=1.6.18-1+deb12u1 libuv1=1.44.2-1+deb12u1"
if [ "$QUICK" = 1 ]; then C_PKGS=$C_PKGS_QUICK; else C_PKGS=$C_PKGS_FULL; fi
C=$CORPUS/c
if [ ! -f "$C/.done" ]; then
  if ! apt-get source --help >/dev/null 2>&1 || ! grep -rqs '^Types: deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    log "adding deb-src for bookworm"
    $SUDO tee /etc/apt/sources.list.d/racelint-bench-src.sources >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    $SUDO apt-get update -qq
  fi
  rm -rf "$C"; mkdir -p "$C"
  for spec in $C_PKGS; do
    pkg=${spec%%=*}; ver=${spec#*=}; uver=${ver#*:}; uver=${uver%-*}
    if ! ls "$DL/deb/${pkg}_"*.dsc >/dev/null 2>&1; then
      log "apt-get source $spec"
      (cd "$DL/deb" && apt-get source --download-only "$spec" 2>/dev/null) || {
        log "WARNING: $spec no longer in the archive; taking the current version"
        (cd "$DL/deb" && apt-get source --download-only "$pkg"); }
    fi
    orig=$(ls "$DL/deb/${pkg}_"*.orig.tar.* | grep -v '\.asc$' | head -1)
    mkdir -p "$C/$pkg"; tar xf "$orig" -C "$C/$pkg" --strip-components=1
    ls "$DL/deb/${pkg}_"*.dsc | head -1 | xargs basename >> "$C/VERSIONS"
  done
  # SQLite amalgamation from better-sqlite3
  tgz=$DL/better-sqlite3-11.7.0.tgz
  [ -f "$tgz" ] || (cd "$DL" && npm pack better-sqlite3@11.7.0 --silent --loglevel=error >/dev/null)
  if [ "$QUICK" != 1 ]; then
    mkdir -p "$C/sqlite"; tar xzf "$tgz" -C "$C/sqlite" --strip-components=3 package/deps/sqlite3/sqlite3.c package/deps/sqlite3/sqlite3.h package/deps/sqlite3/sqlite3ext.h
    echo "better-sqlite3@11.7.0 deps/sqlite3 (SQLite $(grep -m1 '#define SQLITE_VERSION ' "$C/sqlite/sqlite3.h" | awk '{print $3}' | tr -d '"'))" >> "$C/VERSIONS"
  fi
  python3 "$HERE/mkcompdb.py" "$C"
  git init -q "$C"
  touch "$C/.done"
fi
log "corpora ready in $CORPUS"
