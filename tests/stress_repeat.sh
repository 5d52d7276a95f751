#!/usr/bin/env bash
# stress_repeat.sh - issue 13's check that no test depends on time: the
# tests that did (found by reading them for sleeps, timeouts and deadlines,
# not by waiting for failures) run N times in a row under CPU load.
#
#   tests/stress_repeat.sh BUILD-DIR [N] [CPU-HOGS]
#
# Starts `stress-ng --cpu CPU-HOGS` (default 4: twice the cores of the
# machine this was written on), runs `ctest --repeat until-fail:N` (default
# 20) on the tests below that BUILD-DIR has, stops the load and exits with
# ctest's status. The sanitizer trees (build-asan, build-tsan) have no
# runtime-* tests (RACELINT_SKIP_RUNTIME); ctest skips names it lacks.
# Needs stress-ng (Debian: apt-get install stress-ng). Not part of `make
# check`: it takes long by design (make stress-repeat STRESS_BUILD=...).
#
# The list: every test that waited on a sleep, a timeout or a quiet
# period before issue 13 (the CLI's parse budget on big inputs, worker
# crashes and cache mtimes, the LSP sessions, the runtime libraries'
# interleavings, the golden formats); how each stopped depending on time
# is in docs/CONTRIBUTING.md, "Tests never depend on time".
set -euo pipefail
build=${1:?usage: tests/stress_repeat.sh BUILD-DIR [N] [CPU-HOGS]}
n=${2:-20}
hogs=${3:-4}
tests='^(cli/bad_input|cli/torture|cli/c_worker|cli/c_worker_variants|cli/cache|cli/determinism'
tests+='|golden/formats|lsp/.*|reliability/lsp_config_churn|runtime-js|runtime-c-.*)$'
command -v stress-ng >/dev/null || { echo "stress_repeat.sh: needs stress-ng" >&2; exit 2; }
[ -f "$build/CTestTestfile.cmake" ] || { echo "stress_repeat.sh: $build is not a build tree" >&2; exit 2; }
stress-ng --cpu "$hogs" --timeout 0 --quiet &
load=$!
trap 'kill "$load" 2>/dev/null; wait "$load" 2>/dev/null || true' EXIT
env=()
case $(basename "$build") in
  *asan*) env=(ASAN_OPTIONS=detect_leaks=1) ;;
  *tsan*) env=("TSAN_OPTIONS=halt_on_error=1 second_deadlock_stack=1 suppressions=$(cd "$(dirname "$0")" && pwd)/tsan.supp") ;;
esac
cd "$build"
echo "stress_repeat.sh: $(ctest -N -R "$tests" | grep -c 'Test *#') tests, $n times each, stress-ng --cpu $hogs, $(nproc) cores"
env "${env[@]}" ctest -R "$tests" --repeat until-fail:"$n" -j2 --output-on-failure
