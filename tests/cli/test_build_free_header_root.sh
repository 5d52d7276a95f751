#!/usr/bin/env bash
# Build-free C outside git: `racelint src` in an unpacked tarball takes src/
# as the root, and the package's headers lie beside it (../include). They
# are looked for up to the package's top (configure.ac, configure.in,
# configure, debian/, a meson.build or CMakeLists.txt declaring project()),
# at most 3 levels up, as a fallback only: a header below the root wins, and
# a generated header's bare name (config.h) counts only beside its template.
. "$(dirname "$0")/lib.sh"
expect_no_err() { if grep -qF -- "$1" <<<"$ERR"; then fail "${2:-}: stderr has '$1'"; else ok; fi; }
printf '{ "extends": "racelint:strict" }\n' >"$T/strict.json"

# A lock-balance case that reads right only when API_FAILED is defined: with
# the header missing, clang drops `return API_FAILED;` and the two unlocks
# run into each other.
lock_c() {
  cat >"$1" <<C
#include <pthread.h>
#include $2
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
int step(int x) {
  pthread_mutex_lock(&mu);
  if (x) {
    pthread_mutex_unlock(&mu);
    return API_FAILED;
  }
  pthread_mutex_unlock(&mu);
  return 0;
}
int leak(int x) {
  pthread_mutex_lock(&mu);
  if (x) return 1;
  pthread_mutex_unlock(&mu);
  return 0;
}
C
}

# 1. autoconf package: <pkg/api.h> in ../include, config.h from the top's
#    template; a config.h of another program above the root is not it, and
#    a header of the root's own wins over a same-named one above it
P="$T/pkg"
mkdir -p "$P/include/pkg" "$P/src/core" "$P/src/util" "$P/tools/include" "$P/other"
printf 'AC_INIT([pkg], [1])\n' >"$P/configure.ac"
printf '#undef HAVE_PTHREAD_H\n#undef PACKAGE_VERSION\n' >"$P/config.h.in"
printf '#define API_FAILED (-1)\n' >"$P/include/pkg/api.h"
printf '#error the config.h of tools/, not the package one\n' >"$P/tools/include/config.h"
printf '#define LOCAL_ONE 1\n' >"$P/src/util/common.h"
printf '#error the common.h above the root, not src/util/common.h\n' >"$P/other/common.h"
lock_c "$P/src/core/lock.c" '<pkg/api.h>'
sed -i '1i #include "config.h"\n#include "common.h"' "$P/src/core/lock.c"
run --no-cache --config "$T/strict.json" "$P/src"
expect_no_out "parse-error" "the headers above the root are found"
expect_no_err "analysed without" "no file lacks a header"
expect_no_out "already unlocked" "return API_FAILED kept"
expect_out "lock.c:17:10: error:" "the real leak, at error severity"
expect_err "2 include directories" "include/ and src/util/ voted for"
expect_err "1 stand-in" "config.h stood in for from the top's template"
expect_out "src/core/lock.c:" "paths stay relative to the scanned directory (the report root)"
expect_no_out "src/src/" "no doubled prefix"

# 2. --root names the root: nothing above it is looked at
run --no-cache --config "$T/strict.json" --root "$P/src" "$P/src"
expect_err "not found: pkg/api.h" "--root bounds the header search"

# 3. meson: a subdirectory's meson.build (add_project_arguments is no
#    project()) is not the top; the top's is
M="$T/mesonpkg"
mkdir -p "$M/include" "$M/lib"
printf "project ('mp', 'c')\nsubdir('lib')\n" >"$M/meson.build"
printf "add_project_arguments('-DX', language: 'c')\nlibrary('mp', 'lock.c')\n" >"$M/lib/meson.build"
printf '#define API_FAILED (-1)\n' >"$M/include/mp.h"
lock_c "$M/lib/lock.c" '"mp.h"'
run --no-cache --config "$T/strict.json" "$M/lib"
expect_no_err "analysed without" "mp.h found at the meson project's top"
expect_out "lock.c:15:10: error:" "the leak"
expect_no_out "already unlocked" "return API_FAILED kept (meson)"

# unreached DIR SRC HEADER WHY: DIR/include/HEADER is out of the header
# search of a scan of DIR/SRC (its lock.c includes it)
unreached() {
  mkdir -p "$1/include" "$1/$2"
  printf '#define API_FAILED (-1)\n' >"$1/include/$3"
  lock_c "$1/$2/lock.c" "\"$3\""
  run --no-cache --config "$T/strict.json" "$1/$2"
  expect_err "not found: $3" "$4"
}

# 4. no package top within 3 levels: the search stays below the root
mkdir -p "$T/deep"
printf 'AC_INIT([deep], [1])\n' >"$T/deep/configure.ac"
unreached "$T/deep" a/b/c/src deep.h "a top 4 levels up is not climbed to"

# 5. a directory with only a Makefile is no package top: not climbed past
#    an unmarked parent to an unrelated tree
mkdir -p "$T/plain"
printf 'all:\n' >"$T/plain/Makefile"
unreached "$T/plain" src plain.h "a Makefile alone marks no top"

# 6. a header found above the root is read like a scanned one: its
#    HAVE_CONFIG_H test and <config.h> give -DHAVE_CONFIG_H and the stand-in,
#    so what config.h guards (<inttypes.h>'s PRIu32) is there
Q="$T/qb"
mkdir -p "$Q/include" "$Q/lib"
printf 'AC_INIT([qb], [1])\n' >"$Q/configure.ac"
printf '#undef HAVE_INTTYPES_H\n' >"$Q/include/config.h.in"
cat >"$Q/include/os_base.h" <<'H'
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif
#ifdef HAVE_INTTYPES_H
#include <inttypes.h>
#endif
H
cat >"$Q/lib/dump.c" <<'C'
#include <stdint.h>
#include <stdio.h>
#include "os_base.h"
void dump(uint32_t line) { printf("%6" PRIu32 "\n", line); }
C
run --no-cache "$Q/lib"
expect_no_out "parse-error" "PRIu32 defined: config.h stood in for through os_base.h"
expect_err "1 stand-in" "the config.h os_base.h includes"

# 7. a template below the root wins over a same-named one above it
R="$T/two"
mkdir -p "$R/src"
printf 'AC_INIT([two], [1])\n' >"$R/configure.ac"
printf '#define TOP_TEMPLATE 1\n' >"$R/config.h.in"
printf '#define SRC_PLUS +\n' >"$R/src/config.h.in"
# with the top's template, SRC_PLUS is no operator: a syntax error
printf '#include "config.h"\nint two(void) { return 1 SRC_PLUS 1; }\n' >"$R/src/two.c"
run --no-cache "$R/src"
expect_no_err "analysed without" "config.h from src/config.h.in"
expect_err "1 stand-in" "config.h stood in for"
finish
