#!/usr/bin/env bash
# libclang is loaded at run time: the binary does not link it, a JS/TS-only
# scan needs none, and when C files are found but no libclang can be loaded,
# ONE notice names the Debian package, the C files are skipped and counted,
# and the JS/TS findings are unchanged. RACELINT_LIBCLANG replaces the
# library search list (here: names that cannot load).
. "$(dirname "$0")/lib.sh"
mkdir -p "$T/p/sub"
bad_js "$T/p/app.js"
cp "$SRC_DIR/testdata/c/lock-order/abba.c" "$T/p/abba.c"
cp "$SRC_DIR/testdata/c/lock-order/abba.c" "$T/p/sub/abba2.c"
printf 'int ok;\n' >"$T/p/sub/plain.h"
# C lock-order is in racelint:strict only (rules/lock-order.md): turn it on
printf '%s\n' '{ "rules": { "lock-order": "error" } }' >"$T/p/.racelint.json"

# The binary needs no libclang to start.
if readelf -d "$RACELINT" | grep NEEDED | grep -qi clang; then
  fail "racelint links libclang: $(readelf -d "$RACELINT" | grep -i clang)"
else ok; fi

run --no-cache "$T/p"
expect_rc 1 "with libclang"
expect_out "[lock-order]" "C findings with libclang"
expect_out "[callback-promise-mix]" "JS findings with libclang"
if grep -q "skipped" <<<"$ERR"; then fail "a notice with libclang"; else ok; fi

export RACELINT_LIBCLANG=/nonexistent/libclang-99.so.1:libclang-does-not-exist.so.1
run --no-cache "$T/p"
expect_rc 1 "no libclang: the JS finding still fails the run, nothing else does"
expect_out "[callback-promise-mix]" "JS finding without libclang"
expect_no_out "[lock-order]" "no C findings without libclang"
expect_err "skipped 3 C files" "C files counted"
expect_err "libclang1-14 or newer" "the Debian package is named"
if [ "$(grep -c libclang <<<"$ERR")" = 1 ]; then ok; else fail "one notice, not one per file"; fi
expect_out "1 finding" "summary counts only the JS finding"

# JS/TS only, no libclang: clean run, no notice at all.
mkdir -p "$T/js"
good_js "$T/js/a.js"
run --no-cache "$T/js"
expect_rc 0 "JS-only without libclang"
if [ -z "$ERR" ]; then ok; else fail "JS-only run printed: $ERR"; fi

# A library that loads but is not libclang: named in the notice.
RACELINT_LIBCLANG=libm.so.6 run --no-cache "$T/p/abba.c"
expect_rc 0 "not libclang: the file is skipped, not an error"
expect_err "skipped 1 C file:" "one file counted"
expect_err "libm.so.6 lacks clang_" "what was wrong with the library"

# Editors: --stdin-filename takes the same path.
set +e
ERR=$(printf 'int x;\n' | "$RACELINT" --no-cache --stdin-filename buf.c 2>&1 >/dev/null)
RC=$?
set -e
expect_rc 0 "stdin C without libclang"
expect_err "skipped 1 C file" "stdin C file counted"
finish
