#!/usr/bin/env bash
# test_fix.sh - the golden fix tests and the --fix / --diff command line.
#
# Every testdata/<lang>/<rule>/fix_*.<ext> case has a `.fixed` (the text
# after `--fix-only <rule>`: the rule's safe fixes) and/or an
# `.unsafe-fixed` (after `--fix --unsafe-fixes`); without `.fixed`,
# `--fix-only <rule>` must leave the file as it is. Plain `--fix` takes
# only the rules that met the precision targets (checked further down).
# For each fixed text: the file matches the golden; a re-scan shows no
# parse error, fewer findings of the case's rule, no more of any rule, and
# nothing the same options would still fix; `--fix` again changes
# nothing; `--diff` exits 1 and its output applies with `patch -p1` from
# the root to the same text. A case containing "fix-behaviour: same" is
# run with node before and after: the same output and exit status (what
# makes a fix safe, docs/fixes.md).
source "$(dirname "$0")/lib.sh"
set -e

# findings FILE: "rule count" lines of a JSON report
findings() {
  python3 -c '
import json, sys, collections
d = json.load(open(sys.argv[1]))
c = collections.Counter(f["ruleId"] for f in d["findings"])
for k, v in sorted(c.items()): print(k, v)
' "$1"
}

# fixable FILE SAFETIES: count of findings with a fix of these applicabilities
fixable() {
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
want = sys.argv[2].split(",")
print(sum(1 for f in d["findings"] if any(x["applicability"] in want for x in f.get("fixes", []))))
' "$1" "$2"
}

# check_case CASE GOLDEN MODE-ARGS...
check_case() {
  local case=$1 golden=$2
  shift 2
  local name rule ext work
  name=$(basename "$case")
  rule=$(basename "$(dirname "$case")")
  # a case in <rule>/<name>_strict/ runs under racelint:strict, as its
  # directory's .racelint.json says
  local strict=""
  case $rule in *_strict) strict=1; rule=$(basename "$(dirname "$(dirname "$case")")") ;; esac
  ext=${name##*.}
  work="$T/w/$rule"
  rm -rf "$T/w" "$T/p"
  mkdir -p "$work" "$T/p/$rule"
  # (the strict-only rules stay off: the case is about its rule's fixes)
  [ -z "$strict" ] || echo '{ "extends": "racelint:strict", "rules": { "sequential-await": "off",
    "promise-all-mutation": "off", "lazy-init-race": "off", "lock-balance": "off",
    "shared-mutable-state": "off", "lock-order": "off" } }' >"$T/w/.racelint.json"
  cp "$case" "$work/$name"
  cp "$case" "$T/p/$rule/$name"
  # the case's rule is turned on (it may be in racelint:strict only); a case
  # says "fix-enable: RULE" to turn other rules on too
  local en
  en=$(sed -n 's/.*fix-enable: \([a-z,-]*\).*/\1/p' "$case" | head -1)
  en="$rule${en:+,$en}"
  set -- --enable "$en" "$@"
  run --no-cache --root "$T/w" --enable "$en" --format json -o "$T/before.json" "$work/$name"
  # --diff: exit 1 when there is something to fix, the file unchanged
  run --no-cache --root "$T/w" --diff "$@" "$work/$name"
  local want_rc=0
  [ -n "$golden" ] && ! cmp -s "$case" "$golden" && want_rc=1
  expect_rc "$want_rc" "$name: --diff $*"
  if cmp -s "$case" "$work/$name"; then ok; else fail "$name: --diff changed the file"; fi
  printf '%s\n' "$OUT" >"$T/fix.patch"
  # --fix
  run --no-cache --root "$T/w" --fix -q "$@" "$work/$name"
  if [ -n "$golden" ]; then
    if cmp -s "$golden" "$work/$name"; then ok; else
      fail "$name: --fix $* differs from $(basename "$golden")"
      diff -u "$golden" "$work/$name" >&2 || true
    fi
  elif cmp -s "$case" "$work/$name"; then ok; else
    fail "$name: --fix $* changed a file that has no .fixed golden"
  fi
  # the diff applies with patch -p1 from the root, to the same text
  if [ "$want_rc" = 1 ]; then
    if (cd "$T/p" && patch -s -p1 <"$T/fix.patch") && cmp -s "$work/$name" "$T/p/$rule/$name"; then
      ok
    else
      fail "$name: the --diff output does not patch to the --fix result"
    fi
  fi
  # a re-scan: no parse error, fewer of the rule's findings, no new ones
  run --no-cache --root "$T/w" ${en:+--enable "$en"} --format json -o "$T/after.json" "$work/$name"
  local b a
  while read -r r n; do
    b=$(findings "$T/before.json" | awk -v r="$r" '$1 == r { print $2 }')
    if [ "$r" = parse-error ]; then fail "$name: a parse error after the fix"; continue; fi
    if [ "${b:-0}" -lt "$n" ]; then fail "$name: $n $r findings after the fix, ${b:-0} before"; else ok; fi
  done < <(findings "$T/after.json")
  if [ "$want_rc" = 1 ]; then
    b=$(findings "$T/before.json" | awk -v r="$rule" '$1 == r { print $2 }')
    a=$(findings "$T/after.json" | awk -v r="$rule" '$1 == r { print $2 }')
    if [ "${a:-0}" -lt "${b:-0}" ]; then ok; else fail "$name: $rule findings ${b:-0} -> ${a:-0}"; fi
  fi
  local kinds=safe
  case " $* " in *" --unsafe-fixes "*) kinds=safe,unsafe ;; esac
  if [ "$rule" = unused-suppression ] || [ "$kinds" = safe,unsafe ]; then
    a=$(fixable "$T/after.json" "$kinds")
    if [ "$a" = 0 ]; then ok; else fail "$name: $a findings still have a $kinds fix"; fi
  fi
  # --fix twice: the second run changes nothing
  cp "$work/$name" "$T/once"
  run --no-cache --root "$T/w" --fix -q "$@" "$work/$name"
  if cmp -s "$T/once" "$work/$name"; then ok; else fail "$name: a second --fix $* changed it"; fi
  # behaviour: the same output before and after
  if [ -n "$golden" ] && grep -q "fix-behaviour: same" "$case"; then
    local o1 o2 r1 r2
    set +e
    o1=$(cd "$(dirname "$case")" && node "$name" 2>&1); r1=$?
    o2=$(cd "$work" && node "$name" 2>&1); r2=$?
    set -e
    if [ "$o1" = "$o2" ] && [ "$r1" = "$r2" ]; then ok; else
      fail "$name: behaviour changed: '$o1' ($r1) -> '$o2' ($r2)"
    fi
  fi
}

ncases=0
for case in "$SRC_DIR"/testdata/*/*/fix_*.js "$SRC_DIR"/testdata/*/*/fix_*.ts "$SRC_DIR"/testdata/*/*/fix_*.c \
  "$SRC_DIR"/testdata/*/*/*_strict/fix_*.js "$SRC_DIR"/testdata/*/*/*_strict/fix_*.ts; do
  [ -e "$case" ] || continue
  ncases=$((ncases + 1))
  g=""; [ -e "$case.fixed" ] && g="$case.fixed"
  u=""; [ -e "$case.unsafe-fixed" ] && u="$case.unsafe-fixed"
  if [ -z "$g" ] && [ -z "$u" ]; then fail "$case: neither .fixed nor .unsafe-fixed"; continue; fi
  # the safe fixes by name: plain --fix takes only the rules that met the
  # precision targets (checked below)
  r=$(basename "$(dirname "$case")")
  case $r in *_strict) r=$(basename "$(dirname "$(dirname "$case")")") ;; esac
  check_case "$case" "$g" --fix-only "$r"
  [ -n "$u" ] && check_case "$case" "$u" --unsafe-fixes
done
if [ "$ncases" -ge 4 ]; then ok; else fail "only $ncases fix cases found"; fi

# plain --fix: only the rules that met the precision targets (fix.c's
# table: unused-suppression, no analysis yet); it says once what it left
mkdir -p "$T/plain"
cpm="$SRC_DIR/testdata/js/callback-promise-mix"
cp "$cpm/fix_foreach_array.js" "$cpm/fix_async_executor.js" "$T/plain/"
run --no-cache --format json -o "$T/plain.json" "$T/plain"
nsafe=$(fixable "$T/plain.json" safe)
if [ "$nsafe" -ge 2 ]; then ok; else fail "plain: only $nsafe findings with a safe fix"; fi
run --no-cache --fix "$T/plain"
if cmp -s "$cpm/fix_foreach_array.js" "$T/plain/fix_foreach_array.js" &&
   cmp -s "$cpm/fix_async_executor.js" "$T/plain/fix_async_executor.js"; then ok; else
  fail "plain --fix applied callback-promise-mix's safe fixes"
fi
expect_err "--fix left $nsafe safe fixes of callback-promise-mix" "plain --fix"
expect_err "--fix-only callback-promise-mix applies them" "plain --fix names the flag"
if [ "$(grep -c "left .* safe fix" <<<"$ERR")" = 1 ]; then ok; else fail "plain --fix: not said once"; fi
run --no-cache --diff "$T/plain"
expect_rc 0 "plain --diff: nothing to fix"
expect_err "--diff left $nsafe safe fixes" "plain --diff"
run --no-cache --fix -q "$T/plain"
if grep -q "safe fix" <<<"$ERR"; then fail "-q printed the notice"; else ok; fi
run --no-cache --fix-only callback-promise-mix "$T/plain"
if cmp -s "$cpm/fix_foreach_array.js.fixed" "$T/plain/fix_foreach_array.js" &&
   cmp -s "$cpm/fix_async_executor.js.fixed" "$T/plain/fix_async_executor.js"; then ok; else
  fail "--fix-only callback-promise-mix did not apply its safe fixes"
fi
if grep -q "left .* safe fix" <<<"$ERR"; then fail "--fix-only printed the notice"; else ok; fi
us="$SRC_DIR/testdata/js/unused-suppression"
cp "$us/fix_delete.js" "$T/plain/fix_delete.js"
run --no-cache --fix "$T/plain/fix_delete.js"
if cmp -s "$us/fix_delete.js.fixed" "$T/plain/fix_delete.js"; then ok; else
  fail "plain --fix did not apply unused-suppression's fix"
fi
if grep -q "left .* safe fix" <<<"$ERR"; then fail "a notice with nothing left"; else ok; fi

# --fix-only: other rules' fixes are left alone
mkdir -p "$T/only"
cat >"$T/only/a.js" <<'EOF'
// racelint-disable-next-line check-then-act -- old
const a = 1;
async function save() { throw new Error('x'); }
async function run() { save(); }
module.exports = { a, run };
EOF
cp "$T/only/a.js" "$T/only/orig.js"
run --no-cache --enable floating-promise --fix-only floating-promise --unsafe-fixes -q "$T/only/a.js"
if grep -q "await save()" "$T/only/a.js" && grep -q "racelint-disable-next-line" "$T/only/a.js"; then
  ok
else
  fail "--fix-only floating-promise: $(cat "$T/only/a.js")"
fi
cp "$T/only/orig.js" "$T/only/a.js"
run --no-cache --fix-only unused-suppression -q "$T/only/a.js"
if ! grep -q "racelint-disable" "$T/only/a.js" && grep -qF "{ save(); }" "$T/only/a.js"; then ok; else
  fail "--fix-only unused-suppression: $(cat "$T/only/a.js")"
fi
run --no-cache --fix-only no-such-rule "$T/only/a.js"
expect_rc 2 "--fix-only with an unknown rule"
run --no-cache --unsafe-fixes "$T/only/a.js"
expect_rc 2 "--unsafe-fixes without --fix or --diff"

# never written through a symbolic link; the link's target is untouched
mkdir -p "$T/link"
printf '%s\n' '// racelint-disable-next-line check-then-act -- old' 'const a = 1;' >"$T/target.js"
cp "$T/target.js" "$T/target.orig"
ln -s "$T/target.js" "$T/link/l.js"
run --no-cache --follow-symlinks --fix "$T/link"
if cmp -s "$T/target.js" "$T/target.orig" && [ -L "$T/link/l.js" ]; then ok; else
  fail "--fix wrote through a symbolic link"
fi
expect_err "not fixed" "a symbolic link is reported"

# stdin: --fix prints the fixed text on stdout
run --no-cache --fix --stdin-filename s.js <"$T/target.orig"
if [ "$OUT" = "const a = 1;" ]; then ok; else fail "--fix on stdin printed '$OUT'"; fi

finish
