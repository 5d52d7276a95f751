#!/usr/bin/env bash
# Every rules.def entry has rules/<id>.c, rules/<id>.md (titled with its id,
# with the standard headings) and testdata/<lang>/<id>/; no orphans.
set -euo pipefail
: "${SRC_DIR:?}"
cd "$SRC_DIR"
fails=0 passes=0
ids=$(sed -n 's/^RL_RULE([a-z_]*, "\([a-z-]*\)")$/\1/p' rules/rules.def)
sorted=$(printf '%s\n' $ids | LC_ALL=C sort)
if [ "$(printf '%s\n' $ids)" != "$sorted" ]; then echo "FAIL: rules.def is not sorted"; fails=$((fails+1)); fi
for id in $ids; do
  [ -f "rules/$id.c" ] || { echo "FAIL: rules/$id.c missing"; fails=$((fails+1)); continue; }
  [ -f "rules/$id.md" ] || { echo "FAIL: rules/$id.md missing"; fails=$((fails+1)); continue; }
  head -1 "rules/$id.md" | grep -qx "# $id" || { echo "FAIL: rules/$id.md must start with '# $id'"; fails=$((fails+1)); }
  for h in "What it does" "Why it's a bug" "Example" "Use instead" "Fix safety" "Options" "Known limitations"; do
    grep -qx "## $h" "rules/$id.md" || { echo "FAIL: rules/$id.md lacks '## $h'"; fails=$((fails+1)); }
  done
  if [ "$id" != parse-error ] && ! ls -d testdata/*/"$id" >/dev/null 2>&1; then
    echo "FAIL: no testdata/<lang>/$id/"; fails=$((fails+1))
  fi
  passes=$((passes+1))
done
for f in rules/*.c rules/*.md rules/c/*.c rules/js/*.c; do
  [ -e "$f" ] || continue
  base=$(basename "$f"); base=${base%.*}
  [ "$base" = registry ] && continue
  [ "$base" = fixes ] && continue # rules/{c,js}/fixes.c: fix builders shared by rules
  # rules/{c,js}/<id>-<part>.c: one rule's check split in parts (a rule id
  # followed by a part name, e.g. js/lock-order-graph.c)
  case $f in rules/c/*|rules/js/*)
    part_of=""
    for id in $ids; do case $base in "$id"-*) part_of=$id ;; esac; done
    [ -n "$part_of" ] && continue ;;
  esac
  grep -qx "$base" <<<"$ids" || { echo "FAIL: $f is not in rules.def"; fails=$((fails+1)); }
done
for d in testdata/*/*/; do
  id=$(basename "$d")
  grep -qx "$id" <<<"$ids" || { echo "FAIL: $d names no rule"; fails=$((fails+1)); }
done
echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
