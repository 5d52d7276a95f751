#!/usr/bin/env bash
# Build-free C: without compile_commands.json, include directories come from
# the sources' #include lines, a missing generated config.h is stood in for
# (from config.h.in when there is one), and a compile_commands.json below
# the root is used. Findings after a parse error are notes, said once.
. "$(dirname "$0")/lib.sh"
P="$T/proj"
mkdir -p "$P/src/daemon" "$P/src/plugins" "$P/lib/include/proj"
cat >"$P/config.h.in" <<'H'
/* Define to 1 if you have the <pthread.h> header file. */
#undef HAVE_PTHREAD_H
/* Define to 1 if you have the <no_such_header_here.h> header file. */
#undef HAVE_NO_SUCH_HEADER_HERE_H
#undef PACKAGE_VERSION
H
cat >"$P/src/daemon/core.h" <<'H'
#include "config.h"
#if HAVE_PTHREAD_H
#include <pthread.h>
#endif
#define DONE 0
H
cat >"$P/lib/include/proj/api.h" <<'H'
#define API_FAILED (-1)
H
# a project header included with <> and no directory part (found below the
# root), and a copy of a system header's name that must not shadow it
mkdir -p "$P/deps" "$P/compat"
printf '#define LIST_EMPTY 0\n' >"$P/deps/plist.h"
printf '#ifdef LIST_EMPTY\n#error the system header was shadowed\n#endif\n' >"$P/compat/pthread.h"
cat >"$P/src/plugins/plugin.c" <<'C'
#include "core.h"
#include <proj/api.h>
#include <plist.h>
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
int step(int x) {
  pthread_mutex_lock(&mu);
  if (x) {
    pthread_mutex_unlock(&mu);
    return API_FAILED;
  }
  pthread_mutex_unlock(&mu);
  return DONE + LIST_EMPTY;
}
int leak(int x) {
  pthread_mutex_lock(&mu);
  if (x) return DONE;
  pthread_mutex_unlock(&mu);
  return DONE;
}
C
# lock-balance is in racelint:strict (rules/lock-balance.md): on for this project
printf '{ "extends": "racelint:strict" }\n' >"$P/.racelint.json"
# 1. the headers are found, config.h is stood in for: no parse error, and
#    the unlock-then-return is not read as a double unlock
run "$P"
expect_no_out "parse-error" "no parse error without flags"
expect_no_out "already unlocked" "return API_FAILED kept"
expect_out "plugin.c:16:10: error:" "the real leak at error severity"
expect_err "3 include directories" "discovery said once (<plist.h> found, <pthread.h> the system's)"
expect_err "1 stand-in" "config.h stood in for"
# 2. a missing third-party header: no parse-error finding for the file (it
#    is valid C), the findings after it are notes, both said once per run
sed -i '1i #include <not_installed/anywhere.h>' "$P/src/plugins/plugin.c"
run "$P"
expect_no_out "[parse-error]" "a missing header is no finding of the file"
expect_out "plugin.c:17:10: note:" "finding after the parse error lowered"
expect_err "1 C file was analysed without some of its build's headers" "the setup said once"
expect_err "not found: not_installed/anywhere.h" "the missing header named"
expect_err "reported as notes" "the lowering said once"
expect_err "bear -- make" "how to give the flags"
# 2b. the same with parse-error off: the findings are still lowered
run --disable parse-error "$P"
expect_out "plugin.c:17:10: note:" "lowered with parse-error off"
# 2c. a syntax error of the file itself is a finding of the file
sed -i '1d' "$P/src/plugins/plugin.c"
printf 'int broken(void) { return 1 }\n' >>"$P/src/plugins/plugin.c"
run "$P"
expect_out "[parse-error]" "a syntax error is reported"
expect_out "plugin.c:16:10: error:" "a finding before the syntax error keeps its severity"
expect_no_out "analysed without" "no setup notice for a syntax error"
sed -i '$d' "$P/src/plugins/plugin.c"
sed -i '1i #include <not_installed/anywhere.h>' "$P/src/plugins/plugin.c"
# 3. a compile_commands.json in out/ is used (its flags name the header dir)
sed -i '1d' "$P/src/plugins/plugin.c"
mkdir -p "$P/out/debug"
cat >"$P/out/debug/compile_commands.json" <<J
[{"directory": "$P", "file": "src/plugins/plugin.c",
  "command": "cc -DHAVE_PTHREAD_H=1 -Isrc/daemon -Ilib/include -Ideps -I$P/out/debug -c src/plugins/plugin.c"}]
J
printf '#define HAVE_PTHREAD_H 1\n' >"$P/out/debug/config.h"
run "$P"
expect_no_out "include director" "no discovery with a database"
expect_out "plugin.c:16:10: error:" "finding with the database's flags"
expect_no_out "plugin.c:1:10: note: syntax error" "the database's flags suffice for plugin.c"
finish
