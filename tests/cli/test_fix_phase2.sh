#!/usr/bin/env bash
# test_fix_phase2.sh - a fix of a finding raised in the project phase
# (phase 2 sees facts, not text: the fix is built in phase 1 and kept on a
# fact, rl_fact_fix / rl_project_fix). On lazy-init-race's C golden case:
# the fix is in the JSON report (edits by range and offset), in SARIF as
# result.fixes[].artifactChanges[] (and the log validates with
# ../shared/tools/validate-sarif --github when it is there), survives the
# cache (a second run reads the facts from it), and --fix --unsafe-fixes
# applies it. The golden text itself is checked by cli/fix. Then the same
# for floating-promise's findings of phase 2 (a call of an async function
# imported from another file): their await/void fixes, cold and cached,
# applied by --fix --unsafe-fixes and by --diff | patch -p1.
source "$(dirname "$0")/lib.sh"
set -e

case_c="$SRC_DIR/testdata/c/lazy-init-race/fix_once.c"
mkdir -p "$T/w"
cp "$case_c" "$T/w/once.c"

# jsonfix FILE: the lazy-init-race findings with fixes, as "line title applicability nedits"
jsonfix() {
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for f in d["findings"]:
    if f["ruleId"] != "lazy-init-race": continue
    for x in f.get("fixes", []):
        e = x["edits"]
        assert all("startOffset" in y and "range" in y and "text" in y for y in e)
        print(f["range"]["start"]["line"], x["applicability"], len(e),
              sum("pthread_once(&" in y["text"] for y in e))
' "$1"
}

for pass in cold cached; do
  run --enable lazy-init-race --cache-dir "$T/cache" --root "$T/w" --format json -o "$T/r.json" "$T/w/once.c"
  expect_rc 1 "json ($pass)"
  got=$(jsonfix "$T/r.json")
  # trace_out (line 18), table (line 26) and the probe block (line 53):
  # two edits each (the once flag and its function; the call), pthread.h
  # is already included
  want=$(printf '%s\n' "18 unsafe 2 1" "26 unsafe 2 1" "53 unsafe 2 1")
  if [ "$got" = "$want" ]; then ok; else fail "JSON fixes of the phase-2 findings ($pass): '$got'"; fi
done

run --no-cache --enable lazy-init-race --root "$T/w" --format sarif -o "$T/r.sarif" "$T/w/once.c"
n=$(python3 -c '
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
n = 0
for r in run["results"]:
    if r["ruleId"] != "lazy-init-race": continue
    for fx in r.get("fixes", []):
        ch = fx["artifactChanges"]
        assert ch and ch[0]["artifactLocation"]["uri"].endswith("once.c")
        reps = ch[0]["replacements"]
        assert any("pthread_once(&" in x["insertedContent"]["text"] for x in reps)
        assert all("deletedRegion" in x for x in reps)
        assert fx["properties"]["applicability"] == "unsafe"
        n += 1
print(n)
' "$T/r.sarif")
if [ "$n" = 3 ]; then ok; else fail "SARIF result.fixes of the phase-2 findings: $n"; fi
validator="${SHARED_DIR:-}/tools/validate-sarif"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
if [ -x "$validator" ] && "$py" -c 'import jsonschema' 2>/dev/null; then
  if "$py" "$validator" --github "$T/r.sarif" >"$T/v.out" 2>&1; then ok; else
    fail "the SARIF with phase-2 fixes does not validate: $(cat "$T/v.out")"
  fi
fi

# plain --fix applies no unsafe fix; --unsafe-fixes applies both
run --no-cache --enable lazy-init-race --root "$T/w" --fix -q "$T/w/once.c"
if cmp -s "$case_c" "$T/w/once.c"; then ok; else fail "plain --fix applied an unsafe fix"; fi
run --no-cache --enable lazy-init-race --root "$T/w" --fix --unsafe-fixes -q "$T/w/once.c"
if [ "$(grep -c 'pthread_once(&' "$T/w/once.c")" = 3 ]; then ok; else
  fail "--fix --unsafe-fixes did not apply the phase-2 fixes"
fi
run --no-cache --enable lazy-init-race --root "$T/w" --format json -o "$T/after.json" "$T/w/once.c"
if [ -z "$(jsonfix "$T/after.json")" ]; then ok; else fail "fixable lazy-init-race findings left"; fi

# floating-promise: the call of an imported async function is decided in
# phase 2 (its definition is in store.js); the fixes come from the fact
# (the rule is in racelint:strict: --enable turns it on)
mkdir -p "$T/js" "$T/jsp"
cat >"$T/js/store.js" <<'EOF'
export async function save(x) {
  if (x < 0) throw new Error('negative');
  return x;
}
EOF
cat >"$T/js/app.js" <<'EOF'
import { save } from './store.js';
import * as store from './store.js';

export async function run() {
  save(1);
  return 1;
}

export function kick() {
  store.save(2);
}
EOF
cp "$T/js/store.js" "$T/js/app.js" "$T/jsp/"
# fpfix FILE: the floating-promise findings as "path line edits"
fpfix() {
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for f in d["findings"]:
    if f["ruleId"] != "floating-promise": continue
    print(f["path"], f["range"]["start"]["line"], ",".join(e["text"].strip() for x in f.get("fixes", []) for e in x["edits"]))
' "$1"
}
for pass in cold cached; do
  run --enable floating-promise --cache-dir "$T/cache-js" --root "$T/js" --format json -o "$T/fp.json" "$T/js"
  got=$(fpfix "$T/fp.json")
  want=$(printf '%s\n' "app.js 5 await,void" "app.js 10 void")
  if [ "$got" = "$want" ]; then ok; else fail "floating-promise phase-2 fixes ($pass): '$got'"; fi
done
run --enable floating-promise --no-cache --root "$T/js" --diff --unsafe-fixes "$T/js"
expect_rc 1 "--diff of the floating-promise phase-2 fixes"
printf '%s\n' "$OUT" >"$T/fp.patch"
run --enable floating-promise --no-cache --root "$T/js" --fix --unsafe-fixes -q "$T/js"
if grep -q '^  await save(1);' "$T/js/app.js" && grep -q '^  void store.save(2);' "$T/js/app.js"; then ok; else
  fail "--fix --unsafe-fixes did not apply the floating-promise phase-2 fixes: $(cat "$T/js/app.js")"
fi
if (cd "$T/jsp" && patch -s -p1 <"$T/fp.patch") && cmp -s "$T/js/app.js" "$T/jsp/app.js"; then ok; else
  fail "the --diff of the phase-2 fixes does not patch to the --fix result"
fi
run --enable floating-promise --no-cache --root "$T/js" --format json -o "$T/fp2.json" "$T/js"
if [ -z "$(fpfix "$T/fp2.json")" ]; then ok; else fail "floating-promise findings left: $(fpfix "$T/fp2.json")"; fi
finish
