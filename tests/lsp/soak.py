#!/usr/bin/env python3
"""LSP soak: opens, edits (random incremental edits) and closes documents,
OPERATIONS times (default 40000; SOAK_OPS); every request gets its
response, every edit gets its diagnostics, and the server's memory stays
flat: the RSS at the end is at most 1.5x (+16 MiB) the RSS after the
warm-up (the first quarter of the operations, at most 500).  The amount of
work is a count, not a duration: a loaded machine runs the same session,
only slower.

usage: soak.py RACELINT [OPERATIONS]
"""
import json, os, random, shutil, sys, tempfile, time
sys.path.insert(0, os.path.dirname(__file__))
from lsp_client import Client, uri

racelint = sys.argv[1]
operations = int(sys.argv[2]) if len(sys.argv) > 2 else int(os.environ.get("SOAK_OPS", "40000"))
rnd = random.Random(42)

def rss_kb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0

ws = tempfile.mkdtemp()
docs = {}
for i in range(6):
    ext = [".js", ".ts", ".tsx"][i % 3]
    p = os.path.join(ws, f"f{i}{ext}")
    text = "".join(f"export async function h{i}_{k}(xs) {{\n  xs.forEach(async (x) => {{ await x; }});\n}}\n"
                   for k in range(40))
    open(p, "w").write(text)
    docs[p] = text
c = Client(racelint, cwd=ws)
c.request("initialize", {"rootUri": uri(ws), "capabilities": {}})
c.notify("initialized", {})
fails = 0
opened, versions = set(), {}
edits = requests = 0
start = time.time()  # for the report only
warm_after = min(500, operations // 4)
warm_rss = None
try:
    for op in range(operations):
        if warm_rss is None and op >= warm_after:
            warm_rss = rss_kb(c.p.pid)
        p = rnd.choice(list(docs))
        if p not in opened:
            versions[p] = 1
            c.notify("textDocument/didOpen", {"textDocument": {"uri": uri(p), "languageId": "javascript",
                                                             "version": 1, "text": docs[p]}})
            opened.add(p)
            c.diagnostics(uri(p))
            continue
        r = rnd.random()
        if r < 0.05:
            c.notify("textDocument/didClose", {"textDocument": {"uri": uri(p)}})
            opened.discard(p)
            c.diagnostics(uri(p), pred=lambda ds: not ds)
            continue
        if r < 0.15:
            requests += 1
            m = c.request("textDocument/codeAction", {"textDocument": {"uri": uri(p)},
                          "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}},
                          "context": {"diagnostics": []}})
            if "result" not in m:
                fails += 1
                print("FAIL: codeAction", m)
            continue
        lines = docs[p].split("\n")
        ln = rnd.randrange(len(lines))
        k = rnd.randrange(len(lines[ln]) + 1)
        new = rnd.choice(["x", " ", "async ", ";", "\n", "é", ""])
        k2 = min(len(lines[ln]), k + (1 if new == "" else 0))
        versions[p] += 1
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri(p), "version": versions[p]},
                 "contentChanges": [{"range": {"start": {"line": ln, "character": len(lines[ln][:k].encode('utf-16-le')) // 2},
                                               "end": {"line": ln, "character": len(lines[ln][:k2].encode('utf-16-le')) // 2}},
                                     "text": new}]})
        lines[ln] = lines[ln][:k] + new + lines[ln][k2:]
        docs[p] = "\n".join(lines)
        edits += 1
        v = versions[p]
        c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
               and m["params"]["uri"] == uri(p) and m["params"].get("version") == v)
        # drop older publishes we skipped over
        c.seen = [m for m in c.seen if m.get("method") != "textDocument/publishDiagnostics"]
    end_rss = rss_kb(c.p.pid)
    code = c.close()
    if code != 0:
        fails += 1
        print("FAIL: exit status", code)
except EOFError as e:
    fails += 1
    print("FAIL: a response did not arrive:", e)
    end_rss = 0
finally:
    if c.p.poll() is None:
        c.p.kill()
    shutil.rmtree(ws, ignore_errors=True)
warm_rss = warm_rss or end_rss
print(f"soak: {operations} operations in {time.time() - start:.0f} s, {edits} edits, {requests} code actions; RSS after warm-up "
      f"{warm_rss / 1024:.1f} MiB, at the end {end_rss / 1024:.1f} MiB")
if end_rss > warm_rss * 1.5 + 16 * 1024:
    fails += 1
    print("FAIL: memory grew")
print(f"{1 if not fails else 0} passed, {fails} failed")
sys.exit(1 if fails else 0)
