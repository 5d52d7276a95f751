#!/usr/bin/env bash
# The torture subset that fits in CI: 100,000-deep nesting, a megabyte
# line, files deleted and growing during the scan, a parse time budget.
. "$(dirname "$0")/lib.sh"
P="$T/t"
mkdir -p "$P"
python3 - "$P" <<'PY'
import sys
d = sys.argv[1]
open(d + "/deep_arrays.js", "w").write("const x = " + "[" * 100000 + "]" * 100000 + ";\n")
open(d + "/deep_objects.ts", "w").write("const o = " + "{a:" * 100000 + "1" + "}" * 100000 + ";\n")
open(d + "/deep_parens.c", "w").write("int f(void) { return " + "(" * 100000 + "1" + ")" * 100000 + "; }\n")
# 30,000 nested functions: once quadratic in a rule (15 s), now linear
open(d + "/deep_functions.js", "w").write("(" + "function(){" * 30000 + "}" * 30000 + ")\n")
open(d + "/deep_blocks.c", "w").write("void g(void) " + "{" * 100000 + "}" * 100000 + "\n")
# a minified bundle: one 2 MB line, with a finding at its end
body = "".join(f"var a{i}=function(b){{return b+{i}}};" for i in range(60000))
open(d + "/bundle_oneline.js", "w").write(body + "[1].forEach(async (x) => { await x; });\n")
for i in range(300):
    open(f"{d}/churn{i}.js", "w").write("export const v = %d;\n" % i * 20)
PY
bad_js "$P/real.js"
# --parse-timeout 0 wherever the test is not about the parse budget: a
# sanitizer build on a loaded machine may take longer than the default 10 s
run --parse-timeout 0 --max-file-size 16M "$P"
expect_out "real.js:2:8" "scan completes with the deep files"
expect_out "bundle_oneline.js:1:" "finding at the end of a 2 MB line"
if [ "$RC" -le 2 ]; then ok; else fail "exit status $RC (crash?)"; fi
# a tight parse budget: the slow file is skipped with a message, the rest
# analysed (1 ms for 100,000 nested objects: only ever met by a machine
# far faster than any we know; load only makes the parse slower). real.js
# cannot be skipped by a descheduled process either: tree-sitter reads the
# clock once per 100 parse actions, and its two lines take fewer (shown
# with an LD_PRELOAD clock_gettime that jumps 10 ms per read: real.js is
# analysed, a 10-level object literal is skipped)
run --parse-timeout 1 --max-file-size 16M "$P/deep_objects.ts" "$P/real.js"
expect_err "skipped: parsing took longer than --parse-timeout" "parse budget message"
expect_out "real.js:2:8" "other file analysed"
# files deleted, recreated and growing while racelint runs: never a crash
( for r in 1 2 3 4 5 6 7 8 9 10; do
    for i in $(seq 0 5 299); do rm -f "$P/churn$i.js"; done
    for i in $(seq 0 5 299); do printf 'export const w = 1;\n' >"$P/churn$i.js"; done
    for i in $(seq 1 5 299); do printf 'export const g%d = 2;\n' "$r" >>"$P/churn$i.js"; done
  done ) &
churn=$!
for k in 1 2 3; do
  run --parse-timeout 0 --jobs 2 "$P"
  # a vanished file is skipped, not an error: 1 (the finding), never 2
  if [ "$RC" = 1 ]; then ok; else fail "exit status $RC while files change"; fi
  expect_out "real.js:2:8" "the stable file is still reported"
done
wait $churn
finish
