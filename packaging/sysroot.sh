#!/bin/sh
# sysroot.sh DIR [SUITE] - an old Debian system (default bullseye, glibc
# 2.31) to link the self-contained binary against, so that it runs on
# systems older than the build machine (make dist-binary-bullseye, with the
# toolchain file packaging/sysroot.cmake). DIR holds SUITE's C library and
# the static archives of jansson and libgit2 with what libgit2 needs, from
# the mirror; tree-sitter, which bullseye does not ship, is this machine's
# libtree-sitter-dev (its static archive and headers; it needs nothing of
# the C library that 2.31 lacks, which the link checks).
# Made once from the debootstrapped base of chroot.sh (root, network) and
# reused while DIR/.racelint-sysroot is newer than this script; that file
# lists the package versions the binary was linked with.
set -eu
dir=$1 suite=${2:-bullseye}
self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
src=$(cd "$(dirname "$0")/.." && pwd)
stamp=$dir/.racelint-sysroot
if [ -f "$stamp" ] && [ "$stamp" -nt "$self" ]; then exit 0; fi
[ "$(id -u)" = 0 ] || { echo "sysroot: needs root (debootstrap, chroot)"; exit 1; }
command -v debootstrap >/dev/null || { echo "sysroot: apt-get install debootstrap"; exit 1; }
dpkg -s libtree-sitter-dev >/dev/null 2>&1 || { echo "sysroot: apt-get install libtree-sitter-dev"; exit 1; }
: "${CHROOTS:?set CHROOTS to a directory outside the repository}"
export CHROOTS
. "$src/packaging/chroot.sh"
trap 'rl_chroot_cleanup' EXIT
ma=$(gcc -print-multiarch)

echo "== sysroot: $suite in $dir"
root=$(rl_chroot_fresh "$suite")
rl_chroot_run "$suite" apt-get update -qq
rl_chroot_run "$suite" apt-get install -y -qq --no-install-recommends \
  libc6-dev libjansson-dev libgit2-dev > "$CHROOTS/sysroot-$suite.log" 2>&1 ||
  { tail -20 "$CHROOTS/sysroot-$suite.log"; exit 1; }
versions=$(rl_chroot_run "$suite" dpkg-query -W -f '${Package} ${Version}\n' \
  libc6-dev libjansson-dev libgit2-dev libmbedtls-dev libssh2-1-dev libhttp-parser-dev \
  libpcre3-dev zlib1g-dev libgcrypt20-dev libgpg-error-dev 2>/dev/null || true)
rl_chroot_umount "$root"
rm -rf "$dir"; mkdir -p "$(dirname "$dir")"
mv "$root" "$dir"

# The linker follows the libraries' absolute symlinks (/lib/...so) inside
# the sysroot only if they are relative.
(cd "$dir" && find usr/lib usr/lib64 -type l -lname '/*' | while read -r l; do
  ln -sfn "$(realpath -m --relative-to="$(dirname "/$l")" "$(readlink "$l")")" "$l"
done)

# tree-sitter: this machine's static archive, headers and .pc
for f in $(dpkg -L libtree-sitter-dev); do
  case $f in
    /usr/include/tree_sitter/*.h|*/libtree-sitter.a|*/pkgconfig/tree-sitter.pc)
      mkdir -p "$dir$(dirname "$f")"; cp "$f" "$dir$f";;
  esac
done
[ -f "$dir/usr/lib/$ma/libtree-sitter.a" ] || { echo "sysroot: no libtree-sitter.a for $ma"; exit 1; }

{ echo "# racelint sysroot: Debian $suite, $(date -u +%Y-%m-%d)"
  echo "$versions"
  dpkg-query -W -f '${Package} ${Version} (the build machine)\n' libtree-sitter-dev
} > "$stamp"
cat "$stamp"
