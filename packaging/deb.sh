#!/bin/sh
# deb.sh BUILD_DIR OUT_DIR - builds OUT_DIR/racelint_<VERSION>_<arch>.deb
# with dpkg-deb from `cmake --install BUILD_DIR --prefix /usr` (BUILD_DIR
# must be configured with CMAKE_INSTALL_PREFIX=/usr; `make deb` does it).
# Depends: what dpkg-shlibdeps finds the ELF files need, nothing else.
# libclang: while the binary links it, shlibdeps puts it in Depends; once
# libclang is loaded at run time (no DT_NEEDED on it), it is a Recommends,
# as are the headers C analysis needs (see below).
set -eu
build=$1 out=$2
src=$(cd "$(dirname "$0")/.." && pwd)
version=$(head -n1 "$src/VERSION")
arch=$(dpkg --print-architecture)
repo_url=$(sed -n 's/^RACELINT_REPO_URL:STRING=//p' "$build/CMakeCache.txt")
[ -n "$repo_url" ] || repo_url=https://github.com/racelint/racelint
work=$(mktemp -d "${TMPDIR:-/tmp}/racelint-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/root

DESTDIR=$root cmake --install "$build" --prefix /usr --strip >/dev/null
[ -x "$root/usr/bin/racelint" ] || { echo "deb: no usr/bin/racelint installed"; exit 1; }
[ -d "$root/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)" ] ||
  { echo "deb: $build was not configured with CMAKE_INSTALL_PREFIX=/usr"; exit 1; }

# Debian layout: compressed man page, copyright file, no build-type cmake
# leftovers outside the package's own directories.
gzip -9n "$root/usr/share/man/man1/racelint.1"
doc=$root/usr/share/doc/racelint
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: racelint"
  echo "Source: $repo_url"
  echo
  echo "Files: *"
  echo "Copyright: $(sed -n 's/^Copyright (c) //p' "$src/LICENSE")"
  echo "License: MIT"
  sed -n '3,$p' "$src/LICENSE" | sed 's/^$/./; s/^/ /'
} > "$doc/copyright"
rm -f "$doc/LICENSE"
gzip -9n "$doc/CHANGELOG.md"

# Depends from the ELF files (dpkg-shlibdeps wants a debian/control).
mkdir -p "$work/shlibs/debian"
printf 'Source: racelint\n\nPackage: racelint\nArchitecture: any\n' > "$work/shlibs/debian/control"
elves=$(find "$root" -type f \( -name racelint -o -name '*.so*' \) -perm -u+x)
depends=$(cd "$work/shlibs" && dpkg-shlibdeps -O -e $(echo "$elves" | tr '\n' ' ') 2>/dev/null |
  sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "deb: dpkg-shlibdeps found no dependencies"; exit 1; }
# C analysis also needs clang's own headers (stddef.h, stdarg.h: the
# resource directory, libclang-common-N-dev) and the C library's (libc6-dev);
# without them every C file is a parse error.
needed=$(readelf -d "$root/usr/bin/racelint" | sed -n 's/.*NEEDED.*\[libclang-\([0-9]*\)\.so.*/\1/p')
if [ -n "$needed" ]; then # linked: libclang1-N is in Depends already
  recommends="libclang-common-$needed-dev, libc6-dev"
else # loaded at run time: any version the loader accepts (14 to 21, see
  # RL_LIBCLANG_MIN/MAX in CMakeLists.txt); bookworm's default, 14, first
  libs= commons=
  for v in 14 15 16 17 18 19 20 21; do
    libs="$libs${libs:+ | }libclang1-$v"
    commons="$commons${commons:+ | }libclang-common-$v-dev"
  done
  recommends="$libs, $commons, libc6-dev"
fi

mkdir -p "$root/DEBIAN"
{
  echo "Package: racelint"
  echo "Version: $version"
  echo "Architecture: $arch"
  echo "Maintainer: racelint developers <racelint@users.noreply.github.com>"
  echo "Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)"
  echo "Depends: $depends"
  echo "Recommends: $recommends"
  echo "Section: devel"
  echo "Priority: optional"
  echo "Homepage: $repo_url"
  echo "Description: static analyzer for concurrency bugs in C and JavaScript/TypeScript"
  echo " racelint finds check-then-act races (file TOCTOU), dropped and floating"
  echo " promises, lock-order inversions, unbalanced locks, unsynchronized shared"
  echo " state and lazy-initialisation races. Every finding says what can"
  echo " interleave and names the runtime primitive that fixes it. Text, JSON,"
  echo " SARIF and GitHub outputs, baselines, a language server (racelint lsp)."
  echo " ."
  echo " The package also carries the C runtime library the fixes point to"
  echo " (librlrt, <racelint/rt.h>, rlrt.pc)."
} > "$root/DEBIAN/control"

mkdir -p "$out"
deb=$out/racelint_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
dpkg-deb -f "$deb" Depends Recommends | sed 's/^/  /'
