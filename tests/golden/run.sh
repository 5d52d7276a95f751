#!/usr/bin/env bash
# Golden tests of the four output formats on tests/golden/input.
#   run.sh            compare (ctest)
#   run.sh --update   rewrite the expected files after a deliberate change
# The absolute root and the version are replaced by placeholders.
set -euo pipefail
: "${RACELINT:?}"
here=$(cd "$(dirname "$0")" && pwd)
update=${1:-}
cd "$here/input"
root=$(pwd)
version=$("$RACELINT" --version | awk '{print $2}')
fails=0 passes=0
for fmt in text json sarif github; do
  set +e
  "$RACELINT" --no-color --root . --format "$fmt" . >"$here/.actual.$fmt" 2>/dev/null
  rc=$?
  set -e
  sed -i -e "s|$root|<ROOT>|g" -e "s|\"$version\"|\"<VERSION>\"|g" \
    -e 's|"https://[^"]*/rules/\([a-z-]*\.md\)"|"<DOCS>/\1"|g' "$here/.actual.$fmt"
  if [ "$fmt" = sarif ]; then
    # Keep the golden about this input: only the rules its results use, and
    # no doc text (rule docs change on their own; tests/check_sarif.sh checks
    # every ruleIndex against the full rule list).
    /usr/bin/python3 - "$here/.actual.$fmt" <<'PY'
import json, sys
p = sys.argv[1]
d = json.load(open(p, encoding="utf-8"))
run = d["runs"][0]
used = sorted({r["ruleId"] for r in run["results"]})
run["tool"]["driver"]["rules"] = [
    dict(r, help={"text": "<DOC>", "markdown": "<DOC>"})
    for r in run["tool"]["driver"]["rules"] if r["id"] in used]
for r in run["results"]:
    r.pop("ruleIndex", None)
json.dump(d, open(p, "w", encoding="utf-8"), indent=2, ensure_ascii=False)
open(p, "a").write("\n")
PY
  fi
  if [ "$rc" != 1 ]; then echo "FAIL: $fmt: exit status $rc, wanted 1"; fails=$((fails + 1)); fi
  if [ "$update" = --update ]; then
    mv "$here/.actual.$fmt" "$here/expected.$fmt"
    continue
  fi
  if diff -u "$here/expected.$fmt" "$here/.actual.$fmt"; then
    passes=$((passes + 1))
  else
    echo "FAIL: $fmt output differs from tests/golden/expected.$fmt (run.sh --update if intended)"
    fails=$((fails + 1))
  fi
  rm -f "$here/.actual.$fmt"
done
echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
