#!/usr/bin/env bash
# Variants of issue 14/09 written by a second session: a header that
# appears after a result was cached must be noticed when it
# - lands in an -I directory that did not exist yet,
# - lands in a subdirectory the include names ("gen/cfg.h"), created later,
# - shadows a header found before, in an earlier -I directory,
# - lands in a directory a .racelint.json includeDirs names.
# Each cached run must equal a --no-cache run.
. "$(dirname "$0")/lib.sh"
P="$T/p"
mkdir -p "$P"
body='#include <fcntl.h>
#include <unistd.h>
#if ENABLE
int take(const char *p) {
  if (access(p, W_OK) != 0) return -1;
  return open(p, O_WRONLY);
}
#endif'
on='#define ENABLE 1'
cd "$T"
# same ARGS...: a cached run (cache $T/c) equals an uncached one
same() {
  local what=$1
  shift
  run --no-color --no-cache "$@"
  local want=$OUT wrc=$RC
  run --no-color --cache-dir "$T/c" "$@"
  if [ "$RC" = "$wrc" ] && [ "$OUT" = "$want" ]; then ok; else
    OUT="cached:
$OUT
uncached:
$want"; fail "$what: the cached run differs"; fi
}
finding() { if grep -q "check-then-act" <<<"$OUT"; then ok; else fail "$1: no finding"; fi; }

# 1. an -I directory created after the first run
rm -rf "$T/c" "$T/late"
printf '#include "cfg1.h"\n%s\n' "$body" >"$P/a.c"
same "missing -I directory" -I "$T/late" p/a.c
mkdir -p "$T/late" && echo "$on" >"$T/late/cfg1.h"
same "-I directory created later" -I "$T/late" p/a.c
finding "-I directory created later"

# 2. a subdirectory named by the include, created later
rm -rf "$T/c" "$P/gen"
printf '#include "gen/cfg2.h"\n%s\n' "$body" >"$P/b.c"
same "missing subdirectory" p/b.c
mkdir -p "$P/gen" && echo "$on" >"$P/gen/cfg2.h"
same "subdirectory created later" p/b.c
finding "subdirectory created later"

# 3. a header shadowing the one found before
rm -rf "$T/c" "$T/i1" "$T/i2"
mkdir -p "$T/i1" "$T/i2"
echo '#define ENABLE 0' >"$T/i2/cfg3.h"
printf '#include <cfg3.h>\n%s\n' "$body" >"$P/c.c"
same "header in the later directory" -I "$T/i1" -I "$T/i2" p/c.c
echo "$on" >"$T/i1/cfg3.h"
same "a shadowing header in the earlier directory" -I "$T/i1" -I "$T/i2" p/c.c
finding "a shadowing header"

# 4. includeDirs of a config
rm -rf "$T/c" "$T/q"
mkdir -p "$T/q"
printf '{"c": {"includeDirs": ["cfgdir"]}}\n' >"$T/q/.racelint.json"
printf '#include "cfg4.h"\n%s\n' "$body" >"$T/q/d.c"
same "missing includeDirs directory" q
mkdir -p "$T/q/cfgdir" && echo "$on" >"$T/q/cfgdir/cfg4.h"
same "includeDirs directory created later" q
finding "includeDirs directory created later"
finish
