#!/usr/bin/env bash
# reliability.sh [RACELINT] - hostile-size benchmarks from issue 14 (not a
# test: it prints figures, the targets are for a person to compare):
#   1. one 3.6 MB JS file mixing the shapes that were quadratic (10,000
#      lazy initialisations at module level, a 10,000-branch else-if chain,
#      async forEach, Promise.all with shared writes)      target: < 5 s
#   2. 40,000 findings against a baseline padded to 200,000 entries
#      (writing the baseline, then matching)               target: < 10 s
# Rerunnable; works in a temporary directory; needs python3 and
# /usr/bin/time. -j1; wall-clock and CPU seconds.
set -eu
RL=${1:-$(cd "$(dirname "$0")/.." && pwd)/build/racelint}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cd "$W"
python3 - <<'PY'
parts = []
n = 0
while sum(map(len, parts)) < 3_600_000:
    parts.append(''.join('let c%d;\nasync function g%d() { if (!c%d) c%d = await create(); return c%d; }\n'
                         % ((n + i,) * 5) for i in range(2000)))
    parts.append('async function f%d(x) {\n  if (x === 0) { await a(); }\n' % n +
                 ''.join('  else if (x === %d) { await a%d(); }\n' % (i, i) for i in range(1, 2000)) + '}\n')
    parts.append(''.join('[%d].forEach(async (x) => { await save%d(x); });\n' % (i, i) for i in range(500)))
    parts.append(''.join('async function p%d(xs) { let t = 0; await Promise.all(xs.map(async (x) => { t += await w(x); })); return t; }\n'
                         % (n + i) for i in range(500)))
    n += 2000
open('big.js', 'w').write(''.join(parts))
import os
os.mkdir('p')
for f in range(40):
    open('p/f%02d.js' % f, 'w').write(''.join('[%d].forEach(async (x) => { await x%d; });\n' % (i, i)
                                               for i in range(1000)))
PY
# wall and CPU (user+sys) seconds: on a shared machine the CPU time is the
# figure to compare (one thread: -j1)
t() {
  /usr/bin/time -f "%e %U %S" -o "$W/t" "$@" >/dev/null 2>&1 || true
  tail -1 "$W/t" | awk '{ printf "%6.2f s wall, %5.2f s CPU", $1, $2 + $3 }'
}
echo "racelint: $RL"
echo "1. $(stat -c %s big.js) bytes of JS, one file:      $(t "$RL" --no-cache -j1 -q big.js)"
echo "2. 40,000 findings, scan only:                $(t "$RL" --no-cache -j1 -q p)"
echo "   write the baseline:                        $(t "$RL" --no-cache -j1 -q --write-baseline bl.json p)"
python3 - <<'PY'
import json
d = json.load(open('bl.json'))
d['findings'] = [{'ruleId': 'callback-promise-mix', 'path': 'p/f%02d.js' % (i % 40), 'key': '%016x' % i,
                  'count': 1} for i in range(200000 - len(d['findings']))] + d['findings']
json.dump(d, open('big.json', 'w'))
PY
echo "   match against 200,000 entries:             $(t "$RL" --no-cache -j1 -q --baseline big.json p)"
n=$("$RL" --no-cache -j1 --baseline big.json --format json p 2>/dev/null | python3 -c "import json,sys; print(len(json.load(sys.stdin)['findings']))" || echo "?")
echo "   findings left new after the baseline:      $n (expected 0)"
