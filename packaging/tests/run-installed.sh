#!/bin/sh
# run-installed.sh PREFIX SCRATCH - the installed racelint explains a rule
# (the text equals the installed rule doc) and finds the bug in
# SCRATCH/proj/a.js. Run by check-install.sh, also with the trees hidden.
set -eu
p=$1 scratch=$2
cd "$scratch/proj"
"$p/bin/racelint" --explain check-then-act > "$scratch/explain.out"
cmp -s "$scratch/explain.out" "$p/share/doc/racelint/rules/check-then-act.md" ||
  { echo "FAIL: --explain check-then-act differs from the installed doc"; exit 1; }
rc=0; "$p/bin/racelint" --no-cache a.js > "$scratch/scan.out" || rc=$?
[ $rc = 1 ] || { echo "FAIL: scan exited $rc, want 1"; cat "$scratch/scan.out"; exit 1; }
grep -q '\[callback-promise-mix\]' "$scratch/scan.out" ||
  { echo "FAIL: no callback-promise-mix finding"; cat "$scratch/scan.out"; exit 1; }
