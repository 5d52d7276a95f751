#!/usr/bin/env bash
# SARIF of examples/ (and of the golden input) must validate against the
# official SARIF 2.1.0 schema with ../shared/tools/validate-sarif.
# Skips (exit 77) when shared/ is absent, unless RACELINT_REQUIRE_SHARED=1.
set -euo pipefail
: "${RACELINT:?}" "${SRC_DIR:?}" "${SHARED_DIR:?}"
validator="$SHARED_DIR/tools/validate-sarif"
if [ ! -x "$validator" ]; then
  echo "validate-sarif not found at $validator"
  [ "${RACELINT_REQUIRE_SHARED:-0}" = 1 ] && exit 1
  exit 77
fi
py=/usr/bin/python3
[ -x "$py" ] || py=python3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fails=0 passes=0
for target in examples tests/golden/input testdata; do
  set +e
  (cd "$SRC_DIR" && "$RACELINT" --format sarif "$target" >"$out/r.sarif")
  rc=$?
  set -e
  if [ "$rc" -gt 1 ]; then echo "FAIL: racelint exit $rc on $target"; fails=$((fails + 1)); continue; fi
  if ! grep -q '"ruleId"' "$out/r.sarif"; then echo "FAIL: no results for $target"; fails=$((fails + 1)); continue; fi
  if "$py" "$validator" --github "$out/r.sarif"; then passes=$((passes + 1)); else
    echo "FAIL: $target SARIF does not validate (with GitHub's ingestion rules)"; fails=$((fails + 1)); fi
  # every result's ruleIndex points at its rule
  if "$py" - "$out/r.sarif" <<'PY'; then passes=$((passes + 1)); else echo "FAIL: $target ruleIndex"; fails=$((fails + 1)); fi
import json, sys
run = json.load(open(sys.argv[1], encoding="utf-8"))["runs"][0]
rules = run["tool"]["driver"]["rules"]
bad = [r for r in run["results"] if rules[r["ruleIndex"]]["id"] != r["ruleId"]]
sys.exit(1 if bad or not run["results"] else 0)
PY
done
echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
