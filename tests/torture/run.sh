#!/usr/bin/env bash
# run.sh [RACELINT] [WORKDIR] - builds the torture corpus (never committed)
# and scans each part, printing a markdown table of wall time, peak RSS and
# exit status for docs/reliability.md. Parts: a 4 MB one-line bundle, an
# 8.7 MB generated C file (tree-sitter's tsx parser.c), 100 MB of JS in
# 10,000 files, files of NUL bytes, invalid UTF-8, UTF-16 with a BOM, CRLF
# and lone-CR line ends, 100,000-deep nesting, and files that grow or are
# deleted while the scan runs. Exit status 1 if any scan crashed (> 2).
set -u
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
racelint=${1:-$src/build/racelint}
work=${2:-/tmp/racelint-torture}
rm -rf "$work" && mkdir -p "$work"
cd "$work"
python3 - "$work" "$src" <<'PY'
import os, random, shutil, sys
w, src = sys.argv[1], sys.argv[2]
rnd = random.Random(1)
def mk(d):
    os.makedirs(os.path.join(w, d), exist_ok=True)
    return os.path.join(w, d)
d = mk("minified")
body = "".join(f"var a{i}=function(b,c){{return b.map(function(x){{return x+c+{i}}})}};" for i in range(55000))
open(f"{d}/bundle.min.js", "w").write(body + "[1].forEach(async (x) => { await x; });\n")
d = mk("bigc")
shutil.copy(os.path.join(src, "grammars/node_modules/tree-sitter-typescript/tsx/src/parser.c"), f"{d}/parser.c")
d = mk("many")
tmpl = ("import {{ load{j} }} from './m{k}.js';\n"
        "export async function handler{i}_{j}(req, res) {{\n"
        "  const user = await load{j}(req.id);\n"
        "  if (!user) {{ res.status(404); return; }}\n"
        "  [1, 2, 3].forEach((x) => console.log(x, user.name));\n"
        "  return res.json({{ ok: true, n: {j} }});\n}}\n")
for i in range(10000):
    sub = mk(f"many/d{i // 500}")
    text = "".join(tmpl.format(i=i, j=j, k=(i + 1) % 10000) for j in range(40))
    open(f"{sub}/m{i}.js", "w").write(text)
d = mk("bad")
for i in range(100):
    open(f"{d}/nul{i}.js", "wb").write(b"\0" * 4096)
    open(f"{d}/latin1_{i}.js", "wb").write(b"// caf\xe9 \xff\xfe\n[1].forEach(async (x) => { await x; });\n")
    open(f"{d}/utf16_{i}.ts", "wb").write("\ufeffconst x = 1;\n".encode("utf-16-le"))
    open(f"{d}/crlf{i}.js", "wb").write(b"const a = 1;\r\n[1].forEach(async (x) => { await x; });\r\n")
    open(f"{d}/cr{i}.js", "wb").write(b"const a = 1;\r[1].forEach(async (x) => { await x; });\r")
d = mk("deep")
open(f"{d}/arrays.js", "w").write("const x = " + "[" * 100000 + "]" * 100000 + ";\n")
open(f"{d}/objects.ts", "w").write("const o = " + "{a:" * 100000 + "1" + "}" * 100000 + ";\n")
open(f"{d}/functions.js", "w").write("(" + "function(){" * 30000 + "}" * 30000 + ")\n")
open(f"{d}/parens.c", "w").write("int f(void) { return " + "(" * 100000 + "1" + ")" * 100000 + "; }\n")
open(f"{d}/blocks.c", "w").write("void g(void) " + "{" * 100000 + "}" * 100000 + "\n")
d = mk("churn")
for i in range(2000):
    open(f"{d}/c{i}.js", "w").write("export const v = 1;\n" * 50)
PY
status=0
echo "| part | size | files | wall (s) | peak RSS (MiB) | exit | notes |"
echo "|---|---|---|---|---|---|---|"
scan() { # name dir args...
  local name=$1 dir=$2
  shift 2
  local size files
  size=$(du -sh "$dir" | cut -f1)
  files=$(find "$dir" -type f | wc -l)
  /usr/bin/time -f "%e %M" -o "$work/.time" "$racelint" --no-cache --format json -o "$work/.out.json" "$@" "$dir" 2>"$work/.err"
  local rc=$?
  read -r wall rss < <(tail -1 "$work/.time") || true
  local notes
  notes=$(grep -c 'racelint: ' "$work/.err" || true)
  local findings
  findings=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["findings"])' "$work/.out.json" 2>/dev/null || echo "?")
  printf '| %s | %s | %s | %s | %.0f | %s | %s findings, %s notices |\n' "$name" "$size" "$files" "$wall" "$((rss / 1024))" "$rc" "$findings" "$notes"
  [ "$rc" -gt 2 ] && status=1
  return 0
}
scan "minified bundle, one 4 MB line" minified --max-file-size 16M
scan "generated C (tsx parser.c)" bigc --max-file-size 16M
scan "100 MB of JS in 10,000 files (--jobs 2)" many --jobs 2
scan "100 MB of JS in 10,000 files (--jobs 1)" many --jobs 1
scan "NUL, invalid UTF-8, UTF-16, CRLF, lone CR" bad
scan "100,000-deep nesting" deep --max-file-size 16M
( for r in $(seq 1 40); do
    for i in $(seq 0 7 1999); do rm -f churn/c$i.js; done
    for i in $(seq 0 7 1999); do printf 'export const w = 1;\n' >churn/c$i.js; done
    for i in $(seq 1 7 1999); do printf 'export const g = 2;\n' >>churn/c$i.js; done
  done ) &
scan "files deleted and growing during the scan" churn --jobs 2
wait
exit $status
