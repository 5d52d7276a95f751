#!/usr/bin/env bash
# test_fix_examples.sh - `racelint --fix --unsafe-fixes` on a copy of the
# bundled examples/ (c-jobqueue, js-shop) leaves exactly the findings that
# have no mechanical fix (docs/fixes.md lists them with the reason), no
# finding left has a fix, a second run changes nothing, and the examples
# still work: c-jobqueue builds and runs (every job spooled, and a second
# run into the same spool still refuses to overwrite; job_log() opens its
# file once for concurrent threads; queue_try_pop() on an empty queue
# leaves the mutex free), js-shop's modules
# load and tests/fix/js_shop_smoke.mjs passes on the fixed copy.
source "$(dirname "$0")/lib.sh"
set -e

mkdir -p "$T/ex"
cp -R "$SRC_DIR/examples/c-jobqueue" "$SRC_DIR/examples/js-shop" "$T/ex/"
run --no-cache --root "$T/ex" --format json -o "$T/before.json" "$T/ex"
run --no-cache --root "$T/ex" --fix --unsafe-fixes "$T/ex"
expect_rc 1 "--fix --unsafe-fixes on examples/ (findings without a fix remain)"
expect_err "applied" "the summary says what was applied"
run --no-cache --root "$T/ex" --format json -o "$T/after.json" "$T/ex"

# rule path: the findings left (sorted), and the number that still have a fix
left() {
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for f in sorted(d["findings"], key=lambda f: (f["path"], f["range"]["start"]["line"])):
    print(f["ruleId"], f["path"])
' "$1"
}
cat >"$T/want" <<'LIST'
lock-order c-jobqueue/queue.c
shared-mutable-state c-jobqueue/stats.c
lock-order js-shop/src/accounts.js
lock-order js-shop/src/accounts.js
shared-mutable-state js-shop/src/accounts.js
shared-mutable-state js-shop/src/accounts.js
shared-mutable-state js-shop/src/accounts.js
check-then-act js-shop/src/inventory.js
callback-promise-mix js-shop/src/orders.js
LIST
left "$T/after.json" >"$T/got"
if cmp -s "$T/want" "$T/got"; then ok; else
  fail "the findings left after --fix --unsafe-fixes differ from docs/fixes.md's list"
  diff -u "$T/want" "$T/got" >&2 || true
fi
nb=$(left "$T/before.json" | wc -l)
if [ "$nb" -gt "$(wc -l <"$T/got")" ]; then ok; else fail "nothing was fixed ($nb findings before)"; fi
nfix=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(sum(1 for f in d["findings"] if f.get("fixes")))
' "$T/after.json")
if [ "$nfix" = 0 ]; then ok; else fail "$nfix findings left still have a fix"; fi
if grep -q parse-error "$T/got"; then fail "a fixed file does not parse"; else ok; fi

# a second run changes nothing
cp -R "$T/ex" "$T/once"
run --no-cache --root "$T/ex" --fix --unsafe-fixes -q "$T/ex"
if diff -r "$T/once" "$T/ex" >/dev/null; then ok; else fail "a second --fix --unsafe-fixes changed the examples"; fi

# c-jobqueue builds as its Makefile says (-Wall -Wextra); spool_write,
# the function the fix changed, behaves as before on a new and an existing
# result, and now refuses a planted symlink (tests/fix/spool_smoke.c; the
# whole program is not run: its lock-order bug, which no fix removes, can
# deadlock it)
if command -v cc >/dev/null && command -v make >/dev/null; then
  if make -s -C "$T/ex/c-jobqueue" >"$T/make.log" 2>&1; then ok; else
    fail "the fixed c-jobqueue does not build: $(cat "$T/make.log")"
  fi
  for v in orig fixed; do
    d="$T/ex/c-jobqueue"; [ "$v" = orig ] && d="$SRC_DIR/examples/c-jobqueue"
    cc -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -I"$d" -o "$T/spool-$v" \
      "$SRC_DIR/tests/fix/spool_smoke.c" "$d/spool.c" 2>"$T/cc.err" || fail "spool_smoke ($v): $(cat "$T/cc.err")"
    mkdir -p "$T/spool-$v.d"
    "$T/spool-$v" "$T/spool-$v.d" >"$T/spool-$v.out" || fail "spool_smoke ($v) failed"
  done
  # job_log(), which lazy-init-race's pthread_once fix changed: every
  # thread gets the one FILE (tests/fix/log_smoke.c)
  d="$T/ex/c-jobqueue"
  if cc -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -pthread -I"$d" -o "$T/log-smoke" \
    "$SRC_DIR/tests/fix/log_smoke.c" "$d/log.c" 2>"$T/cc.err" && "$T/log-smoke" >"$T/log.out"; then
    if [ "$(cat "$T/log.out")" = "$(printf 'same: 1\nopened: 1')" ]; then ok; else
      fail "log_smoke on the fixed log.c: $(cat "$T/log.out")"
    fi
  else
    fail "log_smoke: $(cat "$T/cc.err")"
  fi
  # queue_try_pop(), which lock-balance's fix changed: an empty try leaves
  # the mutex free (tests/fix/queue_smoke.c)
  if cc -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -pthread -I"$d" -o "$T/queue-smoke" \
    "$SRC_DIR/tests/fix/queue_smoke.c" "$d/queue.c" "$d/stats.c" 2>"$T/cc.err" &&
    "$T/queue-smoke" >"$T/queue.out"; then
    if [ "$(cat "$T/queue.out")" = "$(printf 'empty: -1\nfree after empty: 1\npush: 0\npop: 0 id 7\nfree after pop: 1')" ]; then ok; else
      fail "queue_smoke on the fixed queue.c: $(cat "$T/queue.out")"
    fi
  else
    fail "queue_smoke: $(cat "$T/cc.err") $(cat "$T/queue.out" 2>/dev/null)"
  fi
  printf '%s\n' "new result: 0" "existing result: -1" "kept: 1" "symlink: 0" "target created: 1" >"$T/want.orig"
  printf '%s\n' "new result: 0" "existing result: -1" "kept: 1" "symlink: -1" "target created: 0" >"$T/want.fixed"
  for v in orig fixed; do
    if cmp -s "$T/want.$v" "$T/spool-$v.out"; then ok; else
      fail "spool_smoke ($v): $(cat "$T/spool-$v.out")"
    fi
  done
fi

# js-shop: every module parses, and the smoke test passes on the fixed copy
if command -v node >/dev/null; then
  for f in "$T"/ex/js-shop/src/*.js; do
    if node --check "$f" 2>"$T/check.err"; then ok; else fail "$(basename "$f"): $(cat "$T/check.err")"; fi
  done
  if node "$SRC_DIR/tests/fix/js_shop_smoke.mjs" "$T/ex/js-shop" >"$T/smoke.out" 2>&1; then ok; else
    fail "js_shop_smoke.mjs on the fixed js-shop: $(cat "$T/smoke.out")"
  fi
fi
finish
