#!/usr/bin/env bash
# Build-free C agrees with the real flags (docs/buildfree.md) on a fake
# project (tests/buildfree/platform): a Windows copy of a generated header
# (win32/proj-config.h) does not stand in for the one CMake makes from
# proj-config.h.cmake; the stand-in defines PROJ_HAVE_PTHREADS and the
# prefixed PROJ_HAVE_SYS_TYPES_H; a header found only in msvc/ is still
# found. RACELINT_DUMP_C_FACTS then prints the same per-function facts as a
# run with a compile_commands.json, and there a file the database has no
# entry for (tests/test_queue.c) gets the build-free flags. An autoconf
# project (tests/buildfree/autoconf) gets -DHAVE_CONFIG_H and its headers
# outside the scanned directory.
. "$(dirname "$0")/lib.sh"
P="$T/proj"
cp -R "$SRC_DIR/tests/buildfree/platform" "$P"
printf '{ "extends": "racelint:strict" }\n' >"$T/strict.json"
# 1. build-free: the lock leak of the pthreads build is seen, nothing lowered
RACELINT_DUMP_C_FACTS="$T/free.facts" run --config "$T/strict.json" --root "$P" "$P"
expect_out "queue.c:21:22: error:" "the leak on the early return (pthreads configuration), not lowered"
expect_out "[lock-balance]" "reported by lock-balance"
expect_err "1 stand-in" "proj-config.h stood in for from its template"
expect_no_out "parse-error" "no parse error"
if grep -qP '^F\tsrc/queue.c\t1\t0\t0\t-$' "$T/free.facts"; then ok; else
  fail "dump: queue.c analysed, complete, nothing missing: $(grep -P '^F\tsrc/queue.c' "$T/free.facts")"; fi
if grep -qP '^f\tsrc/queue.c\tq_push\t19\t' "$T/free.facts"; then ok; else
  fail "dump: q_push's line"; fi
# 2. the same files with the flags CMake would give (its generated header
#    in a build directory outside the root)
mkdir -p "$T/build"
cat >"$T/build/proj-config.h" <<'H'
#ifndef PROJ_CONFIG_H
#define PROJ_CONFIG_H
#define PROJ_HAVE_PTHREADS 1
#define PROJ_HAVE_SYS_TYPES_H 1
/* #undef PROJ_HAVE_NO_SUCH_HEADER_H */
#define PROJ_VERSION "1.0"
#endif
H
cat >"$T/build/compile_commands.json" <<J
[{"directory": "$T/build", "file": "$P/src/queue.c",
  "command": "cc -I$T/build -I$P/msvc -c $P/src/queue.c"}]
J
RACELINT_DUMP_C_FACTS="$T/flags.facts" run --config "$T/strict.json" --root "$P" \
  --compile-commands "$T/build/compile_commands.json" "$P"
expect_out "queue.c:21:22: error:" "the same leak with the real flags"
# a file the database has no entry for gets the build-free flags
expect_err "1 C file without a compile_commands.json entry" "said once"
if grep -qP '^F\ttests/test_queue.c\t1\t0\t0\t-$' "$T/flags.facts"; then ok; else
  fail "dump: tests/test_queue.c complete: $(grep -P '^F\ttests/test_queue.c' "$T/flags.facts")"; fi
a=$(grep -P '^f\tsrc/queue.c\t' "$T/free.facts")
b=$(grep -P '^f\tsrc/queue.c\t' "$T/flags.facts")
if [ -n "$a" ] && [ "$a" = "$b" ]; then ok; else
  fail "per-function facts differ: build-free [$a] flags [$b]"; fi
# 3. near-miss: with the template gone, the Windows copy is all there is
#    and is used (no stand-in, no parse error; its configuration has no
#    pthreads, so no lock and no finding)
rm "$P/proj-config.h.cmake"
RACELINT_DUMP_C_FACTS="$T/win.facts" run --config "$T/strict.json" --root "$P" "$P"
expect_no_out "[lock-balance]" "the Windows configuration has no lock"
expect_no_out "parse-error" "the Windows copy found"
b=$(grep -P '^f\tsrc/queue.c\t' "$T/win.facts")
if [ -n "$b" ] && [ "$a" != "$b" ]; then ok; else fail "the dump tells the configurations apart"; fi
# 4. an autoconf project scanned as `racelint src`: -DHAVE_CONFIG_H (the
#    sources test it; config.h.in is there), config.h stood in for (not
#    dos/config.h), HAVE_STDBOOL_H on (a compiler header), PACKAGE_BUGREPORT
#    some string, <mylib/api.h> found below the root outside src/
A="$T/autoconf"
cp -R "$SRC_DIR/tests/buildfree/autoconf" "$A"
RACELINT_DUMP_C_FACTS="$T/ac.facts" run --config "$T/strict.json" --root "$A" "$A/src"
expect_out "worker.c:25:16: error:" "the leak of the pthreads configuration, not lowered"
expect_no_out "parse-error" "no parse error"
expect_err "1 stand-in" "config.h stood in for"
if grep -qP '^F\tsrc/worker.c\t1\t0\t0\t-$' "$T/ac.facts"; then ok; else
  fail "dump: worker.c complete: $(grep -P '^F\tsrc/worker.c' "$T/ac.facts")"; fi
# 4. the stand-ins do not depend on the cache: --no-cache, with a cache
#    directory nobody made yet, stands in for proj-config.h the same way
#    (its stub directory's parents are made)
cp -R "$SRC_DIR/tests/buildfree/platform" "$T/proj4"
XDG_CACHE_HOME="$T/fresh-xdg/never-made" run --no-cache --config "$T/strict.json" --root "$T/proj4" "$T/proj4"
expect_err "1 stand-in" "--no-cache, no cache directory yet: proj-config.h still stood in for"
expect_out "queue.c:21:22: error:" "--no-cache: the same finding"
# 5. an error that follows from a stand-in's missing macros (`#if 64 /
#    SIZEOF_VOID_P`: division by zero) is the run's setup, told in the run
#    notice, not a parse-error finding on a correct file; a real syntax
#    error in a file that includes no stand-in still is one
mkdir -p "$T/pe/src"
printf '#undef SIZEOF_VOID_P\n' >"$T/pe/config.h.in"
printf '#include "config.h"\n#if 64 / SIZEOF_VOID_P > 4\nint small;\n#endif\nint f(void) { return 1; }\n' >"$T/pe/src/ptr.c"
printf 'int g(void) { return 1 +; }\n' >"$T/pe/src/broken.c"
run --no-cache --root "$T/pe" "$T/pe"
expect_err "1 stand-in" "config.h stood in for"
expect_no_out "ptr.c" "no parse-error finding on the file the stand-in broke"
expect_err "1 C file was analysed without some of its build's headers or macros" "told in the run notice"
expect_out "broken.c:1:25: note: syntax error" "a real syntax error still reported"
# 6. a parse error in a file that includes a stand-in (a platform branch
#    the generated header would have left out: WINAPI from a header of
#    another system) is racelint:strict only (rules/parse-error.md,
#    "Presets"); the default preset tells it in the run notice
printf '#undef HAVE_GETTIMEOFDAY\n' >"$T/pe/config.h.in"
printf '#include "config.h"\n#ifndef HAVE_GETTIMEOFDAY\ntypedef void (WINAPI *now_fn)(void);\n#endif\nint h(void) { return 1; }\n' >"$T/pe/src/clock.c"
run --no-cache --root "$T/pe" "$T/pe"
expect_no_out "clock.c" "default: no parse-error finding in a file that includes a stand-in"
expect_err "2 C files were analysed without some of their build's headers or macros" "told in the run notice"
expect_out "broken.c:1:25: note: syntax error" "default: the file without a stand-in still reported"
run --no-cache --config "$T/strict.json" --root "$T/pe" "$T/pe"
expect_out "clock.c:3:22: note: syntax error" "strict: reported"
expect_no_out "ptr.c" "strict: a preprocessor error a stand-in caused is still the run's setup"
finish
