#!/usr/bin/env bash
# Builds racelint-<version>.vsix from editors/vscode: npm ci (pinned by
# package-lock.json; only when the lock changed), tsc, @vscode/vsce package.
# The version is the project's one version number (VERSION file if there is
# one, else CMakeLists.txt's project VERSION); package.json is not rewritten.
#
# usage: editors/vscode/package.sh [OUT_DIR]     (default: build/)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="${1:-$ROOT/build}"
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
vsix="$OUT/racelint-$version.vsix"
# vsce runs the vscode:prepublish script (tsc) itself
npx --no-install vsce package "$version" --no-update-package-json --no-git-tag-version \
  --out "$vsix" >/dev/null
echo "$vsix"
