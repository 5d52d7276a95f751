#!/usr/bin/env python3
"""Scripted LSP sessions against `racelint lsp`.

usage: test_lsp.py RACELINT
"""
import json, os, shutil, sys, tempfile, time
sys.path.insert(0, os.path.dirname(__file__))
from lsp_client import Client, uri

# every incremental parse is compared with a fresh conversion (the server
# aborts on a difference, failing the session)
os.environ["RACELINT_CHECK_REUSE"] = "1"

RACELINT = sys.argv[1]
passes = fails = 0


def check(cond, what):
    global passes, fails
    if cond:
        passes += 1
    else:
        fails += 1
        print("FAIL:", what, flush=True)


def init(c, root, utf8=False, pull=False):
    caps = {"textDocument": {"publishDiagnostics": {"relatedInformation": True}}}
    if utf8:
        caps["general"] = {"positionEncodings": ["utf-8", "utf-16"]}
    if pull:
        caps["textDocument"]["diagnostic"] = {"dynamicRegistration": False}
    r = c.request("initialize", {"processId": os.getpid(), "rootUri": uri(root),
                                 "capabilities": caps, "workspaceFolders": [
                                     {"uri": uri(root), "name": "ws"}]})
    c.notify("initialized", {})
    return r["result"]


def open_doc(c, path, text, version=1):
    lang = {".js": "javascript", ".ts": "typescript", ".c": "c"}[os.path.splitext(path)[1]]
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri(path), "languageId": lang,
                                                       "version": version, "text": text}})


def change(c, path, version, changes):
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri(path), "version": version},
                                        "contentChanges": changes})


def rng(l1, c1, l2, c2):
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


ws = tempfile.mkdtemp()
try:
    A = os.path.join(ws, "a.js")
    # non-ASCII before the finding on the same line: é is 1 UTF-16 unit and
    # 2 bytes, the emoji 2 UTF-16 units and 4 bytes
    a_text = 'async function go() { const s = "é😀"; [1].forEach(async (x) => { await x; }); }\n'
    open(A, "w").write(a_text)
    H = os.path.join(ws, "handlers.js")
    open(H, "w").write("export function handle(x) { return x; }\n")
    M = os.path.join(ws, "main.js")
    open(M, "w").write("import { handle } from './handlers.js';\n"
                       "export function run(xs) { xs.forEach(handle); }\n")
    T = os.path.join(ws, "b.ts")
    t_text = "export function f(xs: number[]): void {\n  xs.forEach(async (x: number) => { await x; });\n}\n"
    C = os.path.join(ws, "c.c")
    c_text = ("#include <fcntl.h>\n#include <unistd.h>\n"
              "int f(const char *p) {\n  if (access(p, W_OK)) return -1;\n  return open(p, O_WRONLY);\n}\n")

    # --- session 1: push diagnostics, UTF-16 ---------------------------------
    c = Client(RACELINT, cwd=ws)
    res = init(c, ws)
    check(res["capabilities"]["positionEncoding"] == "utf-16", "UTF-16 by default")
    check(res["capabilities"]["textDocumentSync"]["change"] == 2, "incremental sync advertised")
    check("diagnosticProvider" not in res["capabilities"], "no pull without client support")
    open_doc(c, A, a_text)
    d = c.diagnostics(uri(A))
    check(len(d) == 1, f"one diagnostic in a.js, got {len(d)}")
    if d:
        r = d[0]["range"]
        # "async function go() { const s = \"é😀\"; [1]." -> 'forEach' at UTF-16 unit 43
        check(r == rng(0, 43, 0, 50), f"UTF-16 range {r}")
        check(d[0]["code"] == "callback-promise-mix" and d[0]["source"] == "racelint", "code/source")
        check(d[0]["codeDescription"]["href"].endswith("callback-promise-mix.md"), "codeDescription")
        check(d[0]["severity"] == 1, "severity error")

    # incremental edit: insert a line above -> the diagnostic moves down
    change(c, A, 2, [{"range": rng(0, 0, 0, 0), "text": "// header\n"}])
    d = c.diagnostics(uri(A), pred=lambda ds: ds and ds[0]["range"]["start"]["line"] == 1)
    check(d and d[0]["range"] == rng(1, 43, 1, 50), "moved by the incremental edit")
    # code action: the suppression comment, applied as the client would
    ca = c.request("textDocument/codeAction", {"textDocument": {"uri": uri(A)}, "range": rng(1, 0, 1, 0),
                                               "context": {"diagnostics": d, "only": ["quickfix"]}})["result"]
    titles = [a["title"] for a in ca]
    check(any("Suppress callback-promise-mix" in t for t in titles), f"suppression action in {titles}")
    check(any("for...of" in t for t in titles), f"for...of quick fix in {titles}")
    sup = [a for a in ca if a["title"].startswith("Suppress")]
    if sup:
        edits = sup[0]["edit"]["changes"][uri(A)]
        e = edits[0]
        change(c, A, 3, [{"range": e["range"], "text": e["newText"]}])
        d = c.diagnostics(uri(A), pred=lambda ds: not any(x["code"] == "callback-promise-mix" for x in ds))
        check(not any(x["code"] == "callback-promise-mix" for x in d), "suppressed after applying the action")
    # the for...of fix removes the finding
    fix = [a for a in ca if "for...of" in a["title"]]
    if fix:
        c2_text = "// header\n" + a_text
        change(c, A, 4, [{"range": rng(0, 0, 99, 0), "text": c2_text}])
        c.diagnostics(uri(A), pred=lambda ds: len(ds) == 1)
        edits = fix[0]["edit"]["changes"][uri(A)]
        # apply edits back to front
        lines = c2_text.split("\n")
        def off(p):
            return sum(len(x) + 1 for x in lines[:p["line"]]) + _u16(lines[p["line"]], p["character"])
        def _u16(s, n):
            # python index for n UTF-16 units
            k = u = 0
            while u < n and k < len(s):
                u += 2 if ord(s[k]) > 0xFFFF else 1
                k += 1
            return k
        text = c2_text
        for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True):
            a0, b0 = off(e["range"]["start"]), off(e["range"]["end"])
            text = text[:a0] + e["newText"] + text[b0:]
        check("for (const x of [1])" in text, f"for...of rewrite: {text!r}")
        change(c, A, 5, [{"range": rng(0, 0, 99, 0), "text": text}])
        d = c.diagnostics(uri(A), pred=lambda ds: not ds)
        check(d == [], "no finding after the for...of fix")

    # TS and C files
    open_doc(c, T, t_text)
    d = c.diagnostics(uri(T))
    check(len(d) == 1 and d[0]["range"]["start"] == {"line": 1, "character": 5}, f"TS diagnostic {d}")
    open_doc(c, C, c_text)
    d = c.diagnostics(uri(C))
    check(len(d) == 1 and d[0]["code"] == "check-then-act" and d[0]["range"]["start"]["line"] == 4,
          f"C diagnostic {d}")
    check(d and d[0].get("relatedInformation") and d[0]["relatedInformation"][0]["location"]["range"]["start"]["line"] == 3,
          "relatedInformation points at the check")

    # cross-file: main.js is open; handlers.js changes from sync to async
    open_doc(c, M, open(M).read())
    d = c.diagnostics(uri(M))
    check(d == [], "main.js clean while handle is sync")
    open_doc(c, H, open(H).read())
    c.diagnostics(uri(H))
    change(c, H, 2, [{"range": rng(0, 7, 0, 7), "text": "async "}])
    d = c.diagnostics(uri(M), pred=lambda ds: len(ds) == 1)
    check(len(d) == 1 and d[0]["relatedInformation"][0]["location"]["uri"] == uri(H),
          "main.js diagnostic appears when handlers.js changes")
    change(c, H, 3, [{"range": rng(0, 7, 0, 13), "text": ""}])
    d = c.diagnostics(uri(M), pred=lambda ds: not ds)
    check(d == [], "and goes away again")

    # a lock-order cycle across two open files: created by an edit in one,
    # shown in both, gone in both when the edit is undone
    L = os.path.join(ws, "locks.js")
    open(L, "w").write("import { Mutex } from 'async-mutex';\n"
                       "export const inventoryLock = new Mutex();\nexport const ledgerLock = new Mutex();\n")
    O = os.path.join(ws, "orders.js")
    o_text = ("import { inventoryLock, ledgerLock } from './locks.js';\n"
              "export async function placeOrder(o) {\n"
              "  await inventoryLock.runExclusive(async () => {\n"
              "    await ledgerLock.runExclusive(async () => { o.state = 'placed'; });\n"
              "  });\n}\n")
    open(O, "w").write(o_text)
    F = os.path.join(ws, "refunds.js")
    f_text = ("import { inventoryLock, ledgerLock } from './locks.js';\n"
              "export async function refund(o) {\n"
              "  await inventoryLock.runExclusive(async () => {\n"
              "    await ledgerLock.runExclusive(async () => { o.state = 'refunded'; });\n"
              "  });\n}\n")
    open(F, "w").write(f_text)
    for p_, t_ in ((L, open(L).read()), (O, o_text), (F, f_text)):
        open_doc(c, p_, t_)
    c.diagnostics(uri(O), pred=lambda ds: not any(x["code"] == "lock-order" for x in ds))
    c.diagnostics(uri(F), pred=lambda ds: not any(x["code"] == "lock-order" for x in ds))
    # swap the order in refunds.js: ledger first, then inventory
    swapped = f_text.replace("inventoryLock.runExclusive(async () => {\n    await ledgerLock",
                             "ledgerLock.runExclusive(async () => {\n    await inventoryLock")
    check(swapped != f_text, "the edit swaps the lock order")
    change(c, F, 2, [{"range": rng(0, 0, 99, 0), "text": swapped}])
    has_lo = lambda ds: any(x["code"] == "lock-order" for x in ds)
    d_f = c.diagnostics(uri(F), pred=has_lo)
    d_o = c.diagnostics(uri(O), pred=has_lo)
    check(has_lo(d_f) and has_lo(d_o), "the lock-order cycle shows in both files")
    lo = [x for x in d_o + d_f if x["code"] == "lock-order"]
    check(all(x.get("relatedInformation") for x in lo), "with related locations")
    change(c, F, 3, [{"range": rng(0, 0, 99, 0), "text": f_text}])
    c.diagnostics(uri(F), pred=lambda ds: not has_lo(ds))
    c.diagnostics(uri(O), pred=lambda ds: not has_lo(ds))
    check(True, "and goes away in both when the order is consistent again")
    for p_ in (L, O, F):
        c.notify("textDocument/didClose", {"textDocument": {"uri": uri(p_)}})

    # promise-all-mutation decided in phase 2: the writes of executor.js run
    # inside the transaction of persist.js while it awaits them; dropping
    # the await there (an edit in the other file) shows the finding
    # (promise-all-mutation is in the strict preset: this folder turns it on)
    sd = os.path.join(ws, "strict")
    os.makedirs(sd)
    open(os.path.join(sd, ".racelint.json"), "w").write('{"rules": {"promise-all-mutation": "warning"}}')
    X = os.path.join(sd, "executor.js")
    x_text = ("class Executor {\n"
              "  async execute() { await this.insertAll(); }\n"
              "  async insertAll() {\n"
              "    await Promise.all(this.rows.map((r) => this.db.insert(r)));\n"
              "  }\n}\nmodule.exports = { Executor };\n")
    open(X, "w").write(x_text)
    P = os.path.join(sd, "persist.js")
    p_text = ("const { Executor } = require('./executor.js');\n"
              "async function persist(db, ex) {\n"
              "  try {\n    await db.startTransaction();\n    await ex.execute();\n"
              "    await db.commitTransaction();\n"
              "  } catch (e) {\n    await db.rollbackTransaction();\n    throw e;\n  }\n}\n"
              "module.exports = { persist, Executor };\n")
    open(P, "w").write(p_text)
    # the caller first, so executor.js is analysed with it in the project
    open_doc(c, P, p_text)
    c.diagnostics(uri(P))
    open_doc(c, X, x_text)
    has_pam = lambda ds: any(x["code"] == "promise-all-mutation" for x in ds)
    d = c.diagnostics(uri(X), pred=lambda ds: not has_pam(ds))
    check(not has_pam(d), "writes inside the caller's transaction: no finding")
    change(c, P, 2, [{"range": rng(4, 4, 4, 10), "text": ""}])  # drop "await "
    d = c.diagnostics(uri(X), pred=has_pam)
    check(has_pam(d), "the finding appears in executor.js when persist.js stops awaiting")
    change(c, P, 3, [{"range": rng(0, 0, 99, 0), "text": p_text}])
    d = c.diagnostics(uri(X), pred=lambda ds: not has_pam(ds))
    check(not has_pam(d), "and goes away when the await is back")
    for p_ in (X, P):
        c.notify("textDocument/didClose", {"textDocument": {"uri": uri(p_)}})

    # config reload: a .racelint.json turning the rule off
    open(os.path.join(ws, ".racelint.json"), "w").write('{"rules": {"check-then-act": "off"}}')
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(os.path.join(ws, ".racelint.json")), "type": 1}]})
    d = c.diagnostics(uri(C), pred=lambda ds: not ds)
    check(d == [], "config reload clears the disabled rule")
    os.remove(os.path.join(ws, ".racelint.json"))

    # close clears
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri(T)}})
    d = c.diagnostics(uri(T), pred=lambda ds: not ds)
    check(d == [], "diagnostics cleared on close")
    check(c.close() == 0, "exit status 0 after shutdown/exit")

    # --- random incremental edits agree with a fresh parse ---------------------
    import random, subprocess
    rnd = random.Random(7)
    c = Client(RACELINT, cwd=ws)
    init(c, ws)
    R = os.path.join(ws, "r.ts")
    base = ("// é😀 random edits\n" +
            "".join(f"export function f{i}(xs: number[]): void {{\n  xs.forEach(async (x) => {{ await x; }});\n}}\n"
                    for i in range(12)))
    text = base
    open_doc(c, R, text)
    c.diagnostics(uri(R))
    def units(s):
        return len(s.encode("utf-16-le")) // 2
    def one_edit(text):
        lines = text.split("\n")
        ln = rnd.randrange(len(lines))
        line = lines[ln]
        # positions in UTF-16 units; edit at code-point boundaries
        k = rnd.randrange(len(line) + 1)
        if rnd.random() < 0.5 and k < len(line):
            k2 = min(len(line), k + rnd.randrange(1, 4))
            new = ""
        else:
            k2 = k
            new = rnd.choice(["async ", "x", "\n", ";", "é", "😀", "forEach(", ")", "{", "}",
                              "await ", "/", "`", "(a) => ", "// ", "/* */", "'"])
        start = {"line": ln, "character": units(line[:k])}
        end = {"line": ln, "character": units(line[:k2])}
        lines[ln] = line[:k] + new + line[k2:]
        return "\n".join(lines), {"range": {"start": start, "end": end}, "text": new}
    last = 200
    for v in range(2, last + 1):
        # one edit, or several in one message (merged into one window)
        changes = []
        for _ in range(1 if rnd.random() < 0.8 else rnd.randrange(2, 5)):
            text, ch = one_edit(text)
            changes.append(ch)
        change(c, R, v, changes)
        if rnd.random() < 0.3:  # now and then let the analysis catch up
            c.diagnostics(uri(R), pred=lambda ds: True)
    # the publish for the last version (not a quiet spell: a loaded machine
    # can be slow)
    m = c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
               and m["params"]["uri"] == uri(R) and m["params"].get("version") == last)
    got = m["params"]["diagnostics"]
    fresh = subprocess.run([RACELINT, "--format", "json", "--fail-on", "none", "--stdin-filename", R],
                           input=text.encode(), capture_output=True)
    want = json.loads(fresh.stdout)["findings"]
    key = lambda ds: sorted((d["range"]["start"]["line"], d["code"]) for d in ds)
    check(key(got) == sorted((f["range"]["start"]["line"] - 1, f["ruleId"]) for f in want),
          f"incremental edits agree with a fresh parse: {key(got)} vs {[(f['range']['start']['line'] - 1, f['ruleId']) for f in want]}")
    check(c.close() == 0, "random-edit session exits cleanly")

    # --- a cross-file finding: the other file's correct declaration is only
    # related information, never a diagnostic of its own -------------------
    X2 = os.path.join(ws, "xf")
    os.makedirs(X2, exist_ok=True)
    xh, xm = os.path.join(X2, "handlers.js"), os.path.join(X2, "main.js")
    # floating-promise is in racelint:strict: this folder turns it on
    open(os.path.join(X2, ".racelint.json"), "w").write('{"rules": {"floating-promise": "warning"}}')
    open(xh, "w").write("export async function handle(x) { await x; }\n")
    open(xm, "w").write("import { handle } from './handlers.js';\nexport function run(x) { handle(x); }\n")
    c = Client(RACELINT, cwd=ws)
    init(c, ws)
    open_doc(c, xm, open(xm).read())
    open_doc(c, xh, open(xh).read())
    d = c.diagnostics(uri(xm), pred=lambda ds: len(ds) > 0)
    check(d[0]["code"] == "floating-promise" and d[0]["relatedInformation"][0]["location"]["uri"] == uri(xh),
          "the finding in main.js points at the declaration in handlers.js")
    check(c.close() == 0, "cross-file session exits cleanly")
    on_decl = [m for m in c.rest() if m.get("method") == "textDocument/publishDiagnostics"
               and m["params"]["uri"] == uri(xh) and m["params"]["diagnostics"]]
    check(not on_decl, f"no diagnostic on the correct declaration: {on_decl[:1]}")

    # --- session 2: UTF-8 negotiated, pull diagnostics -----------------------
    c = Client(RACELINT, cwd=ws)
    res = init(c, ws, utf8=True, pull=True)
    check(res["capabilities"]["positionEncoding"] == "utf-8", "UTF-8 when offered")
    check(res["capabilities"].get("diagnosticProvider", {}).get("interFileDependencies") is True,
          "pull diagnostics advertised")
    open_doc(c, A, a_text)
    r = c.request("textDocument/diagnostic", {"textDocument": {"uri": uri(A)}})["result"]
    check(r["kind"] == "full" and len(r["items"]) == 1, f"pull result {r}")
    if r["items"]:
        # bytes: é = 2, 😀 = 4 -> 'forEach' at byte 46
        check(r["items"][0]["range"] == rng(0, 46, 0, 53), f"UTF-8 range {r['items'][0]['range']}")
    check(c.close() == 0, "session 2 exits cleanly")
    # everything the server sent until its exit (no quiet period to wait out)
    pushes = [m for m in c.rest() if m.get("method") == "textDocument/publishDiagnostics"]
    check(not pushes, f"no push when the client pulls: {pushes[:1]}")

    # --- session 3: malformed input never crashes or hangs -------------------
    c = Client(RACELINT, cwd=ws)
    r = c.request("textDocument/codeAction", {})
    check(r.get("error", {}).get("code") == -32002, "request before initialize")
    c.raw(b"Content-Length: abc\r\n\r\n")
    m = c.wait(lambda m: m.get("error", {}).get("code") == -32700)
    check(m["id"] is None, "bad Content-Length -> parse error")
    c.raw(b"Content-Length: 9\r\n\r\n{not json")
    c.wait(lambda m: m.get("error", {}).get("code") == -32700)
    check(True, "invalid JSON -> parse error")
    c.raw(b"garbage without a colon\r\n\r\n")
    c.wait(lambda m: m.get("error", {}).get("code") == -32700)
    check(True, "garbage header -> parse error")
    body = b"[1,2,3]"
    c.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    c.wait(lambda m: m.get("error", {}).get("code") == -32600)
    check(True, "non-object -> invalid request")
    init(c, ws)
    r = c.request("textDocument/hover", {"textDocument": {"uri": uri(A)}, "position": {"line": 0, "character": 0}})
    check(r.get("error", {}).get("code") == -32601, "unknown method -> method not found")
    c.notify("$/unknownNotification", {"x": 1})
    c.notify("textDocument/didChange", {"textDocument": {"uri": "file:///not/open.js", "version": 2},
                                        "contentChanges": [{"range": rng(99, 99, 100, 0), "text": "x"}]})
    c.notify("textDocument/didOpen", {"textDocument": {"uri": "untitled:1", "text": "x"}})
    open_doc(c, A, a_text)
    change(c, A, 2, [{"range": rng(50, 3, 0, 0), "text": "// out of range edit\n"}])
    d = c.diagnostics(uri(A))
    check(isinstance(d, list), "server still answers after bad input")
    check(c.close() == 0, "session 3 exits cleanly")
    # EOF without shutdown: exit status 1, no hang
    c = Client(RACELINT, cwd=ws)
    c.p.stdin.close()
    check(c.p.wait() == 1, "EOF without shutdown exits 1")
finally:
    shutil.rmtree(ws, ignore_errors=True)

print(f"{passes} passed, {fails} failed")
sys.exit(1 if fails else 0)
