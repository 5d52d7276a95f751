#!/usr/bin/env bash
# Other ways to crash, hang or exhaust libclang than cli/c_worker's (issue
# 14, 05/06; variants written by a second session). Each costs its own file
# at most: the run ends, the JS finding and the next C file's finding are
# there. Deliberate crashes (#pragma clang __debug), a pragma that loops
# forever, includes of directories, of /proc and /dev/fd paths, of links
# in the repository to devices and /proc, recursive includes, and deep
# nesting of kinds the bracket limit does not cover. No outcome depends on
# timing: runs have no time limit (--parse-timeout 0) except the one whose
# file never finishes.
. "$(dirname "$0")/lib.sh"
ulimit -s 8192
P="$T/p"
mkdir -p "$P/sub"
bad_js "$P/zz_app.js"
cp "$SRC_DIR/testdata/c/lock-order/abba.c" "$P/zz_abba.c"
# every hostile file sorts before zz_abba.c: with --jobs 1 the good file
# comes last, after whatever the hostile ones did to the worker
for p in crash parser_crash llvm_fatal_error; do
  printf '#pragma clang __debug %s\nint x;\n' $p >"$P/pragma_$p.c"
done
printf '#include "."\nint a;\n' >"$P/inc_dot.c"
printf '#include "sub"\nint a;\n' >"$P/inc_subdir.c"
printf '#include "/proc/self/fd/0"\nint a;\n' >"$P/inc_procfd.c"
printf '#include "/dev/fd/0"\nint a;\n' >"$P/inc_devfd.c"
printf '#include "/proc/self/mem"\nint a;\n' >"$P/inc_procmem.c"
ln -s /dev/zero "$P/zero_link.h"
printf '#include "zero_link.h"\nint a;\n' >"$P/inc_zero_link.c"
ln -s /proc/self "$P/self_link"
printf '#include "self_link/environ"\nint a;\n' >"$P/inc_proc_dirlink.c"
printf '#include __FILE__\nint a;\n' >"$P/rec_self.c"
printf '#include "rec_b.h"\n' >"$P/rec_a.h"
printf '#include "rec_a.h"\n' >"$P/rec_b.h"
printf '#include "rec_a.h"\nint a;\n' >"$P/rec_mutual.c"
python3 - "$P" <<'PY'
import sys
p = sys.argv[1]
def w(name, text):
    open(p + "/" + name, "w").write(text)
n = 100000
w("deep_unary.c", "int f(int x) { return " + "!" * n + "x; }\n")
w("deep_neg.c", "int f(int x) { return " + "- " * n + "x; }\n")
w("deep_ptr.c", "int " + "*" * n + "p;\n")
w("deep_parens.c", "int f(int x) { return " + "(" * n + "x" + ")" * n + "; }\n")
w("deep_calls.c", "int g(int);\nint f(int x) { return " + "g(" * n + "x" + ")" * n + "; }\n")
w("deep_ternary.c", "int f(int x) { return " + "x ? " * 50000 + "1" + " : 0" * 50000 + "; }\n")
w("deep_ifdef.c", "#if 1\n" * 50000 + "int a;\n" + "#endif\n" * 50000)
w("deep_and.c", "int f(int x) { return " + " && ".join(["x"] * n) + "; }\n")
w("deep_cast.c", "int f(long x) { return " + "(int)" * n + "x; }\n")
w("deep_sizeof.c", "unsigned long s = " + "sizeof " * n + "1;\n")
w("deep_struct.c", "struct s0 { " + "".join("struct s%d { " % i for i in range(1, 5000)) + "int a; " + "} m; " * 4999 + "};\n")
PY
run --no-cache --parse-timeout 0 --jobs 1 "$P"
expect_rc 1 "the run ends with the findings' status"
expect_out "[callback-promise-mix]" "JS finding intact"
expect_out "zz_abba.c:10:3: error:" "the last C file is analysed (a new worker when one died)"
for p in crash parser_crash llvm_fatal_error; do
  expect_out "pragma_$p.c:1:1: note: not analysed: the C parser process" "#pragma clang __debug $p"
done
for f in inc_procfd inc_devfd inc_procmem inc_zero_link inc_proc_dirlink; do
  expect_out "$f.c:1:10: note: syntax error: cannot open file" "$f.c refused"
done
# an include that names a directory is a header not found: the run says it
# once (rules/parse-error.md), and the run does not hang
for f in inc_dot inc_subdir; do expect_no_out "$f.c:1:10: note: syntax error:" "$f.c: no finding of its own"; done
expect_err "not found: " "directory includes: the run's notice names them"
expect_out "rec_self.c:1:10: note: syntax error: #include nested too deeply" "self include"
expect_no_out "took longer" "no time limit was needed"
if grep -q "zz_abba.c: not analysed" <<<"$ERR$OUT"; then fail "the good C file paid for another's crash"; else ok; fi

# with --jobs 2 the same: the report is whole and the exit status the same
run --no-cache --parse-timeout 0 --jobs 2 --format sarif -o "$T/out.sarif" "$P"
expect_rc 1 "--jobs 2: the run ends"
if grep -q '"lock-order"' "$T/out.sarif" && grep -q '"callback-promise-mix"' "$T/out.sarif"; then ok; else
  fail "--jobs 2: the SARIF report lacks findings"; fi

# A pragma that loops forever: only --parse-timeout ends it (alone in its
# run, so the limit races nothing else).
mkdir -p "$T/h"
printf '#pragma clang __debug overflow_stack\nint x;\n' >"$T/h/loop.c"
run --no-cache --parse-timeout 500 "$T/h/loop.c"
expect_rc 0 "an endless parse ends at --parse-timeout"
expect_out "loop.c:1:1: note: not analysed" "the endless file only: a note"
finish
