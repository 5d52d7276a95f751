#!/usr/bin/env bash
# Exit status: 0 clean, 1 findings at/above --fail-on, 2 usage/config error.
. "$(dirname "$0")/lib.sh"
mkdir -p "$T/clean" "$T/dirty"
good_js "$T/clean/a.js"
bad_js "$T/dirty/a.js"

run "$T/clean"; expect_rc 0 "clean tree"
expect_out "0 findings" "summary on clean tree"
run "$T/dirty"; expect_rc 1 "finding at error, default --fail-on warning"
expect_out "a.js:2:8: error:" "gcc-style location"
expect_out "[callback-promise-mix]" "rule id in brackets"
run --fail-on none "$T/dirty"; expect_rc 0 "--fail-on none"
run --exit-zero "$T/dirty"; expect_rc 0 "--exit-zero"
run --fail-on error "$T/dirty"; expect_rc 1 "--fail-on error with an error"
run --disable callback-promise-mix "$T/dirty"; expect_rc 0 "rule disabled"
run --no-such-option "$T/dirty"; expect_rc 2 "unknown option"
expect_err "unknown option" "unknown option message"
run --format yaml "$T/dirty"; expect_rc 2 "bad format"
run --fail-on sometimes "$T/dirty"; expect_rc 2 "bad --fail-on"
run --jobs 0 "$T/dirty"; expect_rc 2 "bad --jobs"
run --disable callback-promise-mixx "$T/dirty"; expect_rc 2 "unknown rule"
expect_err "did you mean 'callback-promise-mix'" "rule suggestion"
run --explain check-then-act; expect_rc 0 "--explain"
expect_out "# check-then-act" "--explain prints the doc"
run --explain nope-rule; expect_rc 2 "--explain unknown"
run --list-rules; expect_rc 0 "--list-rules"
expect_out "check-then-act" "--list-rules lists rules"
run --version; expect_rc 0 "--version"
expect_out "racelint " "--version output"
run --help; expect_rc 0 "--help"
expect_out "usage: racelint" "--help output"
run -o "$T/report.txt" "$T/dirty"; expect_rc 1 "--output"
if grep -q "callback-promise-mix" "$T/report.txt"; then ok; else fail "--output file content"; fi
run -o "$T/no/such/dir/r.txt" "$T/dirty"; expect_rc 2 "--output unwritable"
# stdin mode, as editors use it
set +e
OUT=$(printf '[1].forEach(async (x) => { await x; });\n' | "$RACELINT" --stdin-filename buf.ts 2>&1)
RC=$?
set -e
expect_rc 1 "--stdin-filename"
expect_out "buf.ts:1:5: error:" "--stdin-filename location"
finish
