#!/bin/sh
# test.sh NPM_DIR - installs the npm packages of pack.sh (NPM_DIR holds
# racelint-<VERSION>.tgz and racelint-linux-x64-gnu-<VERSION>.tgz) in a
# fresh project the way a user's `npm install -D racelint` lays them out,
# offline (the registry is an address nothing listens on, the cache is
# empty: nothing comes from the network), and checks that `npx racelint`
# runs the platform package's binary: its version, a scan of examples/ with
# the same output and exit status as the binary run directly, an error's
# exit status passed through; and that without the platform package (as on
# an unsupported platform, or --omit=optional) `npx racelint` exits 2 with a
# message naming the missing package. Then as from the npm registry: a local
# one (registry.js, on 127.0.0.1) serves the two tarballs, and a plain `npm
# install racelint` must bring in the platform package through
# optionalDependencies, and leave it out for another cpu or libc. Part of
# make test-install (phase npm); needs node and npm, no root, no network.
set -eu
dir=$(cd "$1" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
version=$(head -n1 "$src/VERSION")
main=$dir/racelint-$version.tgz plat=$dir/racelint-linux-x64-gnu-$version.tgz
[ -f "$main" ] && [ -f "$plat" ] || { echo "npm test: no $main or $plat (make npm)"; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/racelint-npm-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
export npm_config_registry=http://127.0.0.1:9/ npm_config_cache=$work/cache npm_config_offline=true \
  npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_loglevel=error \
  npm_config_fetch_retries=0
unset RACELINT_BINARY

# tarball contents: the binary is executable, nothing else is packed
tar -tvzf "$plat" | grep -q '^-rwxr-xr-x .* package/bin/racelint$' || fail "bin/racelint is not packed executable"
for t in "$main" "$plat"; do
  n=$(tar -tzf "$t" | wc -l)
  [ "$n" = 4 ] || { fail "$(basename "$t") packs $n files, want 4"; tar -tzf "$t" | sed 's/^/   /'; }
done

fresh() { # fresh DIR: an empty project
  mkdir -p "$1" && printf '{ "name": "proj", "version": "1.0.0", "private": true }\n' > "$1/package.json"
}

p=$work/proj; fresh "$p"
(cd "$p" && npm install --save-dev "$plat" "$main") > "$work/install.log" 2>&1 ||
  { sed 's/^/   /' "$work/install.log" | tail -20; fail "npm install of the two tarballs (offline)"; }
bin=$p/node_modules/@racelint/linux-x64-gnu/bin/racelint
[ -x "$bin" ] || fail "not installed executable: node_modules/@racelint/linux-x64-gnu/bin/racelint"
[ -x "$p/node_modules/.bin/racelint" ] || fail "no node_modules/.bin/racelint"
got=$(cd "$p" && npx racelint --version 2>&1) || true
[ "$got" = "racelint $version" ] && echo "   npx racelint --version: $got" || fail "npx racelint --version: '$got'"

# a scan through npx equals the binary's own, exit status included
cp -a "$src/examples" "$p/examples"
mkdir -p "$p/runtime/c" && cp -a "$src/runtime/c/include" "$p/runtime/c/"
rc1=0; (cd "$p" && npx racelint --no-cache --no-color examples/) > "$work/npx.txt" 2>&1 || rc1=$?
rc2=0; (cd "$p" && "$bin" --no-cache --no-color examples/) > "$work/direct.txt" 2>&1 || rc2=$?
[ $rc1 = 1 ] || fail "npx racelint examples/ exited $rc1, want 1 (findings)"
[ $rc1 = $rc2 ] || fail "exit status through npx $rc1, directly $rc2"
cmp -s "$work/npx.txt" "$work/direct.txt" || { fail "the output through npx differs"; diff "$work/direct.txt" "$work/npx.txt" | head; }
echo "   npx racelint examples/: exit $rc1, $(grep -cE '^examples/[^ ]+:[0-9]+:[0-9]+: ' "$work/npx.txt") finding lines, as the binary run directly"
rc1=0; (cd "$p" && npx racelint --no-such-option) > /dev/null 2>&1 || rc1=$?
rc2=0; "$bin" --no-such-option > /dev/null 2>&1 || rc2=$?
[ $rc1 = $rc2 ] && [ $rc1 != 0 ] || fail "a usage error: exit $rc1 through npx, $rc2 directly"
(cd "$p" && npx racelint --explain check-then-act) | grep -q 'check-then-act' || fail "npx racelint --explain"

# As from registry.npmjs.org: a plain `npm install -D racelint` from a local
# registry (registry.js) that serves the two tarballs: npm must pull the
# platform package in through optionalDependencies, and leave it out when
# the platform does not match (--cpu=arm64, --libc=musl: npm then installs
# racelint alone, and npx racelint says what is missing).
node "$src/packaging/npm/registry.js" "$work/port" "$main" "$plat" > "$work/registry.log" 2>&1 &
regpid=$!
trap 'kill $regpid 2>/dev/null || true; rm -rf "$work"' EXIT
i=0; while [ ! -s "$work/port" ] && [ $i -lt 1500 ] && kill -0 $regpid 2>/dev/null; do sleep 0.2; i=$((i + 1)); done
[ -s "$work/port" ] || { cat "$work/registry.log"; fail "the local registry did not start"; }
reg=http://127.0.0.1:$(cat "$work/port" 2>/dev/null)/
r=$work/reg; fresh "$r"
(cd "$r" && npm_config_offline=false npm_config_cache=$work/cache-reg npm install --save-dev \
  --registry "$reg" racelint) > "$work/install-reg.log" 2>&1 ||
  { sed 's/^/   /' "$work/install-reg.log" | tail -20; fail "npm install racelint from the local registry"; }
[ -x "$r/node_modules/@racelint/linux-x64-gnu/bin/racelint" ] ||
  fail "npm install racelint did not bring in @racelint/linux-x64-gnu (optionalDependencies)"
grep -q '@racelint/linux-x64-gnu' "$r/package.json" && fail "the platform package became a direct dependency"
got=$(cd "$r" && npx racelint --version 2>&1) || true
[ "$got" = "racelint $version" ] && echo "   npm install racelint (local registry): the platform package came in; npx racelint --version: $got" ||
  fail "after npm install racelint: npx racelint --version: '$got'"
for other in --cpu=arm64 --libc=musl; do
  o=$work/reg$other; fresh "$o"
  (cd "$o" && npm_config_offline=false npm_config_cache=$work/cache-reg npm install --save-dev \
    --registry "$reg" "$other" racelint) > "$work/install-other.log" 2>&1 ||
    { sed 's/^/   /' "$work/install-other.log" | tail -20; fail "npm install $other racelint"; }
  [ -e "$o/node_modules/racelint/bin/racelint.js" ] || fail "npm install $other: racelint not installed"
  [ ! -e "$o/node_modules/@racelint/linux-x64-gnu" ] || fail "npm install $other installed the linux-x64-gnu package"
done
kill $regpid 2>/dev/null || true; wait $regpid 2>/dev/null || true
echo "   npm install --cpu=arm64 / --libc=musl racelint: the platform package left out"

# without the platform package: a clear error, not a crash
q=$work/omit; fresh "$q"
(cd "$q" && npm install --save-dev --omit=optional "$main") > "$work/install2.log" 2>&1 ||
  { sed 's/^/   /' "$work/install2.log" | tail -20; fail "npm install --omit=optional of racelint (offline)"; }
[ ! -e "$q/node_modules/@racelint/linux-x64-gnu" ] || fail "--omit=optional installed the platform package"
rc=0; (cd "$q" && npx racelint --version) > "$work/omit.txt" 2>&1 || rc=$?
[ $rc = 2 ] && grep -q '@racelint/linux-x64-gnu.*is not installed' "$work/omit.txt" ||
  { fail "without the platform package: exit $rc"; cat "$work/omit.txt"; }
echo "   without the platform package: exit $rc, $(head -c 90 "$work/omit.txt")..."

[ $fails = 0 ] && echo "OK: npm packages $version installed offline in a fresh project; npx racelint runs the binary"
[ $fails = 0 ]
