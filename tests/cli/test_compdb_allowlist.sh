#!/usr/bin/env bash
# compile_commands.json flags reach libclang only through an allow-list:
# no flag of the database can make libclang write a file (dependency files,
# compilation databases, module caches, diagnostics files, ...), whatever its
# spelling; the flags analysis needs (-I, -D, -U, -include, -std, -x) still
# work; everything dropped is counted in ONE notice (issue 14, 01).
. "$(dirname "$0")/lib.sh"
P="$T/p"
O="$T/out" # every path a hostile flag names is in here
mkdir -p "$P/inc" "$P/build" "$O"
printf '#define LOCK_PATH "/tmp/app.lock"\n' >"$P/inc/paths.h"
printf '#define FROM_INCLUDE 1\n' >"$P/inc/pre.h"
cat >"$P/main.c" <<'C'
#include <fcntl.h>
#include <unistd.h>
#include "paths.h"
#if defined(FROM_DB) && !defined(UNDEFINED_BY_DB) && FROM_INCLUDE
int take(void) {
  if (access(LOCK_PATH, W_OK) == 0) return -1;
  return open(LOCK_PATH, O_WRONLY | O_CREAT, 0600);
}
#endif
C
echo precious >"$O/victim"
args='"cc", "-Iinc", "-D", "FROM_DB", "-DUNDEFINED_BY_DB", "-U", "UNDEFINED_BY_DB",
  "-include", "inc/pre.h", "-std=c11", "-x", "c", "-Wall", "-O2", "-g",
  "-MJ", "'$O'/victim", "-MJ'$O'/mj2",
  "-Wp,-MD,'$O'/wp.d", "-Wp,-MMD,'$O'/wp2.d", "-MD", "-MF", "'$O'/md.d",
  "-MMD", "-MF'$O'/mmd.d", "--write-dependencies", "--write-user-dependencies",
  "-fmodules", "-fmodules-cache-path='$O'/modcache", "-fimplicit-modules",
  "-fcrash-diagnostics-dir='$O'/crash", "-ftime-trace", "-ftime-trace-granularity=1",
  "--serialize-diagnostics", "'$O'/diag.dia", "-serialize-diagnostics", "'$O'/diag2.dia",
  "-Xclang", "-dependency-file", "-Xclang", "'$O'/x.d", "-Xclang", "-MT", "-Xclang", "x",
  "-Xclang", "-header-include-file", "-Xclang", "'$O'/hdr.txt",
  "-Xclang", "-stats-file='$O'/stats", "-save-stats='$O'", "-save-temps='$O'",
  "-dependency-dot", "'$O'/dot", "-fprofile-instr-generate='$O'/prof", "@'$O'/rsp",
  "-o", "'$O'/main.o", "-c", "main.c"'
printf '[{"directory": "%s", "file": "main.c", "arguments": [%s]}]\n' "$P" "$args" \
  >"$P/build/compile_commands.json"
cd "$P"
run --no-cache .
expect_out "main.c:7:10: error:" "-I, -D, -U and -include from the database are used"
expect_no_out "parse-error" "the allowed flags parse"
left=$(cd "$O" && find . -mindepth 1 ! -name victim | sort | tr '\n' ' ')
if [ -z "$left" ]; then ok; else fail "files written by database flags: $left"; fi
if [ "$(cat "$O/victim")" = precious ]; then ok; else fail "-MJ overwrote its target"; fi
n=$(grep -c "compile_commands.json" <<<"$ERR" || true)
if [ "$n" = 1 ]; then ok; else fail "one notice for every dropped flag (got $n lines)"; fi
expect_err "dropped" "the notice says flags were dropped"
expect_err "'-MJ " "the notice names examples"

# the same database through .racelint.json (the path the editor server uses)
mv build/compile_commands.json "$T/db.json"
printf '{"c": {"compileCommands": "%s"}}\n' "$T/db.json" >.racelint.json
run --no-cache .
expect_out "main.c:7:10: error:" "config compileCommands: allowed flags used"
left=$(cd "$O" && find . -mindepth 1 ! -name victim | sort | tr '\n' ' ')
if [ -z "$left" ]; then ok; else fail "config compileCommands: files written: $left"; fi

# a command string (not an argument array) goes through the same filter
rm .racelint.json
printf '[{"directory": "%s", "file": "main.c", "command": "cc -Iinc -DFROM_DB -include inc/pre.h -MJ %s/cmd.json -Wp,-MD,%s/cmd.d -c main.c"}]\n' \
  "$P" "$O" "$O" >build/compile_commands.json
run --no-cache .
expect_out "main.c:7:10: error:" "command string: allowed flags used"
if [ ! -e "$O/cmd.json" ] && [ ! -e "$O/cmd.d" ]; then ok; else fail "command string: files written"; fi
finish
