#!/usr/bin/env bash
# compare_builds.sh - is a refactor really one? Builds racelint at two
# commits (Release, as bench/bench.sh does), scans the bench corpora
# (bench/setup.sh) and examples/ with both, and prints the sha256 of the
# text, JSON and SARIF reports of each (they must be byte-identical), then
# times both builds cold (--no-cache) and warm (cache primed) on the
# corpora: N interleaved runs (A B A B ...), medians of wall and CPU time
# (user+sys of the children), and the ratio after/before.
#
#   bench/compare_builds.sh [--times-only] BEFORE_REF AFTER_REF [RUNS]
#   (RUNS default 5; --times-only skips the reports)
#
# Needs bench/setup.sh to have run (BENCH_WORK, default bench/.work).
# Scratch worktrees and builds go to $COMPARE_WORK (default
# /tmp/racelint-compare); nothing is written into this checkout.
set -euo pipefail
[ "${1:-}" = --times-only ] && { times_only=1; shift; } || times_only=0
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
[ $# -ge 2 ] || { sed -n '2,13p' "$0"; exit 2; }
before=$1 after=$2 runs=${3:-5}
bench=${BENCH_WORK:-$here/.work}
corpus=$bench/corpus
[ -f "$bench/SETUP_DONE" ] || { echo "compare_builds.sh: run bench/setup.sh first ($bench)" >&2; exit 2; }
work=${COMPARE_WORK:-/tmp/racelint-compare}
mkdir -p "$work"

build() { # REF -> prints the binary
  local sha wt
  sha=$(git -C "$repo" rev-parse --verify "$1^{commit}")
  wt=$work/wt-$sha
  if [ ! -x "$wt/build/racelint" ]; then
    [ -d "$wt" ] || git -C "$repo" worktree add --detach "$wt" "$sha" >&2
    if [ -d "$repo/grammars/node_modules" ] && [ ! -e "$wt/grammars/node_modules" ]; then
      cp -a "$repo/grammars/node_modules" "$wt/grammars/"
    fi
    cmake -S "$wt" -B "$wt/build" -DCMAKE_BUILD_TYPE=Release -DRACELINT_SKIP_RUNTIME=ON >&2
    cmake --build "$wt/build" -j"$(nproc)" --target racelint >&2
  fi
  echo "$wt/build/racelint"
}
A=$(build "$before")
B=$(build "$after")
echo "before: $before ($(git -C "$repo" rev-parse --short "$before")) $A"
echo "after:  $after ($(git -C "$repo" rev-parse --short "$after")) $B"

c_list=$work/c-files.txt
python3 - "$corpus/c/compile_commands.json" >"$c_list" <<'EOF'
import json, os, sys
seen = []
for e in json.load(open(sys.argv[1])):
    f = e["file"] if os.path.isabs(e["file"]) else os.path.join(e["directory"], e["file"])
    if f not in seen: seen.append(f)
print("\n".join(seen))
EOF

# scan RACELINT CORPUS FORMAT [ARGS...] -> report on stdout
scan() {
  local rl=$1 what=$2 fmt=$3; shift 3
  case $what in
    js) (cd "$corpus/js" && RACELINT_PARSE_TIMEOUT=0 "$rl" --no-cache --jobs 1 --fail-on none --format "$fmt" "$@" .) ;;
    c) (cd "$corpus/c" && RACELINT_PARSE_TIMEOUT=0 "$rl" --no-cache --jobs 1 --fail-on none --format "$fmt" \
          --max-file-size 64M --compile-commands compile_commands.json "$@" $(cat "$c_list")) ;;
    examples) (cd "$repo" && RACELINT_PARSE_TIMEOUT=0 "$rl" --no-cache --jobs 1 --fail-on none --format "$fmt" "$@" examples) ;;
  esac
}

same=1
[ "$times_only" = 1 ] || echo -e "\n## Reports (sha256; must be equal)"
for what in js c examples; do
  [ "$times_only" = 1 ] && break
  for fmt in text json sarif; do
    ha=$(scan "$A" "$what" "$fmt" 2>/dev/null | grep -v '"version": *"[^"]*",\?$' | sha256sum | cut -c1-16)
    hb=$(scan "$B" "$what" "$fmt" 2>/dev/null | grep -v '"version": *"[^"]*",\?$' | sha256sum | cut -c1-16)
    if [ "$ha" = "$hb" ]; then verdict=identical; else verdict=DIFFERENT; same=0; fi
    printf '%-9s %-6s before %s after %s %s\n' "$what" "$fmt" "$ha" "$hb" "$verdict"
  done
done

# timed RACELINT CORPUS MODE -> "wall cpu" (seconds)
timed() {
  local rl=$1 what=$2 mode=$3 cache args=()
  cache=$work/cache-$(basename "$(dirname "$(dirname "$rl")")")-$what
  if [ "$mode" = cold ]; then args=(--no-cache); else args=(--cache-dir "$cache"); fi
  python3 - "$rl" "$what" "$corpus" "$c_list" "${args[@]}" <<'EOF'
import os, resource, subprocess, sys, time
rl, what, corpus, c_list, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
if what == "js":
    cmd, cwd = [rl, "-q", "--fail-on", "none", "--format", "json", "-o", "/dev/null"] + args + ["."], corpus + "/js"
else:
    files = open(c_list).read().split()
    cmd = [rl, "-q", "--fail-on", "none", "--format", "json", "-o", "/dev/null", "--max-file-size", "64M",
           "--compile-commands", "compile_commands.json"] + args + files
    cwd = corpus + "/c"
r0 = resource.getrusage(resource.RUSAGE_CHILDREN); t0 = time.monotonic()
subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
t1 = time.monotonic(); r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.3f %.3f" % (t1 - t0, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)))
EOF
}

echo
echo "## Times ($runs interleaved runs each; medians; ratio = after / before)"
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| corpus | mode | before wall s | after wall s | wall ratio | before CPU s | after CPU s | CPU ratio |\n|---|---|---|---|---|---|---|---|\n'
for what in js c; do
  for mode in cold warm; do
    if [ "$mode" = warm ]; then timed "$A" "$what" warm >/dev/null; timed "$B" "$what" warm >/dev/null; fi
    ta=() tb=()
    for _ in $(seq "$runs"); do
      ta+=("$(timed "$A" "$what" "$mode")")
      tb+=("$(timed "$B" "$what" "$mode")")
    done
    python3 - "$what" "$mode" "${ta[@]}" -- "${tb[@]}" <<'EOF'
import statistics, sys
what, mode, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
i = rest.index("--"); a, b = rest[:i], rest[i + 1:]
med = lambda xs, k: statistics.median(float(x.split()[k]) for x in xs)
aw, bw, ac, bc = med(a, 0), med(b, 0), med(a, 1), med(b, 1)
print("| %s | %s | %.2f | %.2f | %.3f | %.2f | %.2f | %.3f |" % (what, mode, aw, bw, bw / aw, ac, bc, bc / ac))
EOF
  done
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$same" = 1 ] || { echo "compare_builds.sh: the reports differ" >&2; exit 1; }
