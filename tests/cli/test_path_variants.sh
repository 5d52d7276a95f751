#!/usr/bin/env bash
# Variants of issue 14/14-15 written by a second session:
# - baseline entries of non-UTF-8 names: two names that differ only in an
#   invalid byte, and a name that is literally U+FFFD (what the JSON shows
#   for the invalid byte), are new findings, not the baselined one; pruning
#   keeps the one real entry;
# - --follow-symlinks with loops (a link to the parent, to the scan root)
#   ends, scans each file once and says what it did not follow; links to
#   /dev/zero and /proc/self/fd/0 named as files are skipped, no hang.
. "$(dirname "$0")/lib.sh"
P="$T/p"
mkdir -p "$P"
cd "$T"
e9=$(printf '\xe9') e8=$(printf '\xe8') fffd=$(printf '\xef\xbf\xbd')
bad_js "$P/caf$e9.js"
run --no-cache -q --write-baseline b.json p
expect_rc 0 "baseline written"
cp "$P/caf$e9.js" "$P/caf$e8.js"
cp "$P/caf$e9.js" "$P/caf$fffd.js"
run --no-color --no-cache --baseline b.json p
expect_rc 1 "look-alike names are new findings"
n=$(grep -c ': error: ' <<<"$OUT" || true)
if [ "$n" = 2 ]; then ok; else fail "two new findings (got $n)"; fi
expect_out "1 in the baseline" "the real entry still matches"
expect_out "caf\\xe8.js:2:" "the other invalid byte is new"
expect_out "caf$fffd.js:2:" "a literal U+FFFD name is new"
run --no-cache -q --baseline b.json --prune-baseline p
n=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['findings']))" b.json)
if [ "$n" = 1 ]; then ok; else fail "pruning keeps the one entry (got $n)"; fi

L="$T/l"
mkdir -p "$L/sub"
bad_js "$L/sub/a.js"
ln -s .. "$L/sub/up"
ln -s ../../l "$L/sub/root"
ln -s /dev/zero "$L/zero.js"
ln -s /proc/self/fd/0 "$L/stdin.js"
run --no-color --no-cache --follow-symlinks l </dev/null
expect_rc 1 "--follow-symlinks with loops ends"
n=$(grep -c 'a.js:2:[0-9]*: error:' <<<"$OUT" || true)
if [ "$n" = 1 ]; then ok; else fail "each file scanned once (got $n)"; fi
expect_err "already scanned (a loop?)" "the loop is named"
run --no-color --no-cache l/zero.js l/stdin.js </dev/null
expect_rc 0 "links to devices named as files"
expect_err "zero.js: skipped: not a regular file" "/dev/zero link skipped"
expect_err "stdin.js: skipped: not a regular file" "/proc/self/fd/0 link skipped"
finish
