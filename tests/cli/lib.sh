# lib.sh - helpers for the CLI tests. Each test_*.sh sources this, runs the
# racelint binary ($RACELINT) in a temporary directory and asserts.
set -u
: "${RACELINT:?RACELINT must point at the racelint binary}"
: "${SRC_DIR:?SRC_DIR must point at the source tree}"
T=$(mktemp -d)
export XDG_CACHE_HOME="$T/.xdg-cache" # never the user's cache
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
FAILS=0
PASSES=0

# run ARGS...: runs racelint, sets $OUT, $ERR and $RC.
run() {
  set +e
  "$RACELINT" "$@" >"$T/.out" 2>"$T/.err"
  RC=$?
  set -e
  OUT=$(cat "$T/.out")
  ERR=$(cat "$T/.err")
}

ok() { PASSES=$((PASSES + 1)); }
fail() {
  FAILS=$((FAILS + 1))
  echo "FAIL: $*" >&2
  echo "--- stdout:" >&2; echo "$OUT" | head -40 >&2
  echo "--- stderr:" >&2; echo "$ERR" | head -40 >&2
}
expect_rc() { if [ "$RC" = "$1" ]; then ok; else fail "${2:-}: exit status $RC, wanted $1"; fi; }
expect_out() { if grep -qF -- "$1" <<<"$OUT"; then ok; else fail "${2:-}: stdout lacks '$1'"; fi; }
expect_err() { if grep -qF -- "$1" <<<"$ERR"; then ok; else fail "${2:-}: stderr lacks '$1'"; fi; }
expect_no_out() { if grep -qF -- "$1" <<<"$OUT"; then fail "${2:-}: stdout has '$1'"; else ok; fi; }

# A JS file with exactly one finding (line 2).
bad_js() {
  printf '%s\n' '// one finding' '[1, 2].forEach(async (x) => { await x; });' >"$1"
}
good_js() { printf '%s\n' 'export const f = (x) => x + 1;' >"$1"; }

finish() {
  echo "$PASSES passed, $FAILS failed"
  [ "$FAILS" = 0 ]
}
