#!/bin/sh
# dist-binary.sh BUILD_DIR OUT_DIR - packs the self-contained binary of
# BUILD_DIR (configured with RACELINT_STATIC_DEPS=ON) with its man page,
# completions and docs as OUT_DIR/racelint-<VERSION>-linux-x64.tar.gz, one
# top directory (racelint-<VERSION>-linux-x64/bin/racelint ...). Refuses a
# binary that needs a shared library other than the C library's (and
# libclang while that is still linked).
set -eu
build=$1 out=$2
src=$(cd "$(dirname "$0")/.." && pwd)
version=$(head -n1 "$src/VERSION")
name=racelint-$version-linux-x64
work=$(mktemp -d "${TMPDIR:-/tmp}/racelint-dist.XXXXXX")
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/$name" --strip >/dev/null
bad=$(readelf -d "$work/$name/bin/racelint" | sed -n 's/.*NEEDED.*\[\(.*\)\]/\1/p' |
  grep -Ev '^(libc|libm|libdl|libpthread|librt|ld-linux-x86-64)\.so|^libclang-[0-9]+\.so' || true)
[ -z "$bad" ] || { echo "dist-binary: still needs $bad"; exit 1; }
glibc=$(objdump -T "$work/$name/bin/racelint" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n1)
mkdir -p "$out"
tar -C "$work" --owner=0 --group=0 -czf "$out/$name.tar.gz" "$name"
echo "$out/$name.tar.gz (needs $glibc or newer)"
