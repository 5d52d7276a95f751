#!/usr/bin/env bash
# A cached C result notices a header that did not exist when it was cached,
# wherever an #include could now find it: the file's own directory, an -I
# directory, an -I directory that did not exist yet, an earlier -I directory
# shadowing the header found before (issue 14, 09). Each cached run must
# print what an uncached run prints.
. "$(dirname "$0")/lib.sh"
P="$T/p"
mkdir -p "$P" "$T/inc2"
cat >"$P/main.c" <<'C'
#include <fcntl.h>
#include <unistd.h>
#include "cfg.h"
int take(void) {
  if (access(LOCK_PATH, W_OK) == 0) return -1;
  return open(OPENED, O_WRONLY | O_CREAT, 0600);
}
C
same() { # label ARGS...: the cached run (after a warm-up) equals an uncached one
  local label=$1; shift
  "$RACELINT" --no-color --no-cache "$@" "$P" >"$T/u" 2>&1 || true
  "$RACELINT" --no-color --cache-dir "$T/c" "$@" "$P" >"$T/c1" 2>&1 || true
  if cmp -s "$T/u" "$T/c1"; then ok; else OUT=$(diff "$T/u" "$T/c1"); ERR=""; fail "$label"; fi
}
args=(-I "$T/inc1" -I "$T/inc2")
same "no header anywhere" "${args[@]}"
# 1. created in an -I directory that did not exist
mkdir -p "$T/inc1"
same "a new -I directory" "${args[@]}"
printf '#define LOCK_PATH "/tmp/a"\n#define OPENED "/tmp/b"\n' >"$T/inc2/cfg.h"
same "created in the second -I directory" "${args[@]}"
# 2. an earlier -I directory now shadows it (same paths: a finding appears)
printf '#define LOCK_PATH "/tmp/a"\n#define OPENED "/tmp/a"\n' >"$T/inc1/cfg.h"
same "shadowed by the first -I directory" "${args[@]}"
"$RACELINT" --no-color --cache-dir "$T/c" "${args[@]}" "$P" >"$T/c2" 2>&1 || true
if grep -q "check-then-act" "$T/c2"; then ok; else OUT=$(cat "$T/c2"); ERR=""; fail "the shadowing header is used"; fi
# 3. created next to the source (a quote include looks there first)
printf '#define LOCK_PATH "/tmp/x"\n#define OPENED "/tmp/y"\n' >"$P/cfg.h"
same "created next to the source" "${args[@]}"
"$RACELINT" --no-color --cache-dir "$T/c" "${args[@]}" "$P" >"$T/c3" 2>&1 || true
if grep -q "check-then-act" "$T/c3"; then OUT=$(cat "$T/c3"); ERR=""; fail "the header next to the source wins"; else ok; fi
finish
