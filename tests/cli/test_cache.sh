#!/usr/bin/env bash
# The result cache never changes the output: cold, warm and uncached runs are
# byte-identical, also after a file changes (cross-file findings included),
# after a C header changes, with corrupt entries, and with two processes
# sharing the directory.
. "$(dirname "$0")/lib.sh"
C="$T/cache"
P="$T/p"
mkdir -p "$P"
cp -r "$SRC_DIR/examples" "$SRC_DIR/testdata" "$P/"
cd "$P"
same() { # label: compares cached (cold, then warm) with uncached output
  for fmt in text json sarif; do
    "$RACELINT" --no-color --no-cache --format "$fmt" . >"$T/u.$fmt" 2>/dev/null
    "$RACELINT" --no-color --cache-dir "$C" --format "$fmt" . >"$T/c1.$fmt" 2>/dev/null
    "$RACELINT" --no-color --cache-dir "$C" --format "$fmt" . >"$T/c2.$fmt" 2>/dev/null
    if cmp -s "$T/u.$fmt" "$T/c1.$fmt" && cmp -s "$T/u.$fmt" "$T/c2.$fmt"; then ok; else
      OUT=$(diff "$T/u.$fmt" "$T/c2.$fmt" | head -20); ERR=""; fail "$1: $fmt differs with the cache"; fi
  done
}
same "first run"
if [ -n "$(find "$C" -type f | head -1)" ]; then ok; else fail "cache entries written"; fi
# a change that creates a cross-file finding in another (unchanged) file
cat >"testdata/js/callback-promise-mix/cross_file/handlers.js" <<'JS'
// expect-none
export async function notifyUser(u) { await fetch(`/notify/${u.id}`); }
export async function formatUser(u) { return `${u.name}`; }
export default async function saveAll(u) { await fetch('/save', { body: u }); }
JS
same "after an edit with a cross-file effect"
"$RACELINT" --no-color --cache-dir "$C" . >"$T/x" 2>/dev/null
if grep -q "main.js:9:9: .*formatUser\|main.js:9:9: error" "$T/x"; then ok; else fail "the new cross-file finding appears (warm)"; fi
# a C header change invalidates the file that includes it
mkdir -p cproj
printf '#define CHECKED "/tmp/a"\n#define OPENED "/tmp/b"\n' >cproj/paths.h
cat >cproj/main.c <<'CC'
#include <fcntl.h>
#include <unistd.h>
#include "paths.h"
int f(void) {
  if (access(CHECKED, W_OK) == 0) return -1;
  return open(OPENED, O_WRONLY);
}
CC
touch -d @1700000000 cproj/paths.h
"$RACELINT" --cache-dir "$C" cproj >"$T/h1" 2>/dev/null
if grep -q check-then-act "$T/h1"; then fail "different paths: no finding"; else ok; fi
# same size, so the new header differs by mtime: set it explicitly rather
# than sleeping past the file system's timestamp granularity
printf '#define CHECKED "/tmp/a"\n#define OPENED "/tmp/a"\n' >cproj/paths.h
touch -d @1700000001 cproj/paths.h
"$RACELINT" --cache-dir "$C" cproj >"$T/h2" 2>/dev/null
if grep -q "main.c:6:10: error:.*check-then-act" "$T/h2"; then ok; else OUT=$(cat "$T/h2"); fail "a header change invalidates the cached result"; fi
same "after the header change"
# corrupt entries: truncated, garbage, empty
n=0
for f in $(find "$C" -type f | head -30); do
  case $((n % 3)) in
    0) head -c 20 "$f" >"$f.x" && mv "$f.x" "$f" ;;
    1) printf 'garbage' >"$f" ;;
    2) : >"$f" ;;
  esac
  n=$((n + 1))
done
same "with corrupt entries"
# two processes sharing the cache, both cold
rm -rf "$C"
"$RACELINT" --no-color --cache-dir "$C" --format json . >"$T/p1" 2>/dev/null &
"$RACELINT" --no-color --cache-dir "$C" --format json . >"$T/p2" 2>/dev/null &
wait
"$RACELINT" --no-color --no-cache --format json . >"$T/p0" 2>/dev/null
if cmp -s "$T/p0" "$T/p1" && cmp -s "$T/p0" "$T/p2"; then ok; else fail "concurrent processes"; fi
"$RACELINT" --no-color --cache-dir "$C" --format json . >"$T/p3" 2>/dev/null
if cmp -s "$T/p0" "$T/p3"; then ok; else fail "after concurrent writes"; fi
if [ -z "$(find "$C" -name '*.tmp' | head -1)" ]; then ok; else fail "temporary files left behind"; fi
finish
