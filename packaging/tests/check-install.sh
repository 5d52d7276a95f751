#!/bin/sh
# check-install.sh BUILD_DIR SOURCE_DIR - `cmake --install` into a scratch
# prefix (a temporary directory outside both trees), move the prefix elsewhere, hide the source and build trees
# (a private mount namespace with empty directories over them), and check
# that the installed racelint still explains rules, scans a file, that the
# man page, completions, docs and C runtime are in place, and that
# packaging/uninstall.sh removes everything the manifest lists.
# Exits 77 (skipped) after the other checks if it may not hide the trees
# (unshare -m needs root or user namespaces).
set -eu
build=$(cd "$1" && pwd) src=$(cd "$2" && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/racelint-install.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# cmake --install rewrites build/install_manifest.txt: keep the user's one.
manifest=$build/install_manifest.txt
[ -f "$manifest" ] && cp "$manifest" "$scratch/manifest.saved"
cmake --install "$build" --prefix "$scratch/a" >/dev/null
cp "$manifest" "$scratch/manifest"
if [ -f "$scratch/manifest.saved" ]; then cp "$scratch/manifest.saved" "$manifest"; else rm -f "$manifest"; fi

mv "$scratch/a" "$scratch/b" # relocated: nothing may point at the old prefix
p=$scratch/b
for f in bin/racelint share/man/man1/racelint.1 share/doc/racelint/LICENSE \
    share/doc/racelint/rules/check-then-act.md share/doc/racelint/racelint.schema.json \
    share/bash-completion/completions/racelint share/zsh/site-functions/_racelint \
    include/racelint/rt.h; do
  [ -f "$p/$f" ] || fail "not installed: $f"
done
pc=$(find "$p" -name rlrt.pc) && [ -n "$pc" ] || fail "rlrt.pc not installed"
ls "$p"/lib*/librlrt.so >/dev/null 2>&1 || ls "$p"/lib/*/librlrt.so >/dev/null 2>&1 || fail "librlrt.so not installed"
cflags=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --cflags rlrt)
inc=${cflags#-I}; inc=${inc%% *}
case $inc in "$p"/*) ;; *) fail "rlrt.pc after the move gives '$cflags'";; esac
[ -f "$inc/racelint/rt.h" ] || fail "rlrt.pc after the move: no $inc/racelint/rt.h"
man -l "$p/share/man/man1/racelint.1" 2>&1 | grep -q "racelint $(head -n1 "$src/VERSION")" ||
  fail "the man page does not render with the version"

# a file to scan, outside both trees
mkdir -p "$scratch/proj"
cat > "$scratch/proj/a.js" <<'JS'
async function save(ids) {
  ids.forEach(async (id) => { await db.drop(id); });
}
JS

# run-installed.sh is copied out: inside the namespace the source is gone.
cp "$src/packaging/tests/run-installed.sh" "$scratch/"
sh "$scratch/run-installed.sh" "$p" "$scratch" || fail "the installed racelint (trees visible)"

if ! unshare -m true 2>/dev/null; then
  echo "SKIP: cannot hide the source tree (unshare -m not permitted)"; exit 77
fi
unshare -m sh -eu -c '
  mount --make-rprivate / 2>/dev/null || true
  mount -t tmpfs none "$1"; mount -t tmpfs none "$2"
  [ ! -e "$2/VERSION" ] || { echo "FAIL: the source tree is still visible"; exit 1; }
  exec sh "$3/run-installed.sh" "$4" "$3"' sh "$build" "$src" "$scratch" "$p" ||
  fail "the installed racelint (source and build trees hidden)"

# uninstall from the manifest (paths are those of the first prefix)
sed "s|^$scratch/a/|$scratch/b/|" "$scratch/manifest" > "$scratch/manifest.b"
sh "$src/packaging/uninstall.sh" "$scratch/manifest.b"
left=$(find "$p" -type f -o -type l 2>/dev/null || true)
[ -z "$left" ] || fail "left after uninstall: $left"
echo "OK: installed, moved, ran with the trees hidden, uninstalled"
