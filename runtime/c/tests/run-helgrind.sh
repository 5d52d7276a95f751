#!/bin/sh
# librlrt: run the test binaries under Valgrind's Helgrind (ctest:
# runtime-c-helgrind).
#  1. the safe tests must produce no Helgrind error (--error-exitcode=1);
#  2. the deliberately broken patterns (plain counter, broken
#     double-checked locking, opposite lock order) must be reported, which
#     shows the clean runs are not Helgrind being blind.
# Iterations are reduced (RL_RT_TEST_QUICK=1): Helgrind slows threaded
# code down 50-100x.  Children that the lockdep test makes abort() on
# purpose while holding locks get Helgrind complaints in their own output;
# they do not affect the parent's exit status.
# Usage: run-helgrind.sh valgrind dir-with-rlrt_test_binaries
# Exit 77 = skipped (Valgrind unusable).
set -eu

VALGRIND=$1
BIN=$2
if ! "$VALGRIND" --tool=helgrind --version >/dev/null 2>&1; then
    echo "run-helgrind: $VALGRIND not usable; skipping"
    exit 77
fi
export RL_RT_TEST_QUICK=1
export RL_RT_TEST_UNDER_CHECKER=helgrind
log=$(mktemp "${TMPDIR:-/tmp}/rlrt-helgrind.XXXXXX")
trap 'rm -f "$log"' EXIT INT TERM
fail=0

for t in atomic lock once file lockdep lockdep_off; do
    if [ ! -x "$BIN/rlrt_test_$t" ]; then
        echo "run-helgrind: (rlrt_test_$t not built in this configuration)"
        continue
    fi
    start=$(date +%s)
    if "$VALGRIND" --tool=helgrind --error-exitcode=1 -q \
            "$BIN/rlrt_test_$t" > "$log" 2>&1; then
        echo "run-helgrind: PASS rlrt_test_$t ($(( $(date +%s) - start ))s, no errors)"
    else
        echo "run-helgrind: FAIL rlrt_test_$t"
        cat "$log"
        fail=1
    fi
done

expect_report() { # test arg pattern
    t=$1 arg=$2 pattern=$3
    if "$VALGRIND" --tool=helgrind --error-exitcode=1 -q \
            "$BIN/rlrt_test_$t" "$arg" > "$log" 2>&1; then
        rc=0
    else
        rc=$?
    fi
    if [ "$rc" -eq 1 ] && grep -q "$pattern" "$log"; then
        echo "run-helgrind: PASS rlrt_test_$t $arg is reported: $(grep -m1 "$pattern" "$log" | sed 's/^==[0-9]*== //')"
    else
        echo "run-helgrind: FAIL rlrt_test_$t $arg: expected a report matching '$pattern' (exit $rc)"
        cat "$log"
        fail=1
    fi
}
expect_report atomic --checker-data-race "Possible data race"
expect_report once --checker-data-race "Possible data race"
expect_report lock --checker-lock-order "lock order .* violated"

exit $fail
