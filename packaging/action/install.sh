#!/usr/bin/env bash
# install.sh - the Action's install step (action.yml), also run by
# `make test-install` in a fresh Debian chroot. Puts racelint in RL_PREFIX.
#   RL_METHOD  source (default): build the Action's own checkout (RL_SRC),
#              pinned by the ref in `uses:`, and install it into RL_PREFIX;
#              release: download RL_ASSET_URL (default: the release asset
#              racelint-<VERSION>-linux-x64.tar.gz of REPO_URL) and unpack it.
#   RL_PREFIX  where to install (the Action caches this directory)
#   RL_SRC     the racelint source (default: this script's repository)
#   RL_CACHED  1 when RL_PREFIX came from the cache: only make sure the
#              run-time libraries it needs are installed
#   RL_LIBCLANG  release: "no" installs no libclang (JS/TS only); by default
#              the distribution's libclang and headers, for C files
# Appends RL_PREFIX/bin to $GITHUB_PATH when that is set.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=${RL_SRC:-$(cd "$here/../.." && pwd)}
method=${RL_METHOD:-source}
prefix=${RL_PREFIX:?set RL_PREFIX}
version=$(head -n1 "$src/VERSION")
repo_url=${RL_REPO_URL:-https://github.com/racelint/racelint}
sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive

apt_install() { # the packages of "$@" that are not installed yet
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} = 0 ] && return 0
  echo "racelint: apt-get install ${missing[*]}"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The Debian/Ubuntu packages that hold the shared libraries racelint loads,
# recorded at install time so that a cached prefix can be made to run.
record_runtime_packages() {
  local libs
  libs=$(ldd "$prefix/bin/racelint" | awk '/=> \// { print $3 }')
  mkdir -p "$prefix/share/racelint"
  for l in $libs; do
    dpkg -S "$(readlink -f "$l")" 2>/dev/null || dpkg -S "$l" 2>/dev/null || true
  done | cut -d: -f1 | sort -u > "$prefix/share/racelint/runtime-packages"
}

if [ "${RL_CACHED:-0}" = 1 ] && [ -x "$prefix/bin/racelint" ]; then
  [ -f "$prefix/share/racelint/runtime-packages" ] &&
    apt_install $(cat "$prefix/share/racelint/runtime-packages")
elif [ "$method" = source ]; then
  # python3: the CMake project's test setup looks for it
  apt_install build-essential cmake pkg-config git libclang-dev \
    libtree-sitter-dev libjansson-dev libgit2-dev python3
  # the pinned grammars (npm ci), unless `make deps` installed them already
  # from the same lock file (the stamp is newer than the lock)
  if [ ! "$src/grammars/node_modules/.installed" -nt "$src/grammars/package-lock.json" ]; then
    command -v npm >/dev/null || apt_install nodejs npm
    (cd "$src/grammars" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  fi
  # libclang: the newest llvm-N that has the C headers (Ubuntu 24.04's
  # default is 18, Debian bookworm's and Ubuntu 22.04's 14).
  clang_args=()
  inc=$(ls -d /usr/lib/llvm-*/include/clang-c 2>/dev/null | sort -V | tail -n1 || true)
  if [ -n "$inc" ]; then
    llvm=${inc%/include/clang-c}
    clang_args=(-DCLANG_INCLUDE_DIR="$llvm/include")
  fi
  build=${RL_BUILD_DIR:-$(mktemp -d)/build}
  cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DRACELINT_SKIP_RUNTIME=ON \
    "${clang_args[@]}" >/dev/null
  cmake --build "$build" -j"$(nproc)" --target racelint >/dev/null
  cmake --install "$build" --prefix "$prefix" --strip >/dev/null
  record_runtime_packages
  # libclang is loaded at run time (no ldd entry): record the one built
  # against, with the headers C analysis needs
  if [ -n "${llvm:-}" ]; then
    n=${llvm##*llvm-}
    for p in libclang1-$n libclang-common-$n-dev libc6-dev; do
      dpkg -s "$p" >/dev/null 2>&1 && echo "$p"
    done >> "$prefix/share/racelint/runtime-packages"
  fi
elif [ "$method" = release ]; then
  url=${RL_ASSET_URL:-$repo_url/releases/download/v$version/racelint-$version-linux-x64.tar.gz}
  command -v curl >/dev/null || apt_install curl ca-certificates
  mkdir -p "$prefix"
  curl -fsSL "$url" | tar -xz -C "$prefix" --strip-components=1
  record_runtime_packages
  # C analysis: the distribution's default libclang and the headers it
  # needs, unless RL_LIBCLANG=no (JS/TS only) or a libclang is there already
  if [ "${RL_LIBCLANG:-auto}" != no ] &&
      ! ls /usr/lib/llvm-*/lib/libclang.so.1 /usr/lib/*/libclang-*.so.1 >/dev/null 2>&1; then
    $sudo apt-get update -qq
    def=$(apt-cache depends libclang1 2>/dev/null | sed -n 's/.*Depends: libclang1-\([0-9]*\).*/\1/p' | head -n1)
    # racelint loads libclang 14 or newer (Debian bullseye's default is 11)
    if [ -n "$def" ] && [ "$def" -ge 14 ]; then
      echo "libclang1-$def libclang-common-$def-dev libc6-dev" | tr ' ' '\n' \
        >> "$prefix/share/racelint/runtime-packages"
    else
      echo "racelint: this system's libclang (${def:-none}) is older than 14: C files will be skipped"
    fi
  fi
  apt_install $(cat "$prefix/share/racelint/runtime-packages")
else
  echo "racelint: install method '$method': want source or release" >&2; exit 2
fi

"$prefix/bin/racelint" --version
if [ -n "${GITHUB_PATH:-}" ]; then echo "$prefix/bin" >> "$GITHUB_PATH"; fi
