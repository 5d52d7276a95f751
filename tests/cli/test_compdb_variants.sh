#!/usr/bin/env bash
# More flags of the output / plugin / cache / response-file class than
# cli/compdb_allowlist names (issue 14, 01; variants written by a second
# session): none may make libclang write, load or read a file it names,
# whatever the spelling (joined, separate, long option, through -Xclang or
# -mllvm, a response file, a clang config file); the allowed flags of the
# same entry still work, and the dropped ones are counted in one notice.
. "$(dirname "$0")/lib.sh"
P="$T/p"
O="$T/out" # every path a hostile flag names is in here
mkdir -p "$P/inc" "$P/build" "$O/prof" "$O/mdd" "$O/bin"
printf '#define LOCK_PATH "/tmp/app.lock"\n' >"$P/inc/paths.h"
cat >"$P/main.c" <<'C'
#include <fcntl.h>
#include <unistd.h>
#include "paths.h"
#ifdef FROM_DB
int take(void) {
  if (access(LOCK_PATH, W_OK) == 0) return -1;
  return open(LOCK_PATH, O_WRONLY | O_CREAT, 0600);
}
#endif
C
echo precious >"$O/victim"
# a response file and a clang config file that would add writing flags
printf -- '-MJ %s/victim\n-DFROM_RSP\n' "$O" >"$O/rsp"
printf -- '-MJ %s/victim\n' "$O" >"$O/cfg.cfg"
# a "plugin" that is not one: loading it would fail loudly, never silently
echo 'not a shared object' >"$O/evil.so"
# a fake program a -B prefix would run (the driver execs programs by prefix)
printf '#!/bin/sh\necho ran >%s/ran\n' "$O" >"$O/bin/ld"
chmod +x "$O/bin/ld"
hostile=(
  "-save-temps" "-save-temps=obj" "--save-temps"
  "-fprofile-generate=$O/prof" "-fprofile-generate" "-fprofile-instr-generate=$O/prof/x.profraw"
  "-fcs-profile-generate=$O/prof" "-fprofile-use=$O/prof" "-fprofile-sample-use=$O/victim"
  "-ftime-trace" "-ftime-trace-granularity=0"
  "--serialize-diagnostics" "$O/sd.dia" "--serialize-diagnostics=$O/sd2.dia"
  "-fplugin=$O/evil.so" "-fpass-plugin=$O/evil.so"
  "-Xclang" "-load" "-Xclang" "$O/evil.so" "-Xclang" "-plugin" "-Xclang" "print-fns"
  "-Xclang" "-add-plugin" "-Xclang" "x"
  "-Xclang" "-ast-dump" "-Xclang" "-emit-pch" "-Xclang" "-o" "-Xclang" "$O/x.pch"
  "-mllvm" "-info-output-file=$O/info" "-mllvm" "-stats"
  "-o$O/joined.o" "--output=$O/long.o" "--output" "$O/long2.o"
  "-MD" "-MMD" "-MJ$O/victim" "-MF$O/mf.d" "-MT" "x" "-M" "-MM" "-H"
  "-fsave-optimization-record" "-foptimization-record-file=$O/opt.yaml"
  "-gsplit-dwarf" "-gsplit-dwarf=single"
  "-fmodules" "-fcxx-modules" "-fmodules-cache-path=$O/mc" "-fmodule-file=$O/victim"
  "-fmodule-map-file=$O/victim" "-fprebuilt-module-path=$O" "-module-dependency-dir" "$O/mdd"
  "-fcrash-diagnostics=all" "-fcrash-diagnostics-dir=$O/crash"
  "-B$O/bin" "-B" "$O/bin" "--prefix=$O/bin" "--gcc-toolchain=$O" "-ccc-install-dir" "$O"
  "--config=$O/cfg.cfg" "--config" "$O/cfg.cfg" "@$O/rsp"
  "-fsanitize-ignorelist=$O/victim" "-fprofile-list=$O/victim" "-fxray-attr-list=$O/victim"
  "-ivfsoverlay" "$O/victim" "-include-pch" "$O/x.pch"
  "-Wl,-o,$O/wl" "-Wa,-o,$O/wa" "-Xlinker" "$O/xl" "-Xassembler" "$O/xa"
  "-emit-ast" "-emit-llvm" "-S" "-E" "-###" "-v" "-print-search-dirs" "--help"
)
args='"cc", "-Iinc", "-DFROM_DB"'
for a in "${hostile[@]}"; do args="$args, \"$a\""; done
args="$args, \"-c\", \"main.c\""
printf '[{"directory": "%s", "file": "main.c", "arguments": [%s]}]\n' "$P" "$args" \
  >"$P/build/compile_commands.json"
cd "$P"
run --no-cache .
expect_out "main.c:7:10: error:" "-I and -D of the same entry are used"
expect_no_out "parse-error" "the allowed flags parse"
left=$(cd "$O" && find . -mindepth 1 | sort | tr '\n' ' ')
want='. ./bin ./bin/ld ./cfg.cfg ./evil.so ./mdd ./prof ./rsp ./victim '
if [ "$left" = "$want" ] || [ "$left" = "${want#. }" ]; then ok; else fail "files written by database flags: $left"; fi
if [ "$(cat "$O/victim")" = precious ]; then ok; else fail "-MJ overwrote its target"; fi
n=$(grep -c "compile_commands.json" <<<"$ERR" || true)
if [ "$n" = 1 ]; then ok; else fail "one notice for every dropped flag (got $n lines)"; fi
expect_err "dropped" "the notice says flags were dropped"
# ... and the response file's -D did not reach libclang: it is not read
if grep -q FROM_RSP <<<"$OUT$ERR"; then fail "the response file was read"; else ok; fi

# one flag at a time: each is dropped and counted (not passed on because it
# happens to start like an allowed flag: -m..., -f..., -I...)
for f in "-module-dependency-dir" "-module-file-info" "-fplugin=$O/evil.so" "-ftime-trace" \
         "-save-temps" "-fprofile-generate=$O/prof" "--serialize-diagnostics" "-mllvm" \
         "-Xclang" "@$O/rsp"; do
  printf '[{"directory": "%s", "file": "main.c", "arguments": ["cc", "-Iinc", "-DFROM_DB", "%s", "%s/x", "-c", "main.c"]}]\n' \
    "$P" "$f" "$O" >"$P/build/compile_commands.json"
  run --no-cache .
  expect_err "dropped" "$f is dropped"
  expect_err "'${f:0:20}" "$f is named in the notice"
  expect_out "main.c:7:10: error:" "$f: the entry's -D still used"
done
left=$(cd "$O" && find . -mindepth 1 | sort | tr '\n' ' ')
if [ "$left" = "$want" ] || [ "$left" = "${want#. }" ]; then ok; else fail "files written by single flags: $left"; fi

# a command string splits the same way: -o joined and separate, quotes
printf '[{"directory": "%s", "file": "main.c", "command": "cc -Iinc -DFROM_DB '"'"'-MJ'"'"' %s/q1 \\"-fplugin=%s/evil.so\\" -o%s/q2 -c main.c"}]\n' \
  "$P" "$O" "$O" "$O" >"$P/build/compile_commands.json"
run --no-cache .
expect_out "main.c:7:10: error:" "command string: -D used"
if [ ! -e "$O/q1" ] && [ ! -e "$O/q2" ]; then ok; else fail "command string: files written"; fi
expect_err "-fplugin=" "command string: the plugin is named as dropped"
finish
