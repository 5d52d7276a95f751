#!/usr/bin/env bash
# compile_commands.json: used when found, malformed ones reported, hostile
# flags dropped, and the C analysis goes on.
. "$(dirname "$0")/lib.sh"
P="$T/cproj"
mkdir -p "$P/include" "$P/build"
cat >"$P/include/paths.h" <<'H'
#define LOCK_PATH "/tmp/app.lock"
H
cat >"$P/main.c" <<'C'
#include <fcntl.h>
#include <unistd.h>
#include "paths.h"
int probe(const char *p) {
  if (access(p, W_OK) != 0) return -1;
  return open(p, O_WRONLY);
}
int take(void) {
  if (access(LOCK_PATH, W_OK) == 0) return -1;
  return open(LOCK_PATH, O_WRONLY | O_CREAT, 0600);
}
C
# 1. no database, no -I: the header is found from the #include line
#    (build-free discovery; a header missing everywhere: test_build_free.sh)
run "$P"
expect_out "main.c:6:10: error:" "finding in code that does not need the header"
expect_out "main.c:10:10: error:" "finding with the discovered include directory"
expect_err "1 include directory" "discovery said once"
# 2. -I fixes it
run -I "$P/include" "$P"
expect_out "main.c:10:10: error:" "finding with -I"
expect_no_out "parse-error" "no parse error with -I"
# 3. compile_commands.json in build/ is found automatically
cat >"$P/build/compile_commands.json" <<J
[{"directory": "$P", "file": "main.c", "command": "cc -Iinclude -c main.c -o main.o"}]
J
run "$P"
expect_no_out "parse-error" "flags from build/compile_commands.json"
expect_out "main.c:10:10: error:" "finding with the database"
# 4. malformed database given explicitly: an error, but the scan goes on
printf '[{"directory": ' >"$T/bad.json"
run --compile-commands "$T/bad.json" "$P"
expect_rc 2 "malformed --compile-commands is an error"
expect_err "invalid JSON" "malformed database message"
expect_out "main.c:6:10: error:" "C file analysed anyway"
# 5. hostile flags are dropped, never executed or loaded
cat >"$T/plugin.c" <<'C'
#include <stdio.h>
__attribute__((constructor)) static void pwn(void) { FILE *f = fopen(MARKER, "w"); if (f) fclose(f); }
C
cc -shared -fPIC -DMARKER="\"$T/PWNED\"" -o "$T/evil.so" "$T/plugin.c"
cat >"$P/build/compile_commands.json" <<J
[{"directory": "$P", "file": "main.c", "arguments": ["cc", "-Iinclude",
  "-fplugin=$T/evil.so", "-Xclang", "-load", "-Xclang", "$T/evil.so",
  "-fpass-plugin=$T/evil.so", "-B$T", "@$T/rsp", "-MF", "$T/deps.d", "-c", "main.c"]}]
J
run "$P"
if [ -e "$T/PWNED" ]; then fail "plugin was loaded"; else ok; fi
if [ -e "$T/deps.d" ]; then fail "dependency file was written"; else ok; fi
expect_err "dropped" "dropped flags reported"
expect_out "main.c:10:10: error:" "analysis with the safe flags"
finish
