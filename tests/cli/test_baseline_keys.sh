#!/usr/bin/env bash
# Baseline matching by (rule, path, key) through a hash index (issue 14, 13
# and 15): file names that are not UTF-8 match their own entry and only it,
# a count split over repeated entries is used in full, and 200,000 unrelated
# entries change nothing. (How long it takes is bench/reliability.sh's job.)
. "$(dirname "$0")/lib.sh"
P="$T/p"
mkdir -p "$P"
latin1="caf$(printf '\xe9').js" other="caf$(printf '\xe8').js" lone="x$(printf '\xff\xfe').js"
bad_js "$P/$latin1"
bad_js "$P/$lone"
cd "$T"
run --no-cache -q --write-baseline b.json p
expect_rc 0 "write"
run --no-cache --baseline b.json p
expect_rc 0 "non-UTF-8 names match their baseline entries"
expect_out "0 findings" "nothing new"
# a name that differs only in another invalid byte is another file
bad_js "$P/$other"
run --no-cache --baseline b.json p
expect_rc 1 "a different non-UTF-8 name is not matched by its look-alike"
expect_out "1 finding " "exactly the new file"
rm "$P/$other"

# three findings with one key; the count split over three entries
mkdir -p "$T/q"
printf '%s\n' 'for (const f of [1]) { [f].forEach(async (x) => { await x; }); }' \
  'for (const f of [1]) { [f].forEach(async (x) => { await x; }); }' \
  'for (const f of [1]) { [f].forEach(async (x) => { await x; }); }' >"$T/q/same.js"
run --no-cache -q --write-baseline q.json q
python3 - "$T/q.json" <<'PY'
import json, sys
p = sys.argv[1]; d = json.load(open(p))
e = [x for x in d['findings'] if x['count'] == 3]
assert e, d
e = e[0]; e['count'] = 1
d['findings'] += [dict(e), dict(e)]
# 200,000 entries that match nothing
d['findings'] += [{'ruleId': e['ruleId'], 'path': e['path'], 'key': '%016x' % i, 'count': 1}
                  for i in range(200000)]
json.dump(d, open(p, 'w'))
PY
run --no-cache --baseline q.json q
expect_rc 0 "a count split over repeated entries covers every occurrence"
expect_out "0 findings" "none new with split counts"
run --no-cache -q --baseline q.json --prune-baseline q
n=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['findings']))" "$T/q.json")
if [ "$n" = 1 ]; then ok; else fail "prune keeps one entry for the key (got $n)"; fi
run --no-cache --baseline q.json q
expect_out "0 findings" "the pruned baseline still covers all three"
finish
