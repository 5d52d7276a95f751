#!/usr/bin/env bash
# A cache entry is untrusted input (a CI cache can be restored from another
# branch's run): every field of a corrupted entry is checked before use. Each
# corruption below must be a miss: same output and exit status as without the
# cache, no crash, and no allocation driven by a forged count (issue 14, 03/04).
. "$(dirname "$0")/lib.sh"
PY=$(command -v python3)
EDIT="$SRC_DIR/tests/cli/cache_entry.py"
P="$T/p"
mkdir -p "$P"
cat >"$P/a.js" <<'JS'
// a finding with a fix, function facts, a suppression comment
export async function run(items) {
  items.forEach(async (x) => { await save(x); });
}
export async function save(x) { return x; }
// racelint-disable-next-line floating-promise -- fire and forget on purpose
save(1);
JS
# the suppressed rule is in racelint:strict: on here, so the suppression is used
echo '{"rules": {"floating-promise": "warning"}}' >"$P/.racelint.json"
cd "$T"
run --no-color --no-cache p
WANT_OUT=$OUT WANT_RC=$RC
run --no-color --cache-dir "$T/c0" p
ENTRY=$(cd "$T/c0" && find . -type f | head -1)
if [ -n "$ENTRY" ]; then ok; else fail "an entry is written"; fi

# corrupt FIELD VALUE: a fresh copy of the entry with one field rewritten,
# then a run that must behave as if there were no cache.
corrupt() {
  rm -rf "$T/c"; cp -r "$T/c0" "$T/c"
  if ! "$PY" "$EDIT" "$T/c/$ENTRY" "$1" "$2" >/dev/null; then fail "entry has field $1"; return; fi
  run --no-color --cache-dir "$T/c" p
  if [ "$RC" = "$WANT_RC" ] && [ "$OUT" = "$WANT_OUT" ]; then ok; else
    fail "$1=$2: a corrupt entry must be a miss (rc $RC, wanted $WANT_RC)"; fi
}
for v in 0 4 0x40000000 0xffffffff; do corrupt severity $v; done
for v in 3 0x7fffffff; do corrupt fix.safety $v; done
for v in 4 0x80000000; do corrupt supp.kind $v; done
corrupt supp.first 0xffffffff
corrupt loc.start 0xffffffff
corrupt loc.line 0
corrupt fact.kind 0
for v in 0xfffe 5000; do corrupt fact.rule $v; done
for f in ndeps nnotices nlocal nrelated nfixes nedits nfacts nsupps; do
  for v in 10000000 0xfffffffe; do corrupt $f $v; done
done

# A valid change is used (the checks do not reject what the engine wrote):
# severity error -> note shows up, so the entry really was read.
rm -rf "$T/c"; cp -r "$T/c0" "$T/c"
"$PY" "$EDIT" "$T/c/$ENTRY" severity 1 >/dev/null
run --no-color --cache-dir "$T/c" p
if grep -q "a.js:3:9: note:" <<<"$OUT"; then ok; else fail "a valid entry is used"; fi

# Memory: 20 entries whose counts claim ten million records each. The run
# must not allocate for them: its peak RSS stays near an uncached run's.
mkdir -p "$T/q"
for i in $(seq 1 20); do cp "$P/a.js" "$T/q/f$i.js"; done
"$RACELINT" --no-cache -j1 q >/dev/null 2>&1 || true
/usr/bin/time -f %M -o "$T/rss0" "$RACELINT" --no-cache -j1 q >/dev/null 2>&1 || true
"$RACELINT" -j1 --cache-dir "$T/cq" q >/dev/null 2>&1 || true
for e in $(find "$T/cq" -type f); do "$PY" "$EDIT" "$e" nrelated 10000000 >/dev/null; done
/usr/bin/time -f %M -o "$T/rss1" "$RACELINT" -j1 --cache-dir "$T/cq" q >/dev/null 2>&1 || true
rss0=$(tail -1 "$T/rss0") rss1=$(tail -1 "$T/rss1")
if [ "$rss1" -le $((rss0 * 2 + 65536)) ]; then ok; else
  OUT="uncached ${rss0} KB, forged counts ${rss1} KB"; ERR=""; fail "forged counts allocate"; fi
finish
