#!/usr/bin/env bash
# Builds racelint-<version>.vsix from editors/vscode: npm ci (pinned by
# package-lock.json; only when the lock changed), tsc, @vscode/vsce package.
# The version is the project's one version number (VERSION file if there is
# one, else CMakeLists.txt's project VERSION); package.json is not rewritten.
#
# With --bundle TARBALL (make vscode-bundled: the self-contained binary of
# make dist-binary, racelint-<version>-linux-x64.tar.gz) it builds the
# linux-x64 .vsix instead, racelint-<version>-linux-x64.vsix, with that
# racelint as bin/linux-x64/racelint (the extension starts it when
# racelint.path is empty; other platforms use PATH).
#
# usage: editors/vscode/package.sh [OUT_DIR] [--bundle TARBALL]   (default OUT_DIR: build/)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$ROOT/build"
BUNDLE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) BUNDLE="$(realpath "${2:?--bundle needs the linux-x64 tarball}")"; shift 2 ;;
    *) OUT="$1"; shift ;;
  esac
done
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

if [ -f "$ROOT/VERSION" ]; then
  version="$(tr -d ' \n' < "$ROOT/VERSION")"
else
  version="$(sed -n 's/^project(racelint VERSION \([0-9][0-9.]*\).*/\1/p' "$ROOT/CMakeLists.txt" | head -1)"
fi
case "$version" in
  [0-9]*.[0-9]*.[0-9]*) ;;
  *) echo "package.sh: cannot read the project version (got '$version')" >&2; exit 2 ;;
esac

command -v npm >/dev/null || { echo "package.sh: npm is needed (apt-get install npm)" >&2; exit 2; }
cd "$HERE"
if [ ! -f node_modules/.installed ] || [ package-lock.json -nt node_modules/.installed ]; then
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.installed
fi
if [ -z "$BUNDLE" ]; then
  rm -rf bin   # a bundled binary left by an interrupted --bundle run
  vsix="$OUT/racelint-$version.vsix"
  # vsce runs the vscode:prepublish script (tsc) itself
  npx --no-install vsce package "$version" --no-update-package-json --no-git-tag-version \
    --out "$vsix" >/dev/null
  echo "$vsix"
  exit 0
fi

# the linux-x64 .vsix: racelint from the tarball's <top>/bin/racelint
[ -f "$BUNDLE" ] || { echo "package.sh: no $BUNDLE (make dist-binary)" >&2; exit 2; }
member="$(tar -tzf "$BUNDLE" | grep -E '^[^/]+/bin/racelint$' | head -1)"
[ -n "$member" ] || { echo "package.sh: $BUNDLE has no <top>/bin/racelint" >&2; exit 2; }
trap 'rm -rf "$HERE/bin"' EXIT
rm -rf bin; mkdir -p bin/linux-x64
tar -xzf "$BUNDLE" -O "$member" > bin/linux-x64/racelint
chmod 755 bin/linux-x64/racelint
bin/linux-x64/racelint --version >/dev/null || { echo "package.sh: the bundled racelint does not run here" >&2; exit 2; }
vsix="$OUT/racelint-$version-linux-x64.vsix"
npx --no-install vsce package "$version" --target linux-x64 --no-update-package-json \
  --no-git-tag-version --out "$vsix" >/dev/null
echo "$vsix"
