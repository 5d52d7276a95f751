#!/bin/sh
# librlrt: build the library and tests with clang -fsanitize=thread in a
# temporary directory and run them (ctest: runtime-c-tsan).
#  1. every safe test must pass with no TSan report;
#  2. the deliberately broken patterns must be *reported* by TSan
#     (plain counter, broken double-checked locking, opposite lock order),
#     which shows the safe runs are clean because the primitives work, not
#     because TSan is blind.
# Usage: run-tsan.sh [clang]        Exit 77 = skipped (no working TSan).
set -eu

CC=${1:-clang}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/rlrt-tsan.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

CFLAGS="-std=c11 -g -O1 -fsanitize=thread -fno-omit-frame-pointer
        -Wall -Wextra -Werror -Wshadow -Wpedantic -I$root/include -I$here"

printf 'int main(void){return 0;}\n' > "$work/probe.c"
if ! "$CC" -fsanitize=thread "$work/probe.c" -o "$work/probe" 2>/dev/null ||
   ! "$work/probe" 2>/dev/null; then
    echo "run-tsan: $CC cannot build/run -fsanitize=thread programs; skipping"
    exit 77
fi

echo "run-tsan: building with $CC -fsanitize=thread in $work"
objs=
for src in "$root"/src/*.c; do
    obj="$work/$(basename "$src" .c).o"
    # shellcheck disable=SC2086
    "$CC" $CFLAGS -c "$src" -o "$obj"
    objs="$objs $obj"
done
build() { # name source [extra flags]
    name=$1 src=$2
    shift 2
    # shellcheck disable=SC2086
    "$CC" $CFLAGS "$@" "$here/$src" $objs -o "$work/$name" -pthread &
}
build test_atomic test_atomic.c
build test_lock test_lock.c
wait
build test_once test_once.c
build test_file test_file.c
wait
build test_lockdep test_lockdep.c -DRL_RT_LOCKDEP=1
build test_lockdep_off test_lockdep_off.c
wait

export TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1"
# Full iterations: TSan costs only ~5-15x here, a few seconds in all.
export RL_RT_TEST_UNDER_CHECKER=tsan
fail=0

for t in test_atomic test_lock test_once test_file test_lockdep test_lockdep_off; do
    start=$(date +%s)
    if "$work/$t" > "$work/$t.log" 2>&1 && ! grep -q "ThreadSanitizer" "$work/$t.log"; then
        echo "run-tsan: PASS $t ($(( $(date +%s) - start ))s, no reports)"
    else
        echo "run-tsan: FAIL $t"
        cat "$work/$t.log"
        fail=1
    fi
done

expect_report() { # test arg pattern
    t=$1 arg=$2 pattern=$3
    set +e
    "$work/$t" "$arg" > "$work/$t$arg.log" 2>&1
    rc=$?
    set -e
    if [ "$rc" -eq 66 ] && grep -q "$pattern" "$work/$t$arg.log"; then
        echo "run-tsan: PASS $t $arg is reported: $(grep -m1 "WARNING: ThreadSanitizer" "$work/$t$arg.log")"
    else
        echo "run-tsan: FAIL $t $arg: expected a TSan report matching '$pattern' (exit $rc)"
        cat "$work/$t$arg.log"
        fail=1
    fi
}
expect_report test_atomic --checker-data-race "WARNING: ThreadSanitizer: data race"
expect_report test_once --checker-data-race "WARNING: ThreadSanitizer: data race"
expect_report test_lock --checker-lock-order "WARNING: ThreadSanitizer: lock-order-inversion"

exit $fail
