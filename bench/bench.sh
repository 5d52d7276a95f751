#!/usr/bin/env bash
# `make bench`: set up corpora and peers, build a Release racelint, run the
# benchmark, write BENCH.md. BENCH_QUICK=1 for a few-minute check of the script.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); REPO=$(dirname "$HERE")
bash "$HERE/setup.sh"
if [ -z "${RACELINT:-}" ]; then
  (cd "$REPO" && [ -f grammars/node_modules/.installed ] || make -C "$REPO" grammars/node_modules/.installed)
  cmake -S "$REPO" -B "$REPO/build-bench" -DCMAKE_BUILD_TYPE=Release -DRACELINT_SKIP_RUNTIME=ON >/dev/null
  cmake --build "$REPO/build-bench" -j"$(nproc)" --target racelint >/dev/null
fi
python3 "$HERE/run.py"
