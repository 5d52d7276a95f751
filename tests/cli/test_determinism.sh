#!/usr/bin/env bash
# Output is identical whatever --jobs is, and across repeated runs.
. "$(dirname "$0")/lib.sh"
# a snapshot: the source tree may change while the test runs
mkdir -p "$T/snap"
cp -r "$SRC_DIR/testdata" "$SRC_DIR/examples" "$T/snap/"
cd "$T/snap"
for fmt in text json sarif; do
  "$RACELINT" --no-cache --no-color --parse-timeout 0 --format "$fmt" --jobs 1 testdata examples >"$T/j1.$fmt" 2>/dev/null || true
  "$RACELINT" --no-cache --no-color --parse-timeout 0 --format "$fmt" --jobs 2 testdata examples >"$T/j2.$fmt" 2>/dev/null || true
  "$RACELINT" --no-cache --no-color --parse-timeout 0 --format "$fmt" --jobs 7 testdata examples >"$T/j7.$fmt" 2>/dev/null || true
  if cmp -s "$T/j1.$fmt" "$T/j2.$fmt" && cmp -s "$T/j1.$fmt" "$T/j7.$fmt"; then ok; else
    OUT=$(diff "$T/j1.$fmt" "$T/j2.$fmt" | head -20); ERR=""; fail "$fmt differs between --jobs values"; fi
  if [ -s "$T/j1.$fmt" ] && grep -q "callback-promise-mix" "$T/j1.$fmt"; then ok; else fail "$fmt has findings"; fi
done
finish
