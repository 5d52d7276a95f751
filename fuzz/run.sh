#!/usr/bin/env bash
# run.sh BUILD SECONDS TARGET... - runs each libFuzzer target for SECONDS,
# seeded from testdata (and tests/fuzz-regressions/<target>/, which are also
# replayed first: every crash ever found must stay fixed). Prints a summary
# line per target; exits non-zero on a crash.
#
# libFuzzer's -timeout is a per-input wall-clock limit: on a loaded machine
# one slow input can pass it. `make fuzz` fails on that (a slow input is a
# finding); FUZZ_SMOKE=1 (the short run in `make check`) reports it as SLOW,
# with the input, and does not fail: the suite's result must not depend on
# the machine's load. The limit still ends a hung input in both.
set -u
smoke=${FUZZ_SMOKE:-0}
timeout_rc=86 # -timeout_exitcode: tells a slow input from a crash
build=$1 seconds=$2
shift 2
src=$(cd "$(dirname "$0")/.." && pwd)
fails=0 passes=0
for t in "$@"; do
  bin="$build/fuzz/fuzz_$t"
  corpus="$build/fuzz-corpus/$t"
  mkdir -p "$corpus"
  seeds=()
  case $t in
    js|suppress) seeds=("$src/testdata/js" "$src/examples/js-shop") ;;
    c) seeds=("$src/testdata/c" "$src/examples/c-jobqueue") ;;
    lsp) seeds=("$src/fuzz/seeds/lsp") ;;
    config) seeds=("$src/fuzz/seeds/config") ;;
    cache) seeds=("$src/fuzz/seeds/cache") ;;
  esac
  reg="$src/tests/fuzz-regressions/$t"
  if [ -d "$reg" ] && ls "$reg"/* >/dev/null 2>&1; then
    if ! "$bin" "$reg"/* >"$build/fuzz-$t-regressions.log" 2>&1; then
      echo "FAIL: fuzz_$t: a regression input crashes again (see $build/fuzz-$t-regressions.log)"
      fails=$((fails + 1))
      continue
    fi
  fi
  dict=()
  [ -f "$src/fuzz/$t.dict" ] && dict=(-dict="$src/fuzz/$t.dict")
  log="$build/fuzz-$t.log"
  ASAN_OPTIONS=detect_leaks=1 "$bin" -max_total_time="$seconds" -timeout=25 \
    -timeout_exitcode=$timeout_rc -rss_limit_mb=2048 \
    -max_len=65536 -artifact_prefix="$build/fuzz-$t-" "${dict[@]}" "$corpus" "${seeds[@]}" >"$log" 2>&1
  rc=$?
  stats=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW)' "$log" | tail -1)
  if [ $rc = 0 ]; then
    echo "fuzz_$t: ok: $stats"
    passes=$((passes + 1))
  elif [ $rc = $timeout_rc ] && [ "$smoke" = 1 ]; then
    slow=$(grep -o "Test unit written to .*" "$log" | tail -1)
    echo "SLOW (not a failure of the smoke run): fuzz_$t: an input ran over 25 s on this machine ($slow); 'make fuzz' fails on it"
    passes=$((passes + 1))
  else
    echo "FAIL: fuzz_$t exited $rc; $(grep -o "Test unit written to .*" "$log" | tail -1)"
    tail -30 "$log"
    fails=$((fails + 1))
  fi
done
echo "$passes passed, $fails failed"
[ $fails = 0 ]
