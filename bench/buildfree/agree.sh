#!/usr/bin/env bash
# agree.sh - build-free C against the project's own build flags (issue 16,
# issue 18): how much of what racelint sees without a compile database is
# what it sees with the real one.
#
#   bench/buildfree/agree.sh [--racelint PATH] [--only NAME,NAME...]
#                            [--rebuild] [--results DIR]
#
# --results: where the reports go, below the work directory (default out;
# one per racelint build compared).
#
# For each pinned Debian source package below (dev code bases of
# tests/realworld/ecosystem.sh only; never a held-out one):
#   1. the pristine source: copied from ecosystem.sh's $ECO_WORK/src when
#      fetched there, else `apt-get source NAME=VERSION`;
#   2. its build deps (`apt-get build-dep`), then its own build at
#      $W/src/NAME: cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON (configure
#      only: config headers are made then; CMAKE_BUILD_TYPE=None as Debian's
#      packages), or ./configure && bear -- make -k; the built tree is kept in $W/built/NAME (--rebuild redoes it);
#   3. racelint twice at the same path $W/src/NAME, on the same
#      directories: on a pristine copy with no database (build-free: include
#      discovery, analyzer/c/incdisc.c) and on the built tree with
#      --compile-commands; each with the default preset and with
#      {"extends":"racelint:strict"}; per-function fact fingerprints from
#      RACELINT_DUMP_C_FACTS (analyzer/engine/cache.h);
#   4. compare.py: over the .c files the database compiles that are in the
#      pristine source, the share of functions whose facts are identical and
#      the findings that agree (docs/buildfree.md says how they are counted).
# Work directory $BUILDFREE_WORK (default /work/eco-h16bf, else
# /tmp/racelint-buildfree). Nothing fetched or built is committed. Builds run
# under nice with -j2 at most. Needs root for apt-get (build-dep).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
racelint=$top/build/racelint only="" rebuild=0 results=out
while [ $# -gt 0 ]; do
  case $1 in
    --racelint) racelint=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --only) only=$2; shift 2 ;;
    --rebuild) rebuild=1; shift ;;
    --results) results=$2; shift 2 ;;
    -h|--help) sed -n '2,31p' "$0"; exit 0 ;;
    *) echo "agree.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "${BUILDFREE_WORK:-}" ]; then
  if [ -d /work ] && [ -w /work ]; then BUILDFREE_WORK=/work/eco-h16bf; else BUILDFREE_WORK=/tmp/racelint-buildfree; fi
fi
W=$BUILDFREE_WORK
ECO=${ECO_WORK:-/work/eco}
mkdir -p "$W/pristine" "$W/built" "$W/src" "$W/dl" "$W/out" "$W/$results"
[ -x "$racelint" ] || { echo "agree.sh: no racelint at $racelint (make build)" >&2; exit 2; }

# name  version  build  directories scanned (as in ecosystem.sh)  build options
# build: cmake (options: -D flags, comma-separated) or autotools (configure
# options, comma-separated). "-" for none.
PROJECTS="
libevent      2.1.12-stable-8      cmake     .     -DEVENT__DISABLE_TESTS=ON,-DEVENT__DISABLE_SAMPLES=ON,-DEVENT__DISABLE_BENCHMARK=ON
xz-utils      5.4.1-1+deb12u1      autotools .     --disable-doc
tinyproxy     1.11.1-2.1+deb12u1   autotools .     -
mosquitto     2.0.11-1.2+deb12u2   cmake     .     -DWITH_DOCS=OFF
libmicrohttpd 0.9.75-6             autotools .     --disable-doc,--disable-examples
stunnel4      3:5.68-2+deb12u1     autotools .     -
unbound       1.17.1-2+deb12u4     autotools .     --with-libevent,--enable-subnet,--enable-dnstap=no
nng           1.5.2-2              cmake     src   -DNNG_TESTS=OFF,-DNNG_TOOLS=OFF
coturn        4.6.1-1              cmake     src   -
knot          3.2.6-1              autotools .     --disable-documentation
"

selected() {
  echo "$PROJECTS" | while read -r name version build dirs opts; do
    [ -n "$name" ] || continue
    if [ -n "$only" ] && ! echo ",$only," | grep -q ",$name,"; then continue; fi
    echo "$name $version $build $dirs $opts"
  done
}

# pristine NAME VERSION -> the untouched source directory
pristine() {
  local name=$1 version=$2 dir eco
  dir="$W/pristine/$name"
  if [ ! -f "$dir/.fetched" ]; then
    rm -rf "$dir"
    eco="$ECO/src/$name-${version//:/_}"
    if [ -f "$eco/.fetched" ]; then
      cp -a "$eco" "$dir"
    else
      local tmp; tmp=$(mktemp -d "$W/dl/deb.XXXXXX")
      (cd "$tmp" && apt-get source -qq "$name=$version" >/dev/null 2>&1) ||
        { echo "agree.sh: could not fetch $name=$version" >&2; rm -rf "$tmp"; return 1; }
      mv "$(find "$tmp" -mindepth 1 -maxdepth 1 -type d | head -1)" "$dir"; rm -rf "$tmp"
    fi
    touch "$dir/.fetched"
  fi
  echo "$dir"
}

# build NAME KIND OPTS: the project's own build at $W/src/NAME, kept in
# $W/built/NAME; the database is $W/built/NAME/_rlbuild/compile_commands.json
build() {
  local name=$1 kind=$2 opts=$3 at="$W/src/$1" log="$W/out/$1.build.log" o=()
  [ "$opts" = - ] || IFS=, read -r -a o <<<"$opts"
  # a build interrupted after its configure step resumes there
  if [ ! -f "$at/_rlbuild/.configured" ]; then rm -rf "$at"; cp -a "$W/pristine/$name" "$at"; fi
  apt-get build-dep -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 "$name" >"$log" 2>&1 ||
    echo "agree.sh: build-dep $name failed (see $log); building anyway" >&2
  (
    cd "$at"
    mkdir -p _rlbuild
    if [ "$kind" = cmake ]; then
      # the build type Debian's packages use (dh_auto_configure): no -DNDEBUG
      # from a Release default, which would change every assert()
      nice -n 10 cmake -S . -B _rlbuild -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
        -DCMAKE_BUILD_TYPE=None "${o[@]}"
    else
      if [ ! -f _rlbuild/.configured ]; then
        [ -x configure ] || nice -n 10 autoreconf -fi
        nice -n 10 ./configure "${o[@]}"
        touch _rlbuild/.configured
      fi
      # Every compile command runs as the build runs it (so bear records the
      # real flags, and generated sources and headers are made), with
      # -fsyntax-only added to save code generation on a shared machine:
      # racelint drops that flag; steps needing an object fail, -k goes on.
      nice -n 10 bear --output _rlbuild/compile_commands.json -- \
        make -k -j2 CC="${CC:-gcc} -fsyntax-only" || true
    fi
  ) >>"$log" 2>&1 || { echo "agree.sh: $name: build failed (see $log)" >&2; return 1; }
  [ -s "$at/_rlbuild/compile_commands.json" ] ||
    { echo "agree.sh: $name: no compile_commands.json (see $log)" >&2; return 1; }
  rm -rf "$W/built/$name"; mv "$at" "$W/built/$name"
}

# scan MODE NAME DIRS: both presets, with the facts dumped
scan() {
  local mode=$1 name=$2 dirs=$3 out="$W/$results/$2" cc=() args=()
  IFS=, read -r -a args <<<"$dirs"
  [ "$mode" = flags ] && cc=(--compile-commands "$W/src/$name/_rlbuild/compile_commands.json")
  echo '{"extends":"racelint:strict"}' >"$W/$results/strict.json"
  for preset in default strict; do
    local conf=()
    [ "$preset" = strict ] && conf=(--config "$W/$results/strict.json")
    (cd "$W/src/$name" &&
      RACELINT_DUMP_C_FACTS="$out.$mode.$preset.facts" nice -n 10 "$racelint" --no-cache \
        --fail-on none --format json -o "$out.$mode.$preset.json" --exclude .pc \
        --exclude _rlbuild --root . "${cc[@]}" "${conf[@]}" "${args[@]}" 2>"$out.$mode.$preset.stderr") ||
      { echo "agree.sh: racelint failed on $name ($mode, $preset)" >&2; return 1; }
  done
}

selected | while read -r name version kind dirs opts; do
  pristine "$name" "$version" >/dev/null || continue
  if [ "$rebuild" = 1 ] || [ ! -s "$W/built/$name/_rlbuild/compile_commands.json" ]; then
    build "$name" "$kind" "$opts" || continue
  fi
  # build-free: a pristine copy at the path the build used
  rm -rf "$W/src/$name"; cp -a "$W/pristine/$name" "$W/src/$name"
  scan free "$name" "$dirs" || { rm -rf "$W/src/$name"; continue; }
  rm -rf "$W/src/$name"
  # the real flags: the built tree, moved back to where it was built
  mv "$W/built/$name" "$W/src/$name"
  scan flags "$name" "$dirs" || true
  mv "$W/src/$name" "$W/built/$name"
  echo "$name $version" >"$W/$results/$name.version"
done
names=$(selected | awk '{print $1}' | tr '\n' ' ')
python3 "$here/compare.py" --results "$results" "$W" $names
