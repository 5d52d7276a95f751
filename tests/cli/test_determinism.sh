#!/usr/bin/env bash
# Output is identical whatever --jobs is, and across repeated runs.
. "$(dirname "$0")/lib.sh"
# a snapshot: the source tree may change while the test runs
mkdir -p "$T/snap"
cp -r "$SRC_DIR/testdata" "$SRC_DIR/examples" "$T/snap/"
cd "$T/snap"
# A C worker that dies says why on stderr (a sanitizer's report in the ASan
# and TSan trees): RACELINT_C_WORKER_STDERR=1 forwards it, kept per run.
export RACELINT_C_WORKER_STDERR=1
for fmt in text json sarif; do
  for j in 1 2 7; do
    "$RACELINT" --no-cache --no-color --parse-timeout 0 --format "$fmt" --jobs $j testdata examples \
      >"$T/j$j.$fmt" 2>"$T/j$j.$fmt.err" || true
  done
  if cmp -s "$T/j1.$fmt" "$T/j2.$fmt" && cmp -s "$T/j1.$fmt" "$T/j7.$fmt"; then ok; else
    OUT=$(for j in 2 7; do diff "$T/j1.$fmt" "$T/j$j.$fmt" | head -20; done)
    ERR=$(grep -h -i -A12 -e "sanitizer" -e "not analysed" "$T"/j[127]."$fmt".err | head -40)
    fail "$fmt differs between --jobs values"; fi
  if [ -s "$T/j1.$fmt" ] && grep -q "callback-promise-mix" "$T/j1.$fmt"; then ok; else fail "$fmt has findings"; fi
done
finish
