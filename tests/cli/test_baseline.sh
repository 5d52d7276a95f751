#!/usr/bin/env bash
# Baselines (write, apply, prune, "unrelated lines moved") and --changed-since.
. "$(dirname "$0")/lib.sh"
P="$T/repo"
mkdir -p "$P/src"
cat >"$P/src/jobs.js" <<'JS'
export function a(ids) {
  ids.forEach(async (id) => { await id; });
}
export function b(ids) {
  ids.forEach(async (id) => { await id; });
}
JS
cat >"$P/src/spool.c" <<'C'
#include <fcntl.h>
#include <unistd.h>
int spool(const char *p) {
  if (access(p, W_OK) == 0) return -1;
  return open(p, O_WRONLY | O_CREAT, 0600);
}
C
cd "$P"
run --write-baseline "$T/base.json" .
expect_rc 0 "--write-baseline exits 0"
expect_err "wrote 3 findings to baseline" "write message"
run --baseline "$T/base.json" .
expect_rc 0 "all findings in the baseline"
expect_out "0 findings" "nothing new"
expect_out "3 in the baseline" "summary counts the baseline"

# Unrelated edits: new lines above, a function moved, a comment changed.
cat >"$P/src/jobs.js" <<'JS'
// a header comment that was not there before
import fs from 'node:fs';

export function b(ids) {
  // b moved above a, and gained a comment
  ids.forEach(async (id) => { await id; });
}

export function a(ids) {
      ids.forEach(async (id) => { await id; });
}
JS
run --baseline "$T/base.json" .
expect_rc 0 "moved code keeps matching"
expect_out "0 findings" "nothing new after moving code"

# A new finding: only it is reported, and SARIF says new/unchanged.
cat >>"$P/src/jobs.js" <<'JS'
export function c(ids) {
  ids.forEach(async (id) => { await id; });
}
JS
run --baseline "$T/base.json" .
expect_rc 1 "a new finding fails"
expect_out "jobs.js:13:7:" "the new finding is shown"
expect_no_out "jobs.js:6:" "baselined findings are not shown"
run --baseline "$T/base.json" --format sarif .
if /usr/bin/python3 - "$T/.out" <<'PY'; then ok; else fail "SARIF baselineState"; fi
import json, sys
res = json.loads(open(sys.argv[1]).read())["runs"][0]["results"]
states = sorted(r.get("baselineState") for r in res)
sys.exit(0 if states == ["new", "unchanged", "unchanged", "unchanged"] else 1)
PY
# A second identical finding in the same function counts as new (counts).
cat >"$P/src/dup.js" <<'JS'
export function d(ids) {
  ids.forEach(async (id) => { await id; });
}
JS
run --write-baseline "$T/dup.json" src/dup.js
cat >"$P/src/dup.js" <<'JS'
export function d(ids) {
  ids.forEach(async (id) => { await id; });
  ids.forEach(async (id) => { await id; });
}
JS
run --baseline "$T/dup.json" src/dup.js
expect_rc 1 "a duplicate beyond the count is new"
expect_out "1 finding" "exactly one new"

# A fixed finding: --verbose lists it, --prune-baseline drops it.
rm "$P/src/dup.js"
printf '#include <fcntl.h>\nint spool(const char *p) { return open(p, O_RDONLY); }\n' >"$P/src/spool.c"
run --baseline "$T/base.json" --verbose .
expect_err "[check-then-act] src/spool.c no longer found" "--verbose lists absent entries"
cp "$T/base.json" "$T/base2.json"
run --baseline "$T/base2.json" --prune-baseline .
expect_err "pruned 1 entry" "prune message"
if grep -q check-then-act "$T/base2.json"; then fail "pruned entry still there"; else ok; fi
if grep -q callback-promise-mix "$T/base2.json"; then ok; else fail "kept entries lost"; fi
run --prune-baseline .
expect_rc 2 "--prune-baseline without --baseline"
printf 'not json' >"$T/bad.json"
run --baseline "$T/bad.json" .
expect_rc 2 "malformed baseline"
expect_err "invalid baseline JSON" "malformed baseline message"

# --changed-since: everything is analysed, only changed files are reported.
G="$T/git"
mkdir -p "$G/lib"
cd "$G"
git init -q . && git config user.email t@example.invalid && git config user.name t
cat >"$G/lib/handlers.js" <<'JS'
export async function handle(x) { await x; }
JS
cat >"$G/old.js" <<'JS'
export function old(ids) { ids.forEach(async (id) => { await id; }); }
JS
git add -A && git commit -qm base
cat >"$G/new.js" <<'JS'
import { handle } from './lib/handlers.js';
export function run(ids) { ids.forEach(handle); }
JS
run --changed-since HEAD .
expect_rc 1 "a finding in a changed (untracked) file"
expect_out "new.js:2:32:" "cross-file finding in the changed file"
expect_no_out "old.js" "unchanged file not reported"
git add new.js && git commit -qm second
run --changed-since HEAD .
expect_rc 0 "nothing changed since HEAD"
run --changed-since HEAD~1 .
expect_out "new.js:2:32:" "changed since HEAD~1"
run --changed-since no-such-ref .
expect_rc 2 "unknown revision"
expect_err "unknown revision 'no-such-ref'" "unknown revision message"
finish
