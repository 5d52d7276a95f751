#!/usr/bin/env bash
# scan.sh [RACELINT] [WORKDIR] - fetches pinned real code bases (npm
# tarballs; Debian source packages for C), scans each with racelint and
# prints findings per rule, for hand triage (docs/triage.md). Nothing
# fetched is committed. Needs network access to the npm registry and
# Debian's archive (deb-src for bookworm is added if missing).
set -u
here=$(cd "$(dirname "$0")" && pwd)
racelint=${1:-$(cd "$here/../.." && pwd)/build/racelint}
work=${2:-/tmp/racelint-realworld}
mkdir -p "$work/npm" "$work/deb" "$work/out"
NPM_PACKAGES="npm@10.8.2 undici@6.21.0 express@4.21.2 axios@1.7.9 rxjs@7.8.1 typeorm@0.3.20
ioredis@5.4.2 tar@7.4.3 got@14.4.5 bull@4.16.5 mongoose@8.9.5 pg@8.13.1"
DEB_PACKAGES="memcached redis libuv1"
cd "$work/npm"
for p in $NPM_PACKAGES; do
  name=${p%@*}
  [ -d "$name" ] && continue
  tgz=$(npm pack --silent "$p" 2>/dev/null | tail -1) || continue
  mkdir -p "$name" && tar -xzf "$tgz" -C "$name" --strip-components=1 && rm -f "$tgz"
done
cd "$work/deb"
# source packages: add deb-src entries mirroring the machine's own deb ones
if ! grep -rqsE '^(deb-src |Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null; then
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && sed 's/^Types: deb$/Types: deb-src/' "$f" >"/etc/apt/sources.list.d/racelint-src-$(basename "$f")"
  done
  [ -f /etc/apt/sources.list ] && sed -n 's/^deb /deb-src /p' /etc/apt/sources.list \
    >/etc/apt/sources.list.d/racelint-src.list
fi
apt-get update -qq >/dev/null 2>&1
for p in $DEB_PACKAGES; do
  ls -d "$p"-*/ >/dev/null 2>&1 && continue
  apt-get source -qq "$p" >/dev/null 2>&1 || echo "could not fetch $p" >&2
done
summarize() { # label json
  python3 - "$1" "$2" <<'PY'
import collections, json, sys
label, path = sys.argv[1], sys.argv[2]
d = json.load(open(path))
c = collections.Counter(f["ruleId"] for f in d["findings"])
rules = ", ".join(f"{k} {v}" for k, v in sorted(c.items()) if k != "parse-error")
print(f"| {label} | {d['summary']['files']} | {rules or '-'} | {c.get('parse-error', 0)} |")
PY
}
echo "| code base | files | findings per rule | parse-error notes |"
echo "|---|---|---|---|"
for dir in "$work"/npm/*/; do
  name=$(basename "$dir")
  version=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$dir/package.json" 2>/dev/null)
  "$racelint" --no-cache --format json -o "$work/out/$name.json" --fail-on none "$dir" 2>/dev/null
  summarize "$name@$version (npm)" "$work/out/$name.json"
done
for dir in "$work"/deb/*/; do
  name=$(basename "$dir")
  [ -d "$dir" ] || continue
  # quilt keeps pre-patch copies in .pc/: they would double every finding
  printf '{ "ignore": [".pc/"] }\n' >"$dir/.racelint.json"
  "$racelint" --no-cache --format json -o "$work/out/$name.json" --fail-on none \
    -I "$dir" -I "$dir/src" -I "$dir/include" -I "$dir/deps/hiredis" -I "$dir/deps/lua/src" \
    -I "$dir/deps/hdr_histogram" "$dir" 2>/dev/null
  summarize "$name (Debian source, $(ls "$work"/deb/*.dsc 2>/dev/null | sed -n "s|.*/\(${name%%-*}_[^/]*\)\.dsc|\1|p" | head -1))" "$work/out/$name.json"
done
