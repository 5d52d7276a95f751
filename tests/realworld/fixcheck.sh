#!/usr/bin/env bash
# fixcheck.sh - do the fixes racelint applies to real code still compile?
#
#   tests/realworld/fixcheck.sh [--set dev] [--lang c|js|all] [--new RACELINT]
#                               [--only NAME[,NAME]] [--true FILE]
#                               [-- EXTRA RACELINT ARGS]
#
# For every code base of the set (the pinned list of ecosystem.sh; fetch
# them with `ecosystem.sh --set dev` first: this script fetches nothing),
# copies the scanned directories to $ECO_WORK/fixcheck/<name>, runs
# `racelint --fix --unsafe-fixes` on the copy, and checks every file the
# fixes changed, before and after:
#   - .js/.cjs/.mjs: `node --check` (with the package's own package.json,
#     so ESM is told from CommonJS as node would);
#   - .ts/.tsx/.mts/.cts: TypeScript's syntactic diagnostics
#     (ts.transpileModule with reportDiagnostics: a `tsc --noEmit` of one
#     file without its types) from $TS_DIR/node_modules/typescript, pinned
#     below;
#   - .c/.h: `cc -fsyntax-only` with the file's directory and the package's
#     usual include dirs. A file that has errors before its fix (missing
#     config.h, ...) passes when the fix adds no error message it did not
#     have.
# Prints per code base: files changed, fixes in them (findings with an
# applicable fix in a scan of the copy before fixing), files and fixes
# that still parse, and a total line:
#   fixcheck: N fixes in M files, K fixes (J files) compile: P%
# With --true FILE (tests/realworld/true-findings.txt: the findings judged
# TRUE in docs/triage-*.md, `CODE-BASE RULE PATH:LINE` a line) only the
# code bases named there are run, and each TRUE finding is looked up in the
# scan of the untouched copy: found or not, with a fix or not; the first
# safe or unsafe fix of each (what --fix --unsafe-fixes takes) is applied
# alone to its file and the file checked as above. Prints a line per TRUE
# finding and the total:
#   fixcheck --true: N TRUE findings, F found, X with a fix, K fixes compile: P%
# The held-out set is refused: it is for the people who did not write the
# rules.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
set_name=dev lang=all new=$top/build/racelint only= truefile=
TS_VERSION=5.4.5
while [ $# -gt 0 ]; do
  case $1 in
    --set) set_name=$2; shift 2 ;;
    --lang) lang=$2; shift 2 ;;
    --new) new=$2; shift 2 ;;
    --only) only=$2; shift 2 ;; # these code bases of the set only
    --true) truefile=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;

    --) shift; break ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "fixcheck.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
extra=("$@")
[ "$set_name" = dev ] || { echo "fixcheck.sh: only --set dev (the held-out set stays unread)" >&2; exit 2; }
ECO_WORK=${ECO_WORK:-/work/eco}
TS_DIR=${TS_DIR:-$ECO_WORK/tools}
if [ ! -d "$TS_DIR/node_modules/typescript" ]; then
  mkdir -p "$TS_DIR"
  [ -f "$TS_DIR/package.json" ] || echo '{"private":true}' >"$TS_DIR/package.json"
  (cd "$TS_DIR" && npm install --no-audit --no-fund "typescript@$TS_VERSION" >&2)
fi
out=$ECO_WORK/fixcheck
rm -rf "$out"
mkdir -p "$out"

rows() {
  sed -n '/^CODEBASES="/,/^"$/p' "$here/ecosystem.sh" | sed '1d;$d' |
    while read -r name version set l dirs; do
      [ -n "$name" ] && [ "$set" = "$set_name" ] || continue
      [ "$lang" = all ] || [ "$l" = "$lang" ] || continue
      [ -z "$only" ] || [[ ",$only," == *",$name,"* ]] || continue
      [ -z "$truefile" ] || grep -q "^$name " "$truefile" || continue
      echo "$name $version $l $dirs"
    done
}

# check FILE ROOT -> prints the error messages (file:line stripped), sorted
check() {
  local f=$1 root=$2
  case $f in
    *.js|*.cjs|*.mjs|*.jsx)
      (cd "$(dirname "$f")" && node --check "$f" 2>&1 >/dev/null) | grep -E 'Error' | sort -u || true ;;
    *.ts|*.tsx|*.mts|*.cts)
      node -e '
const ts = require(process.argv[1]);
const f = process.argv[2];
const r = ts.transpileModule(require("fs").readFileSync(f, "utf8"),
  { fileName: f, reportDiagnostics: true, compilerOptions: { jsx: "preserve" } });
for (const d of r.diagnostics) console.log("TS" + d.code + ": " + ts.flattenDiagnosticMessageText(d.messageText, " "));
' "$TS_DIR/node_modules/typescript" "$f" | sort -u ;;
    *.c|*.h)
      cc -fsyntax-only -std=gnu11 -w -I"$(dirname "$f")" -I"$root" -I"$root/src" -I"$root/include" \
        -I"$root/lib" "$f" 2>&1 | grep -E 'error:' | sed -E 's/^[^ ]*:[0-9]+:[0-9]+: //' | sort -u || true ;;
  esac
}

total_files=0 total_fixes=0 ok_files=0 ok_fixes=0
t_all=0 t_found=0 t_fix=0 t_ok=0

# true_findings NAME TAG: the TRUE findings of code base NAME in the scan
# $out/TAG.before.json of the untouched copy $work; each one's fix applied
# alone and its file checked against the original $src
true_findings() {
  local name=$1 tag=$2 rel line rule status fixed
  echo "$name"
  while IFS=$'\t' read -r rel line rule status fixed; do
    t_all=$((t_all + 1))
    case $status in
      notfound) echo "  TRUE $rule $rel:$line: not reported" ;;
      nofix) t_found=$((t_found + 1)); echo "  TRUE $rule $rel:$line: reported, no fix" ;;
      fix)
        t_found=$((t_found + 1)) t_fix=$((t_fix + 1))
        cp "$work/$rel" "$out/orig.tmp"
        cp "$fixed" "$work/$rel"
        local before after new_errors
        before=$(check "$src/$rel" "$src")
        after=$(check "$work/$rel" "$work")
        cp "$out/orig.tmp" "$work/$rel"
        new_errors=$(comm -13 <(printf '%s\n' "$before") <(printf '%s\n' "$after") | grep -v '^$' || true)
        if [ -z "$new_errors" ]; then
          t_ok=$((t_ok + 1))
          echo "  TRUE $rule $rel:$line: fix compiles"
        else
          echo "  TRUE $rule $rel:$line: fix does NOT compile"
          { echo "== $name: $rel:$line ($rule, TRUE)"; echo "$new_errors"; diff -u "$src/$rel" "$fixed" | head -60; } >>"$out/failures.txt"
        fi ;;
    esac
  done < <(python3 - "$truefile" "$name" "$out/$tag.before.json" "$work" "$out/$tag.true" <<'PY'
import json, os, sys
truefile, name, report, work, prefix = sys.argv[1:6]
want = []
for l in open(truefile, encoding="utf-8"):
    p = l.split()
    if len(p) >= 3 and not l.startswith("#") and p[0] == name:
        path, _, line = p[2].rpartition(":")
        want.append((p[1], path, int(line)))
try:
    findings = json.load(open(report))["findings"]
except (OSError, ValueError):
    findings = []
for k, (rule, path, line) in enumerate(want):
    hit = [f for f in findings if f["ruleId"] == rule and f.get("path") == path
           and f["range"]["start"]["line"] == line]
    if not hit:
        print(f"{path}\t{line}\t{rule}\tnotfound\t")
        continue
    fx = next((x for f in hit for x in f.get("fixes", []) if x["applicability"] in ("safe", "unsafe")), None)
    if not fx:
        print(f"{path}\t{line}\t{rule}\tnofix\t")
        continue
    data = open(os.path.join(work, path), "rb").read()
    out, at = b"", 0
    for e in sorted(fx["edits"], key=lambda e: (e["startOffset"], e["endOffset"])):
        out += data[at:e["startOffset"]] + e["text"].encode("utf-8")
        at = e["endOffset"]
    out += data[at:]
    dst = f"{prefix}.{k}"
    open(dst, "wb").write(out)
    print(f"{path}\t{line}\t{rule}\tfix\t{dst}")
PY
  )
}
while read -r name version l dirs; do
  tag=$(echo "$name" | tr '/@' '__')
  src="$ECO_WORK/src/$tag-${version//:/_}"
  [ -d "$src" ] || { echo "fixcheck.sh: $src missing (run ecosystem.sh --set dev)" >&2; continue; }
  work="$out/$tag"
  mkdir -p "$work"
  cp -a "$src/." "$work/"
  args=()
  IFS=, read -r -a parts <<<"$dirs"
  for p in "${parts[@]}"; do [ -e "$work/$p" ] && args+=("$work/$p"); done
  # the fixes each file will get: findings with a fix (--unsafe-fixes takes
  # the first safe or unsafe one)
  "$new" --no-cache --fail-on none --root "$work" --format json -o "$out/$tag.before.json" \
    --exclude "$work/.pc" "${extra[@]}" "${args[@]}" 2>/dev/null || true
  if [ -n "$truefile" ]; then
    true_findings "$name" "$tag"
    rm -rf "$work"
    continue
  fi
  "$new" --no-cache --fail-on none --root "$work" --fix --unsafe-fixes -q --exclude "$work/.pc" \
    "${extra[@]}" "${args[@]}" >"$out/$tag.fix.log" 2>&1 || true
  files=0 fixes=0 okf=0 okx=0
  while read -r rel; do
    [ -n "$rel" ] || continue
    n=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(sum(1 for f in d["findings"] if f.get("path", f.get("file")) == sys.argv[2]
          and any(x["applicability"] in ("safe", "unsafe") for x in f.get("fixes", []))))
' "$out/$tag.before.json" "$rel")
    [ "$n" -gt 0 ] || n=1
    before=$(check "$src/$rel" "$src")
    after=$(check "$work/$rel" "$work")
    new_errors=$(comm -13 <(printf '%s\n' "$before") <(printf '%s\n' "$after") | grep -v '^$' || true)
    files=$((files + 1)) fixes=$((fixes + n))
    if [ -z "$new_errors" ]; then
      okf=$((okf + 1)) okx=$((okx + n))
    else
      { echo "== $name: $rel"; echo "$new_errors"; diff -u "$src/$rel" "$work/$rel" | head -60; } >>"$out/failures.txt"
    fi
  done < <(cd "$work" && diff -rq "$src" . 2>/dev/null | sed -n "s|^Files $src/\(.*\) and ./.* differ$|\1|p")
  printf '%-20s %3d files %4d fixes changed; %3d files %4d fixes compile\n' "$name" "$files" "$fixes" "$okf" "$okx"
  total_files=$((total_files + files)) total_fixes=$((total_fixes + fixes))
  ok_files=$((ok_files + okf)) ok_fixes=$((ok_fixes + okx))
  rm -rf "$work"
done < <(rows)
pct=$(python3 -c "import sys; a, b = int(sys.argv[1]), int(sys.argv[2]); print(f'{100 * a / b:.1f}%' if b else 'n/a')" "$ok_fixes" "$total_fixes")
if [ -n "$truefile" ]; then
  pct=$(python3 -c "import sys; a, b = int(sys.argv[1]), int(sys.argv[2]); print(f'{100 * a / b:.1f}%' if b else 'n/a')" "$t_ok" "$t_fix")
  echo "fixcheck --true: $t_all TRUE findings, $t_found found, $t_fix with a fix, $t_ok fixes compile: $pct"
  [ -f "$out/failures.txt" ] && echo "failures: $out/failures.txt"
  exit 0
fi
echo "fixcheck: $total_fixes fixes in $total_files files, $ok_fixes fixes ($ok_files files) compile: $pct"
[ -f "$out/failures.txt" ] && echo "failures: $out/failures.txt"
exit 0
